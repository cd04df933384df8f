package com.drdailyreport.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole local system against the test database server: the workflow definition executed by
 * the interpreter over the real handlers, then the API, the LINE webhook and the page through the
 * real HTTP server.
 */
class LocalSystemIT {

    private static TestSchema db;
    private static DrLocal.LocalSystem system;
    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Map<String, String> env(TestSchema schema) {
        return Map.of("DB_URL", schema.url(), "DB_USER", schema.user(), "DB_PASSWORD", schema.password() == null ? "" : schema.password());
    }

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.freshSchema("localsystem");
        system = DrLocal.start(new DrLocal.Options(false, true, 0), env(db), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        assertThat(system.firstRun()).as("today's reports are missing in a fresh database, so a run starts").isNotNull();
        system.firstRun().join(120_000);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theFirstRunStoresEveryActiveTickersReportForToday() {
        String today = BusinessClock.system().today().toString();
        int active = db.count("ticker_master", "is_active = 1");
        assertThat(db.count("precomputed_reports", "report_date = '" + today + "' AND status = 'completed'")).isEqualTo(active);
        assertThat(LOG.toString(StandardCharsets.UTF_8)).contains("pipeline: green");
        // the offline set: real 2013 bars for AAPL19, labelled demo series for the rest
        assertThat(db.count("ticker_data", "symbol = 'AAPL19' AND source = '" + OfflinePriceSource.AAPL_SOURCE + "'")).isEqualTo(1);
        assertThat(db.count("ticker_data", "symbol <> 'AAPL19' AND source <> 'demo'")).isZero();
    }

    @Test
    void theApiServesTheReportsWithTheirDataSource() throws Exception {
        HttpResponse<String> aapl = get("/api/v1/report/AAPL19");
        assertThat(aapl.statusCode()).isEqualTo(200);
        JsonNode report = Json.read(aapl.body());
        assertThat(report.get("data_source").asText()).isEqualTo(OfflinePriceSource.AAPL_SOURCE);
        assertThat(report.get("is_demo_data").asBoolean()).isFalse();
        assertThat(report.at("/price_history/0/date").asText()).startsWith("2013-");

        JsonNode nvda = Json.read(get("/api/v1/report/NVDA19").body());
        assertThat(nvda.get("data_source").asText()).isEqualTo("demo");
        assertThat(nvda.get("is_demo_data").asBoolean()).isTrue();

        assertThat(get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/rankings?category=top_gainers").statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersLikeGetOnTheRealApiAndEveryResponseSaysNosniff() throws Exception {
        HttpResponse<String> get = get("/api/v1/report/AAPL19");
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + "/api/v1/report/AAPL19"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).as("telegram-api routes GET only; the server hands it HEAD as GET").isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(get.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(get.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(head.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(get("/api/v1/no-such-route").headers().firstValue("x-content-type-options")).contains("nosniff");
    }

    @Test
    void theLineWebhookAnswersWithTheDevelopmentSecret() throws Exception {
        String body = "{\"destination\":\"U0\",\"events\":[]}";
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("local-line-channel-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + system.port() + "/line/webhook"))
                .header("Content-Type", "application/json");
        assertThat(HTTP.send(post.copy().header("X-Line-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(HTTP.send(post.copy().header("X-Line-Signature", "AAAA").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void thePageIsServedAtTheRoot() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(get("/vendor/echarts.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void onceRunsThePipelineAndExitsZeroWhenGreen() {
        try (TestSchema other = TestDatabase.freshSchema("localonce")) {
            int code = DrLocal.run(new DrLocal.Options(true, true, 0), env(other), new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8));
            assertThat(code).isZero();
            assertThat(other.count("chart_pattern_data", null)).isPositive();
        }
    }
}
