package com.drdailyreport.shared.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The DR universe in memory, for resolving what people type. Built once per process from the
 * ticker registry (a few dozen rows), then read-only and thread-safe.
 *
 * <p>{@link #resolve} accepts a DR symbol ({@code NVDA19}), a Yahoo symbol ({@code NVDA},
 * {@code D05.SI}), a DR symbol without its {@code 19} ({@code DBS}) or an exact company name
 * ({@code apple}), ignoring case, surrounding and inner whitespace and a leading {@code $}.
 * {@link #search} ranks symbol and name matches for autocomplete; {@link #suggest} adds close
 * misspellings ({@code NVDIA19} → {@code NVDA19}) for "did you mean".
 */
public final class TickerRegistry {

    private static final String DR_SUFFIX = "19";

    private final List<Ticker> tickers;
    private final Map<String, Ticker> byKey = new HashMap<>();

    public TickerRegistry(List<Ticker> tickers) {
        this.tickers = tickers.stream().sorted(Comparator.comparing(Ticker::drSymbol)).toList();
        // Later puts never override earlier ones: the strongest key kinds are indexed first.
        for (Ticker t : this.tickers) {
            byKey.put(t.drSymbol(), t);
        }
        for (Ticker t : this.tickers) {
            byKey.putIfAbsent(t.yahooSymbol(), t);
        }
        for (Ticker t : this.tickers) {
            byKey.putIfAbsent(baseSymbol(t), t);
        }
        for (Ticker t : this.tickers) {
            if (t.companyName() != null && !t.companyName().isBlank()) {
                byKey.putIfAbsent(normalizeName(t.companyName()), t);
            }
        }
    }

    /** Every ticker, ordered by DR symbol. */
    public List<Ticker> all() {
        return tickers;
    }

    public int size() {
        return tickers.size();
    }

    /** The ticker {@code text} names exactly, if any. */
    public Optional<Ticker> resolve(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String symbol = normalizeSymbol(text);
        if (symbol.isEmpty()) {
            return Optional.empty();
        }
        Ticker hit = byKey.get(symbol);
        if (hit == null) {
            hit = byKey.get(normalizeName(text));
        }
        return Optional.ofNullable(hit);
    }

    /** The ticker with exactly this DR symbol (any case); no other kind of name. */
    public Optional<Ticker> byDrSymbol(String drSymbol) {
        if (drSymbol == null) {
            return Optional.empty();
        }
        Ticker t = byKey.get(normalizeSymbol(drSymbol));
        return t != null && t.drSymbol().equals(normalizeSymbol(drSymbol)) ? Optional.of(t) : Optional.empty();
    }

    /**
     * Autocomplete: exact symbol matches first, then DR-symbol prefixes, Yahoo-symbol prefixes,
     * company names starting with the query, company names containing it; ties by DR symbol.
     */
    public List<Ticker> search(String query, int limit) {
        if (query == null || query.isBlank() || limit <= 0) {
            return List.of();
        }
        String symbol = normalizeSymbol(query);
        String name = normalizeName(query);
        List<Scored> scored = new ArrayList<>();
        for (Ticker t : tickers) {
            int rank = searchRank(t, symbol, name);
            if (rank < Integer.MAX_VALUE) {
                scored.add(new Scored(t, rank));
            }
        }
        return top(scored, limit);
    }

    /**
     * "Did you mean": the {@link #search} matches, then tickers whose symbol is within a small
     * edit distance of the query (at most 1 edit for short queries, 2 for longer ones).
     */
    public List<Ticker> suggest(String text, int limit) {
        if (text == null || text.isBlank() || limit <= 0) {
            return List.of();
        }
        List<Ticker> result = new ArrayList<>(search(text, limit));
        if (result.size() >= limit) {
            return result;
        }
        String symbol = normalizeSymbol(text);
        String bare = symbol.endsWith(DR_SUFFIX) && symbol.length() > DR_SUFFIX.length()
                ? symbol.substring(0, symbol.length() - DR_SUFFIX.length()) : symbol;
        int allowed = bare.length() <= 4 ? 1 : 2;
        List<Scored> fuzzy = new ArrayList<>();
        for (Ticker t : tickers) {
            if (result.contains(t)) {
                continue;
            }
            int distance = Math.min(editDistance(bare, baseSymbol(t)), editDistance(symbol, t.yahooSymbol()));
            if (distance <= allowed) {
                fuzzy.add(new Scored(t, distance));
            }
        }
        result.addAll(top(fuzzy, limit - result.size()));
        return result;
    }

    private static int searchRank(Ticker t, String symbol, String name) {
        if (!symbol.isEmpty()) {
            if (t.drSymbol().equals(symbol) || t.yahooSymbol().equals(symbol) || baseSymbol(t).equals(symbol)) {
                return 0;
            }
            if (t.drSymbol().startsWith(symbol)) {
                return 1;
            }
            if (t.yahooSymbol().startsWith(symbol)) {
                return 2;
            }
        }
        if (!name.isEmpty() && t.companyName() != null) {
            String company = normalizeName(t.companyName());
            if (company.startsWith(name)) {
                return 3;
            }
            if (company.contains(name)) {
                return 4;
            }
        }
        return Integer.MAX_VALUE;
    }

    private record Scored(Ticker ticker, int score) {
    }

    private static List<Ticker> top(List<Scored> scored, int limit) {
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(s -> s.ticker().drSymbol()))
                .limit(limit)
                .map(Scored::ticker)
                .toList();
    }

    /** The DR symbol without its trailing "19" (NVDA19 → NVDA). */
    private static String baseSymbol(Ticker t) {
        String dr = t.drSymbol();
        return dr.endsWith(DR_SUFFIX) && dr.length() > DR_SUFFIX.length() ? dr.substring(0, dr.length() - DR_SUFFIX.length()) : dr;
    }

    static String normalizeSymbol(String text) {
        String s = text.strip();
        if (s.startsWith("$")) {
            s = s.substring(1);
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(Character.toUpperCase(c));
            }
        }
        return out.toString();
    }

    static String normalizeName(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Levenshtein distance (insertions, deletions, substitutions). */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
