package com.drdailyreport.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Yahoo client against a loopback server replaying recorded-shape responses
 * (src/test/resources/yahoo/): exchange time zones, partial rows, errors, throttling, timeouts.
 */
class YahooChartClientTest {

    /** One scripted answer: status, body, optional Retry-After, optional delay. */
    record Answer(int status, String body, String retryAfter, long delayMs) {
        static Answer ok(String fixture) {
            return new Answer(200, LambdaHarness.fixture("yahoo/" + fixture), null, 0);
        }
    }

    private HttpServer server;
    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private final List<String> agents = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();

    private YahooChartClient client(Answer... answers) throws IOException {
        script.addAll(List.of(answers));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            Answer answer = script.isEmpty() ? new Answer(500, "script exhausted", null, 0) : script.poll();
            try {
                Thread.sleep(answer.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (IOException clientGone) {
                // the client timed out first
            }
        });
        server.start();
        YahooChartClient.Settings settings = new YahooChartClient.Settings(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                Duration.ofSeconds(2), Duration.ofMillis(800), 3, Duration.ofMillis(400), Duration.ofSeconds(10));
        return new YahooChartClient(settings, new Random(1), sleeps::add);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static Ticker ticker(String dr, String yahoo) {
        return new Ticker(1, dr, yahoo, null, null, null, null, null, true);
    }

    @Test
    void aUsEquityIsDatedInNewYorkWithItsMetadata() throws IOException {
        PriceData data = client(Answer.ok("nvda.json")).fetch(ticker("NVDA19", "NVDA"));

        assertThat(data.history().symbol()).isEqualTo("NVDA19");
        // four rows, the last two on the same New York date: the later (live) one wins
        assertThat(data.history().bars()).extracting(Bar::date)
                .containsExactly(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 14));
        assertThat(data.history().last()).isEqualTo(new Bar(LocalDate.of(2026, 1, 14), 182.2, 184.2, 181.5, 183.1, 141_000_000));
        assertThat(data.metadata()).isEqualTo(new InstrumentMetadata("NVIDIA Corporation", "NasdaqGS", "USD", "equity", "America/New_York"));
        assertThat(paths).containsExactly("/v8/finance/chart/NVDA?interval=1d&range=1y&events=div%2Csplits");
        assertThat(agents.getFirst()).startsWith("Mozilla/5.0");
    }

    @Test
    void tokyoBarsStampedTheEveningBeforeInUtcCarryTheTokyoDate() throws IOException {
        // 15:00 UTC on 12 Jan is 00:00 on 13 Jan in Tokyo
        PriceData data = client(Answer.ok("7974-t.json")).fetch(ticker("NINTENDO19", "7974.T"));
        assertThat(data.history().bars()).extracting(Bar::date).containsExactly(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 14));
        assertThat(data.metadata().companyName()).isEqualTo("NINTENDO CO LTD");
        assertThat(data.metadata().currency()).isEqualTo("JPY");
        assertThat(paths).containsExactly("/v8/finance/chart/7974.T?interval=1d&range=1y&events=div%2Csplits");
    }

    @Test
    void singaporeBarsAndSymbolsNeedingEncoding() throws IOException {
        YahooChartClient client = client(Answer.ok("d05-si.json"), Answer.ok("d05-si.json"));
        assertThat(client.fetch(ticker("DBS19", "D05.SI")).history().bars()).extracting(Bar::date)
                .containsExactly(LocalDate.of(2026, 1, 13), LocalDate.of(2026, 1, 14));
        client.fetch(ticker("SP500X19", "^GSPC"));
        assertThat(paths.get(1)).isEqualTo("/v8/finance/chart/%5EGSPC?interval=1d&range=1y&events=div%2Csplits");
    }

    @Test
    void rowsWithoutACloseAreDroppedAndMissingFieldsFilled() throws IOException {
        PriceData data = client(Answer.ok("0700-hk-partial.json")).fetch(ticker("TENCENT19", "0700.HK"));
        // 13 Jan is all nulls (holiday), 15 Jan has close 0: both dropped
        assertThat(data.history().bars()).extracting(Bar::date)
                .containsExactly(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 14), LocalDate.of(2026, 1, 16));
        Bar noOpen = data.history().bars().get(1);
        assertThat(noOpen.open()).isEqualTo(429.6); // open filled with the close
        assertThat(noOpen.volume()).isZero(); // null volume
        assertThat(noOpen.high()).isEqualTo(431.0);
    }

    /**
     * A 10-for-1 split (NVDA's of 2024-06-10, in Yahoo's chart format with its {@code events.splits}):
     * whether Yahoo has already restated the earlier bars or not, the client returns split-adjusted
     * bars — no −90 % day, the same history both ways.
     */
    @Test
    void aSplitIsNotACrashWhetherOrNotYahooHasAdjustedTheEarlierBars() throws IOException {
        YahooChartClient client = client(Answer.ok("nvda-split-unadjusted.json"), Answer.ok("nvda-split.json"));
        PriceData unadjusted = client.fetch(ticker("NVDA19", "NVDA"));
        PriceData adjusted = client.fetch(ticker("NVDA19", "NVDA"));

        for (PriceData data : List.of(unadjusted, adjusted)) {
            List<Bar> bars = data.history().bars();
            assertThat(bars).hasSize(10);
            Bar beforeSplit = bars.get(4);
            assertThat(beforeSplit.date()).isEqualTo(LocalDate.of(2024, 6, 7));
            assertThat(beforeSplit.close()).isCloseTo(120.888, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(beforeSplit.volume()).isEqualTo(412_000_000L);
            assertThat(bars.get(5).close()).isEqualTo(121.79); // the split day and after: as quoted
            for (int i = 1; i < bars.size(); i++) {
                assertThat(Math.abs(Math.log(bars.get(i).close() / bars.get(i - 1).close()))).as("move into %s", bars.get(i).date())
                        .isLessThan(0.1);
            }
        }
        for (int i = 0; i < 10; i++) {
            Bar u = unadjusted.history().bars().get(i);
            Bar a = adjusted.history().bars().get(i);
            assertThat(u.close()).isCloseTo(a.close(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(u.high()).isCloseTo(a.high(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(u.low()).isCloseTo(a.low(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(u.volume()).isEqualTo(a.volume());
        }
        assertThat(paths).allMatch(p -> p.endsWith("&events=div%2Csplits"));
    }

    @Test
    void aReverseSplitIsAdjustedAndSplitsThePricesDoNotShowAreLeftAlone() {
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        LocalDate day = LocalDate.of(2025, 3, 3);
        List<Bar> bars = new ArrayList<>();
        double[] closes = {1.00, 1.01, 1.02, 10.1, 10.2}; // a 1-for-10 reverse split on the fourth day, not yet restated
        for (int i = 0; i < closes.length; i++) {
            bars.add(new Bar(day.plusDays(i), closes[i], closes[i], closes[i], closes[i], 1_000_000));
        }
        long splitDay = day.plusDays(3).atTime(9, 30).atZone(newYork).toEpochSecond();
        com.fasterxml.jackson.databind.JsonNode reverse = com.drdailyreport.shared.json.Json.read(
                "{\"" + splitDay + "\": {\"date\": " + splitDay + ", \"numerator\": 1.0, \"denominator\": 10.0, \"splitRatio\": \"1:10\"}}");
        List<Bar> adjusted = YahooChartClient.adjustForSplits(new ArrayList<>(bars), reverse, newYork);
        assertThat(adjusted).extracting(Bar::close).containsExactly(10.0, 10.1, 10.2, 10.1, 10.2);
        assertThat(adjusted.getFirst().volume()).isEqualTo(100_000);

        // the same event over prices that show no jump (already restated): untouched
        List<Bar> restated = new ArrayList<>(adjusted);
        assertThat(YahooChartClient.adjustForSplits(restated, reverse, newYork)).isEqualTo(adjusted);
        // an event before the first or after the last bar has nothing to compare across
        long later = day.plusDays(30).atTime(9, 30).atZone(newYork).toEpochSecond();
        com.fasterxml.jackson.databind.JsonNode outside = com.drdailyreport.shared.json.Json.read(
                "{\"a\": {\"date\": " + later + ", \"numerator\": 1.0, \"denominator\": 10.0}}");
        assertThat(YahooChartClient.adjustForSplits(new ArrayList<>(bars), outside, newYork)).isEqualTo(bars);
    }

    @Test
    void rateLimitingIsRetriedHonouringRetryAfter() throws IOException {
        YahooChartClient client = client(new Answer(429, "Too Many Requests", "2", 0), new Answer(503, "busy", null, 0), Answer.ok("nvda.json"));
        assertThat(client.fetch(ticker("NVDA19", "NVDA")).history().size()).isEqualTo(3);
        assertThat(paths).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isEqualTo(Duration.ofSeconds(2)); // Retry-After
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(800)); // jittered backoff, 2nd attempt
    }

    @Test
    void persistentServerErrorsGiveUpRetryablyAfterMaxAttempts() throws IOException {
        YahooChartClient client = client(new Answer(500, "e", null, 0), new Answer(502, "e", null, 0), new Answer(500, "e", null, 0));
        assertThatThrownBy(() -> client.fetch(ticker("NVDA19", "NVDA"))).isInstanceOf(PriceSourceException.class)
                .hasMessage("Yahoo HTTP 500 for NVDA after 3 attempts")
                .satisfies(e -> assertThat(((PriceSourceException) e).retryable()).isTrue());
        assertThat(paths).hasSize(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void notFoundIsNotRetried() throws IOException {
        YahooChartClient client = client(new Answer(404, LambdaHarness.fixture("yahoo/not-found.json"), null, 0));
        assertThatThrownBy(() -> client.fetch(ticker("GONE19", "GONE"))).isInstanceOf(PriceSourceException.class)
                .hasMessage("Yahoo returned HTTP 404 for GONE: No data found, symbol may be delisted")
                .satisfies(e -> assertThat(((PriceSourceException) e).retryable()).isFalse());
        assertThat(paths).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void malformedEmptyAndNonJsonAnswersFailClearly() throws IOException {
        YahooChartClient client = client(Answer.ok("truncated.json"), Answer.ok("empty-result.json"), Answer.ok("no-bars.json"),
                new Answer(200, LambdaHarness.fixture("yahoo/html-error.html"), null, 0),
                new Answer(200, LambdaHarness.fixture("yahoo/not-found.json"), null, 0));
        Ticker t = ticker("NVDA19", "NVDA");
        assertThatThrownBy(() -> client.fetch(t)).hasMessage("Yahoo answered NVDA with something that is not JSON");
        assertThatThrownBy(() -> client.fetch(t)).hasMessage("Yahoo returned no chart for NVDA");
        assertThatThrownBy(() -> client.fetch(t)).hasMessage("Yahoo returned no usable bars for NVDA");
        assertThatThrownBy(() -> client.fetch(t)).hasMessage("Yahoo answered NVDA with something that is not JSON");
        assertThatThrownBy(() -> client.fetch(t)).hasMessage("Yahoo reported an error for NVDA: No data found, symbol may be delisted")
                .satisfies(e -> assertThat(((PriceSourceException) e).retryable()).isFalse());
        assertThat(paths).hasSize(5); // none retried
    }

    @Test
    void aServerThatNeverAnswersTimesOutRetryably() throws IOException {
        YahooChartClient client = client(new Answer(200, "{}", null, 2_000), new Answer(200, "{}", null, 2_000), new Answer(200, "{}", null, 2_000));
        assertThatThrownBy(() -> client.fetch(ticker("NVDA19", "NVDA"))).isInstanceOf(PriceSourceException.class)
                .hasMessage("Yahoo timed out for NVDA after 3 attempts")
                .satisfies(e -> assertThat(((PriceSourceException) e).retryable()).isTrue());
    }

    @Test
    void nanNeverGetsThrough() {
        String body = "{\"chart\":{\"result\":[{\"meta\":{\"exchangeTimezoneName\":\"UTC\"},\"timestamp\":[1768221000,1768307400],"
                + "\"indicators\":{\"quote\":[{\"open\":[1.0,\"NaN\"],\"high\":[1.2,1.3],\"low\":[0.9,1.0],\"close\":[1.1,1.2],\"volume\":[5,6]}]}}]}}";
        PriceData data = YahooChartClient.parse("X19", "X", body);
        assertThat(data.history().bars()).hasSize(2);
        assertThat(data.history().bars().get(1).open()).isEqualTo(1.2); // a non-number open is treated as missing
        assertThat(Map.of("bars", data.history().bars()).toString()).doesNotContain("NaN");
    }
}
