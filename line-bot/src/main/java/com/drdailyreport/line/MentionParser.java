package com.drdailyreport.line;

import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TickerRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a chat message asks for: help, one or more tickers, or nothing we know (with the word we
 * could not place). Resolution goes through the one {@link TickerRegistry} every surface uses: DR
 * symbol, Yahoo symbol, DR symbol without its 19, company name; close misspellings only become
 * suggestions, never silent answers.
 *
 * <p>Thai is written without spaces, so symbols are found as runs of Latin letters and digits
 * inside the text ({@code ขอดูNVDA19หน่อย}). A word written in capitals, or with a digit or a dot,
 * counts wherever it stands; a lower-case word counts when it is the only Latin word of the
 * message, or is at least four letters long and not an everyday English word that happens to be
 * a symbol ({@code now}, {@code gold}…), so "what now" is not a question about ServiceNow.
 */
final class MentionParser {

    static final int MAX_TICKERS = 5;

    private static final Set<String> HELP = Set.of("help", "/help", "/start", "?", "ช่วยเหลือ", "วิธีใช้", "ใช้งาน", "เมนู", "menu");
    private static final Set<String> COMMON_WORDS = Set.of("now", "gold", "sunny", "cost", "dis", "dell", "mu", "sia", "aia", "semb",
            "sgx", "all", "and", "the", "for", "what", "when", "with", "this", "that", "price", "report");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.&\\-]*");

    sealed interface Intent permits Help, Tickers, Unknown {
    }

    /** The user asked how to use the bot. */
    record Help() implements Intent {
    }

    /** Tickers named, in the order written, without repeats; {@code more} counts those beyond the limit. */
    record Tickers(List<Ticker> tickers, List<String> more) implements Intent {
    }

    /** Nothing resolved; {@code word} is what looked most like a symbol (null when no Latin word was written). */
    record Unknown(String word, List<Ticker> suggestions) implements Intent {
    }

    private MentionParser() {
    }

    static Intent parse(String text, TickerRegistry registry) {
        String trimmed = text == null ? "" : text.strip();
        if (HELP.contains(trimmed.toLowerCase(Locale.ROOT))) {
            return new Help();
        }
        if (trimmed.length() <= 80) {
            var whole = registry.resolve(trimmed);
            if (whole.isPresent()) {
                return new Tickers(List.of(whole.get()), List.of());
            }
        }
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(trimmed.length() > 2_000 ? trimmed.substring(0, 2_000) : trimmed);
        while (m.find()) {
            String w = m.group();
            while (w.endsWith(".") || w.endsWith("-")) {
                w = w.substring(0, w.length() - 1);
            }
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        LinkedHashSet<Ticker> found = new LinkedHashSet<>();
        boolean[] used = new boolean[words.size()];
        // two-word company names first ("thai beverage", "china mobile")
        for (int i = 0; i + 1 < words.size(); i++) {
            var pair = registry.resolve(words.get(i) + " " + words.get(i + 1));
            if (pair.isPresent() && !words.get(i).equals(words.get(i).toUpperCase(Locale.ROOT))) {
                found.add(pair.get());
                used[i] = used[i + 1] = true;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            if (used[i]) {
                continue;
            }
            String w = words.get(i);
            if (counts(w, words.size()) ) {
                registry.resolve(w).ifPresent(found::add);
            }
        }
        if (!found.isEmpty()) {
            List<Ticker> all = new ArrayList<>(found);
            List<Ticker> answered = all.subList(0, Math.min(all.size(), MAX_TICKERS));
            List<String> more = all.subList(answered.size(), all.size()).stream().map(Ticker::drSymbol).toList();
            return new Tickers(List.copyOf(answered), more);
        }
        String best = words.stream().filter(w -> w.chars().anyMatch(Character::isLetter))
                .max((a, b) -> Integer.compare(symbolLikeness(a), symbolLikeness(b))).orElse(null);
        return new Unknown(best, best == null ? List.of() : registry.suggest(best, 3));
    }

    private static boolean counts(String word, int latinWords) {
        boolean capitals = word.equals(word.toUpperCase(Locale.ROOT)) && word.chars().anyMatch(Character::isLetter);
        boolean marked = word.chars().anyMatch(c -> Character.isDigit(c) || c == '.');
        if (capitals || marked || latinWords == 1) {
            return true;
        }
        return word.length() >= 4 && !COMMON_WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** Capitals, digits and a length near a symbol's make a word the likeliest intended symbol. */
    private static int symbolLikeness(String word) {
        int score = Math.min(word.length(), 9);
        if (word.equals(word.toUpperCase(Locale.ROOT))) {
            score += 10;
        }
        if (word.chars().anyMatch(Character::isDigit)) {
            score += 10;
        }
        return score;
    }
}
