package com.drdailyreport.shared.market;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Daily bars from Yahoo Finance's chart API:
 * {@code GET /v8/finance/chart/{symbol}?interval=1d&range=1y&events=div%2Csplits}.
 * One HTTP client per instance, a browser-like User-Agent, connect and request timeouts, and
 * retries with exponential backoff and full jitter on 429, 5xx, timeouts and I/O errors (honouring
 * {@code Retry-After}); any other 4xx or a malformed answer fails at once. Bars are dated in the
 * exchange's own time zone; rows without a usable close are dropped; NaN never gets through.
 *
 * <p>Splits: the quote prices are the traded prices (not dividend-adjusted, unlike
 * {@code adjclose}), which Yahoo normally restates for splits — but not always at once. For every
 * split event in the answer the client looks at the move across the split date: when it is nearer
 * the split ratio than no move at all, the bars before it are still unadjusted and are divided by
 * the ratio (volume multiplied), so a 10-for-1 split is not a −90 % crash; otherwise they are left
 * as they are.
 */
public final class YahooChartClient implements PriceSource {

    static final String USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
            + " Chrome/124.0 Safari/537.36";

    /**
     * Where and how to call Yahoo.
     *
     * @param maxAttempts   tries per symbol, first one included
     * @param baseBackoff   the first retry waits up to this long (then 2×, 4×…), chosen at random (full jitter)
     * @param maxRetryAfter the longest {@code Retry-After} honoured
     */
    public record Settings(URI baseUrl, Duration connectTimeout, Duration requestTimeout, int maxAttempts, Duration baseBackoff,
                           Duration maxRetryAfter) {

        public static Settings defaults() {
            return new Settings(URI.create("https://query1.finance.yahoo.com"), Duration.ofSeconds(5), Duration.ofSeconds(15), 3,
                    Duration.ofMillis(500), Duration.ofSeconds(30));
        }

        public Settings withBaseUrl(URI url) {
            return new Settings(url, connectTimeout, requestTimeout, maxAttempts, baseBackoff, maxRetryAfter);
        }
    }

    /** How to wait between attempts (tests record instead of sleeping). */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Settings settings;
    private final HttpClient http;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    public YahooChartClient(Settings settings) {
        this(settings, RandomGenerator.getDefault(), d -> Thread.sleep(d.toMillis()));
    }

    YahooChartClient(Settings settings, RandomGenerator random, Sleeper sleeper) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.random = random;
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "yahoo";
    }

    @Override
    public PriceData fetch(Ticker ticker) {
        String symbol = ticker.yahooSymbol();
        URI uri = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/v8/finance/chart/"
                + URLEncoder.encode(symbol, StandardCharsets.UTF_8) + "?interval=1d&range=1y&events=div%2Csplits");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .GET()
                .build();
        String lastProblem = "no attempt made";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration wait;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status == 200) {
                    return parse(ticker.drSymbol(), symbol, response.body());
                }
                if (status != 429 && status < 500) {
                    throw new PriceSourceException("Yahoo returned HTTP " + status + " for " + symbol + describeError(response.body()), false);
                }
                lastProblem = status == 429 ? "rate limited (HTTP 429)" : "HTTP " + status;
                int tried = attempt;
                wait = response.headers().firstValue("Retry-After").flatMap(YahooChartClient::seconds)
                        .map(d -> d.compareTo(settings.maxRetryAfter()) > 0 ? settings.maxRetryAfter() : d)
                        .orElseGet(() -> backoff(tried));
            } catch (IOException e) {
                lastProblem = (e instanceof java.net.http.HttpTimeoutException ? "timed out" : "I/O error: " + e.getClass().getSimpleName());
                wait = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PriceSourceException("interrupted while fetching " + symbol, true, e);
            }
            if (attempt < settings.maxAttempts()) {
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new PriceSourceException("interrupted while fetching " + symbol, true, e);
                }
            }
        }
        throw new PriceSourceException("Yahoo " + lastProblem + " for " + symbol + " after " + settings.maxAttempts() + " attempts", true);
    }

    private Duration backoff(int attempt) {
        long ceiling = settings.baseBackoff().toMillis() << Math.min(attempt - 1, 10);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    private static java.util.Optional<Duration> seconds(String header) {
        try {
            long s = Long.parseLong(header.trim());
            return s >= 0 ? java.util.Optional.of(Duration.ofSeconds(s)) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    private static String describeError(String body) {
        try {
            JsonNode error = Json.read(body).path("chart").path("error");
            String description = error.path("description").asText("");
            return description.isBlank() ? "" : ": " + abbreviate(description);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /**
     * Turns a chart response into bars and metadata.
     *
     * @throws PriceSourceException (not retryable) for an error document, a malformed body or no usable bar
     */
    static PriceData parse(String drSymbol, String yahooSymbol, String body) {
        JsonNode root;
        try {
            root = Json.read(body);
        } catch (IllegalArgumentException e) {
            throw new PriceSourceException("Yahoo answered " + yahooSymbol + " with something that is not JSON", false, e);
        }
        JsonNode chart = root.path("chart");
        if (!chart.path("error").isMissingNode() && !chart.path("error").isNull()) {
            throw new PriceSourceException("Yahoo reported an error for " + yahooSymbol + ": "
                    + abbreviate(chart.path("error").path("description").asText(chart.path("error").toString())), false);
        }
        JsonNode result = chart.path("result").path(0);
        if (!result.isObject()) {
            throw new PriceSourceException("Yahoo returned no chart for " + yahooSymbol, false);
        }
        JsonNode meta = result.path("meta");
        ZoneId zone = zone(meta);
        JsonNode timestamps = result.path("timestamp");
        JsonNode quote = result.path("indicators").path("quote").path(0);
        if (!timestamps.isArray() || !quote.isObject()) {
            throw new PriceSourceException("Yahoo returned no usable bars for " + yahooSymbol, false);
        }
        JsonNode open = quote.path("open");
        JsonNode high = quote.path("high");
        JsonNode low = quote.path("low");
        JsonNode close = quote.path("close");
        JsonNode volume = quote.path("volume");
        Map<LocalDate, Bar> byDate = new TreeMap<>();
        for (int i = 0; i < timestamps.size(); i++) {
            JsonNode ts = timestamps.get(i);
            double c = number(close.path(i));
            if (!ts.canConvertToLong() || !(c > 0) || !Double.isFinite(c)) {
                continue;
            }
            double o = orElse(number(open.path(i)), c);
            double h = orElse(number(high.path(i)), c);
            double l = orElse(number(low.path(i)), c);
            double v = number(volume.path(i));
            if (!(o > 0) || !(h > 0) || !(l > 0) || !Double.isFinite(o) || !Double.isFinite(h) || !Double.isFinite(l)) {
                continue;
            }
            LocalDate date = Instant.ofEpochSecond(ts.asLong()).atZone(zone).toLocalDate();
            long vol = Double.isFinite(v) && v > 0 ? Math.round(v) : 0L;
            byDate.put(date, Bar.widened(date, o, h, l, c, vol)); // a later row for the same date wins
        }
        if (byDate.isEmpty()) {
            throw new PriceSourceException("Yahoo returned no usable bars for " + yahooSymbol, false);
        }
        List<Bar> bars = adjustForSplits(new ArrayList<>(byDate.values()), result.path("events").path("splits"), zone);
        String name = text(meta, "longName");
        if (name == null) {
            name = text(meta, "shortName");
        }
        String exchange = text(meta, "fullExchangeName");
        if (exchange == null) {
            exchange = text(meta, "exchangeName");
        }
        return new PriceData(new PriceHistory(drSymbol, bars),
                new InstrumentMetadata(name, exchange, text(meta, "currency"), quoteType(text(meta, "instrumentType")), zone.getId()));
    }

    /**
     * Divides the bars before each split by its ratio when they are still unadjusted (see the
     * class comment), newest split first so that an older split is judged on adjusted prices.
     */
    static List<Bar> adjustForSplits(List<Bar> bars, JsonNode splits, ZoneId zone) {
        record Split(LocalDate date, double ratio) {
        }
        List<Split> events = new ArrayList<>();
        if (splits.isObject()) {
            for (JsonNode event : splits) {
                double numerator = number(event.path("numerator"));
                double denominator = number(event.path("denominator"));
                JsonNode date = event.path("date");
                double ratio = numerator / denominator;
                if (date.canConvertToLong() && Double.isFinite(ratio) && ratio > 0 && ratio != 1) {
                    events.add(new Split(Instant.ofEpochSecond(date.asLong()).atZone(zone).toLocalDate(), ratio));
                }
            }
        }
        events.sort(Comparator.comparing(Split::date).reversed());
        for (Split split : events) {
            int first = 0;
            while (first < bars.size() && bars.get(first).date().isBefore(split.date())) {
                first++;
            }
            if (first == 0 || first == bars.size()) {
                continue; // the split is outside the bars: nothing to compare across
            }
            double move = Math.log(bars.get(first - 1).close() / bars.get(first).close());
            if (Math.abs(move - Math.log(split.ratio())) >= Math.abs(move)) {
                continue; // already adjusted
            }
            for (int i = 0; i < first; i++) {
                Bar b = bars.get(i);
                double r = split.ratio();
                bars.set(i, Bar.widened(b.date(), b.open() / r, b.high() / r, b.low() / r, b.close() / r, Math.round(b.volume() * r)));
            }
        }
        return bars;
    }

    private static ZoneId zone(JsonNode meta) {
        String name = text(meta, "exchangeTimezoneName");
        if (name != null) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                // fall back to the offset
            }
        }
        JsonNode offset = meta.path("gmtoffset");
        if (offset.canConvertToInt() && Math.abs(offset.asInt()) <= 18 * 3600) {
            return ZoneOffset.ofTotalSeconds(offset.asInt());
        }
        return ZoneOffset.UTC;
    }

    private static String quoteType(String instrumentType) {
        if (instrumentType == null) {
            return null;
        }
        return switch (instrumentType.toUpperCase(Locale.ROOT)) {
            case "EQUITY" -> "equity";
            case "ETF" -> "etf";
            case "MUTUALFUND" -> "fund";
            default -> null;
        };
    }

    private static double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : Double.NaN;
    }

    private static double orElse(double value, double fallback) {
        return Double.isNaN(value) ? fallback : value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText().trim() : null;
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
