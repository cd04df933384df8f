package com.drdailyreport.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.drdailyreport.shared.testing.FreezableDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The LINE webhook while its database stops answering: the test's own embedded MariaDB
 * ({@link FreezableDatabase}, never the shared test server) frozen with SIGSTOP for longer than the
 * function's timeout, the handler wired with the request workload's settings read from the
 * environment, as in Lambda. Every delivery is answered before the function times out; after SIGCONT
 * the bot answers normally again.
 */
class LineDatabaseFreezeIT {

    private static final Duration FUNCTION_TIMEOUT = Duration.ofSeconds(8);

    private static FreezableDatabase database;

    @BeforeAll
    static void start() {
        database = FreezableDatabase.start("LineDatabaseFreezeIT");
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void deliveriesAreAnsweredBeforeTheFunctionTimesOutWhileTheDatabaseIsFrozen() throws Exception {
        EnvironmentReader env = new EnvironmentReader(Map.of("DB_URL", database.schema().url(), "DB_USER", database.schema().user(),
                "DB_PASSWORD", database.schema().password()));
        DatabaseConfig config = DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS); // as LineWebhookHandler reads it
        env.validate();
        try (HikariDataSource pool = DataSources.create(config, "line-bot"); LineFixture bot = new LineFixture(database.schema(), pool)) {
            assertThat(bot.post(LineFixture.text("help", "01HFREEZE00000000000000001"), context(FUNCTION_TIMEOUT)).status()).isEqualTo(200);

            database.freeze();
            long start;
            LineFixture.Reply frozen;
            long frozenMs;
            LineFixture.Reply shortFunction;
            long shortMs;
            try {
                start = System.nanoTime();
                frozen = bot.post(LineFixture.text("NVDA19", "01HFREEZE00000000000000002"), context(FUNCTION_TIMEOUT));
                frozenMs = (System.nanoTime() - start) / 1_000_000;
                start = System.nanoTime();
                // with 3 s left the handler's own deadline answers: 503, so LINE delivers it again later
                shortFunction = bot.post(LineFixture.text("NVDA19", "01HFREEZE00000000000000003"), context(Duration.ofSeconds(3)));
                shortMs = (System.nanoTime() - start) / 1_000_000;
                Thread.sleep(Math.max(0, FUNCTION_TIMEOUT.toMillis() + 2_000 - frozenMs - shortMs));
            } finally {
                database.thaw();
            }
            System.out.printf("[freeze] LINE delivery answered %d in %d ms, with 3 s left %d in %d ms (function timeout %d ms)%n",
                    frozen.status(), frozenMs, shortFunction.status(), shortMs, FUNCTION_TIMEOUT.toMillis());

            assertThat(frozenMs).isLessThan(FUNCTION_TIMEOUT.toMillis());
            assertThat(frozen.status()).isIn(200, 503);
            assertThat(shortMs).isLessThan(3_000);
            assertThat(shortFunction.status()).isEqualTo(503);
            assertThat(shortFunction.body().at("/error/code").asText()).isEqualTo("SERVICE_UNAVAILABLE");

            // after the thaw: a new event is answered with what the tables hold (no report yet: "not generated yet")
            LineFixture.Reply after = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int i = 4; System.nanoTime() < deadline; i++) {
                int before = bot.line.replies().size();
                after = bot.post(LineFixture.text("DBS19", "01HFREEZE0000000000000000" + i), context(FUNCTION_TIMEOUT));
                if (after.status() == 200 && bot.line.replies().size() > before
                        && bot.line.replies().getLast().body().toString().contains("ยังไม่ได้สร้าง")) {
                    break;
                }
                after = null;
                Thread.sleep(200);
            }
            assertThat(after).as("the bot answers normally after the thaw").isNotNull();
        }
    }

    private static InvocationContext context(Duration timeout) {
        return new InvocationContext("line-bot", timeout, 1024);
    }
}
