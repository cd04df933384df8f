package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.drdailyreport.shared.testing.FreezableDatabase;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.drdailyreport.shared.testing.TestReports;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database stops answering while the API is under load: the test's own embedded MariaDB
 * ({@link FreezableDatabase}, never the shared test server) is frozen with SIGSTOP for longer than
 * the function's timeout, then thawed with SIGCONT. The handler is wired as in Lambda — the request
 * workload's database settings read from the environment, {@link TelegramApiHandler} with a Lambda
 * context whose remaining time counts down from the function's timeout — and every request must be
 * answered (200, or the 503 envelope) before that timeout; afterwards the API recovers by itself.
 */
class DatabaseFreezeIT {

    /** The function timeout of these invocations: shorter than the 29 s deployed, so that a freeze outlasts it quickly. */
    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(8);
    private static final Duration FREEZE = Duration.ofSeconds(12);
    private static final String[] REQUESTS = {"report-get.json", "health.json", "watchlist-get.json", "rankings.json"};

    private static FreezableDatabase database;

    record Result(String request, long startedMs, long elapsedMs, int status, JsonNode body) {
    }

    @BeforeAll
    static void start() {
        database = FreezableDatabase.start("DatabaseFreezeIT");
        TestReports.store(database.schema(), "NVDA19", ApiFixture.TODAY, true, ApiFixture.NOW);
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void everyRequestIsAnsweredBeforeTheFunctionTimesOutWhileTheDatabaseIsFrozenAndServiceRecoversAfter() throws Exception {
        EnvironmentReader env = new EnvironmentReader(Map.of("DB_URL", database.schema().url(), "DB_USER", database.schema().user(),
                "DB_PASSWORD", database.schema().password()));
        DatabaseConfig config = DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS); // as TelegramApiRuntime reads it
        env.validate();
        TelegramApiConfig api = new TelegramApiConfig(ApiFixture.BOT_TOKEN, List.of(ApiFixture.ORIGIN), "dev", true,
                "dr-daily-report-report-worker-dev", "1.0.0", "test");
        try (HikariDataSource pool = DataSources.create(config, "telegram-api")) {
            // no per-client rate limit: the load comes from one address
            TelegramApiHandler handler = TelegramApiHandler.over(api, pool, (job, ticker) -> { }, BusinessClock.fixed(ApiFixture.NOW), false);
            for (String request : REQUESTS) {
                assertThat(call(handler, request, FUNCTION_TIMEOUT, 0).status()).as(request).isEqualTo(200);
            }

            List<Result> results = new CopyOnWriteArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            long t0 = System.nanoTime();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    for (int i = client; running.get(); i++) {
                        results.add(call(handler, REQUESTS[i % REQUESTS.length], FUNCTION_TIMEOUT, t0));
                    }
                }, "client-" + c);
                t.start();
                clients.add(t);
            }
            Thread.sleep(1_500);
            long frozenAt = (System.nanoTime() - t0) / 1_000_000;
            database.freeze();
            Result shortFunction;
            try {
                Thread.sleep(2_000);
                // a function with only 3 s left: its own deadline answers, long before the driver gives up
                shortFunction = call(handler, "report-get.json", Duration.ofSeconds(3), t0);
                Thread.sleep(FREEZE.toMillis() - 2_000 - shortFunction.elapsedMs());
            } finally {
                database.thaw();
            }
            long thawedAt = (System.nanoTime() - t0) / 1_000_000;

            // recovery: without a restart, every route answers 200 again
            Result recovered = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline) {
                recovered = call(handler, "report-get.json", FUNCTION_TIMEOUT, t0);
                if (recovered.status() == 200) {
                    break;
                }
                Thread.sleep(200);
            }
            Thread.sleep(2_000);
            long steadyFrom = (System.nanoTime() - t0) / 1_000_000;
            Thread.sleep(2_000);
            running.set(false);
            for (Thread t : clients) {
                t.join(FUNCTION_TIMEOUT.toMillis() + 2_000);
            }

            List<Result> duringFreeze = results.stream().filter(r -> r.startedMs() >= frozenAt && r.startedMs() < thawedAt).toList();
            long slowest = results.stream().mapToLong(Result::elapsedMs).max().orElseThrow();
            System.out.printf("[freeze] %d requests, %d started during the %d s freeze (%d answered 503); slowest %d ms"
                            + " (function timeout %d ms); recovered %d ms after the thaw%n", results.size(), duringFreeze.size(),
                    FREEZE.toSeconds(), duringFreeze.stream().filter(r -> r.status() == 503).count(), slowest,
                    FUNCTION_TIMEOUT.toMillis(), recovered.startedMs() + recovered.elapsedMs() - thawedAt);
            assertThat(results.stream().filter(r -> r.elapsedMs() >= FUNCTION_TIMEOUT.toMillis()).toList())
                    .as("requests answered after the function's timeout").isEmpty();
            assertThat(results.stream().filter(r -> r.status() != 200 && r.status() != 503).toList())
                    .as("requests answered with neither 200 nor the 503 envelope").isEmpty();
            assertThat(duringFreeze).isNotEmpty().anySatisfy(r -> assertThat(r.status()).isEqualTo(503));
            assertThat(results.stream().filter(r -> r.status() == 503))
                    .allSatisfy(r -> assertThat(r.body().at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE"));
            assertThat(shortFunction.status()).isEqualTo(503);
            assertThat(shortFunction.elapsedMs()).isLessThan(3_000);
            assertThat(shortFunction.body().at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
            OpenApiContract.check("GET", "/api/v1/report/{ticker}", 503, shortFunction.body());
            assertThat(recovered.status()).isEqualTo(200);
            List<Result> steady = results.stream().filter(r -> r.startedMs() >= steadyFrom).toList();
            assertThat(steady).isNotEmpty().allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        }
    }

    private static Result call(TelegramApiHandler handler, String fixture, Duration functionTimeout, long t0) {
        ObjectNode event = ApiFixture.event(fixture);
        if (fixture.startsWith("watchlist")) {
            ApiFixture.withoutHeader(event, "x-telegram-init-data");
            ApiFixture.withHeader(event, "x-telegram-user-id", "424242");
        }
        long start = System.nanoTime();
        JsonNode response = Json.read(LambdaHarness.invoke(handler, Json.write(event),
                new InvocationContext("telegram-api", functionTimeout, 1024)));
        long end = System.nanoTime();
        String body = response.path("body").asText(null);
        return new Result(fixture, (start - t0) / 1_000_000, (end - start) / 1_000_000, response.get("statusCode").asInt(),
                body == null ? null : Json.read(body));
    }
}
