package com.drdailyreport.telegram;

import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.market.DemoPriceSource;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.drdailyreport.shared.testing.TestReports;
import com.drdailyreport.shared.testing.TestSchema;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

/** The API wired onto a test schema with a fixed clock, driven through the Lambda serializer with API Gateway v2 fixtures. */
final class ApiFixture {

    static final String BOT_TOKEN = "7512345678:AAE-test-token-for-dr-daily-report";
    static final String ORIGIN = "https://miniapp.drdailyreport.example";
    /** 10:12 in Bangkok on 2026-01-15. */
    static final Instant NOW = Instant.parse("2026-01-15T03:12:45Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    /** What a response looked like on the wire. */
    record Reply(int status, Map<String, String> headers, JsonNode body, String raw) {
    }

    final TestSchema db;
    final BusinessClock clock;
    final List<String> invoked = new CopyOnWriteArrayList<>();
    volatile RuntimeException invokeFailure;
    final TelegramApiHandler handler;

    ApiFixture(TestSchema db, boolean devUserHeader) {
        this(db, db.dataSource(), devUserHeader);
    }

    ApiFixture(TestSchema db, DataSource ds, boolean devUserHeader) {
        this(db, ds, config(devUserHeader), BusinessClock.fixed(NOW), true);
    }

    /**
     * The API with {@code config} at {@code clock}'s time; {@code perClientRateLimits} false is how
     * bin/dr-local wires it ({@link TelegramApiHandler#over}).
     */
    ApiFixture(TestSchema db, DataSource ds, TelegramApiConfig config, BusinessClock clock, boolean perClientRateLimits) {
        this.db = db;
        this.clock = clock;
        ReportWorkerInvoker worker = (jobId, ticker) -> {
            if (invokeFailure != null) {
                throw invokeFailure;
            }
            invoked.add(jobId + " " + ticker);
        };
        this.handler = TelegramApiHandler.over(config, ds, worker, clock, perClientRateLimits);
    }

    /** The test settings: the Mini App's origin, dev environment, default job bounds. */
    static TelegramApiConfig config(boolean devUserHeader) {
        return new TelegramApiConfig(BOT_TOKEN, List.of(ORIGIN), "dev", devUserHeader, "dr-daily-report-report-worker-dev", "1.0.0", "test");
    }

    /** A fixture from events/apigw/, with JSON edits applied. */
    static ObjectNode event(String fixture) {
        return (ObjectNode) Json.read(LambdaHarness.fixture("events/apigw/" + fixture));
    }

    static ObjectNode withPath(ObjectNode event, String path) {
        event.put("rawPath", path);
        ((ObjectNode) event.path("requestContext").path("http")).put("path", path);
        return event;
    }

    static ObjectNode withHeader(ObjectNode event, String name, String value) {
        ((ObjectNode) event.path("headers")).put(name, value);
        return event;
    }

    static ObjectNode withoutHeader(ObjectNode event, String name) {
        ((ObjectNode) event.path("headers")).remove(name);
        return event;
    }

    static ObjectNode withBody(ObjectNode event, String body) {
        event.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
        event.put("isBase64Encoded", true);
        return event;
    }

    Reply call(ObjectNode event) {
        JsonNode response = LambdaHarness.invokeJson(handler, Json.write(event));
        Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        response.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        String raw = response.path("body").isNull() ? null : response.path("body").asText(null);
        return new Reply(response.get("statusCode").asInt(), headers, raw == null ? null : Json.read(raw), raw);
    }

    Reply call(String fixture) {
        return call(event(fixture));
    }

    /** Stores a day's price snapshot, the report built from it, and (optionally) the day's patterns, as the nightly run would. */
    void storeReport(String symbol, LocalDate date, boolean withPatternRows) {
        TestReports.store(db, symbol, date, withPatternRows, NOW);
    }

    static String symbolWithPatterns(TestSchema db) {
        return TestReports.symbolWithPatterns(db, TODAY);
    }

    /** Valid initData for {@code userId}, signed now. */
    static String initData(long userId) {
        return InitDataSigner.sign(InitDataSigner.fields(userId, NOW.getEpochSecond() - 60), BOT_TOKEN);
    }

    static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
