package com.drdailyreport.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schema-migrator handler and the command line against a real, initially empty database. */
class MigrateHandlerIT {

    private TestSchema db;

    @BeforeEach
    void emptyDatabase() {
        db = TestDatabase.freshSchema("handler");
        db.execute("DROP TABLE pattern_track_events, pattern_track_record, chart_pattern_data, watchlist, report_jobs, line_webhook_events, precomputed_reports,"
                + " ticker_data, ticker_aliases, ticker_master, flyway_schema_history");
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void migrateThenInfoThenValidate() {
        MigrateHandler handler = new MigrateHandler(() -> Migrator.forUrl(db.url(), db.user(), db.password()));

        Map<String, Object> migrated = handler.handleRequest(Map.of("action", "migrate"), null);
        assertThat(migrated).containsEntry("status", "success").containsEntry("current_version", "022");
        assertThat((List<Map<String, Object>>) migrated.get("applied")).extracting(m -> m.get("version"))
                .containsExactly("001", "002", "003", "004", "005", "006", "007", "020", "021", "022", null);

        Map<String, Object> again = handler.handleRequest(Map.of(), null); // no action = migrate
        assertThat(again).containsEntry("status", "success").containsEntry("action", "migrate").containsEntry("current_version", "022");
        assertThat((List<?>) again.get("applied")).isEmpty();

        assertThat(handler.handleRequest(Map.of("action", "INFO"), null)).containsEntry("status", "success")
                .containsEntry("current_version", "022").containsEntry("pending", List.of());
        assertThat(handler.handleRequest(Map.of("action", "validate"), null)).containsEntry("status", "success");
    }

    @Test
    void validateOnAnUnmigratedDatabaseIsAnErrorResult() {
        MigrateHandler handler = new MigrateHandler(() -> Migrator.forUrl(db.url(), db.user(), db.password()));
        Map<String, Object> result = handler.handleRequest(Map.of("action", "validate"), null);
        assertThat(result).containsEntry("status", "error");
        assertThat(result.get("error")).asString().startsWith("schema validation failed");
    }

    @Test
    void theCommandLineMigratesTheDatabaseNamedByTheEnvironment() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("DB_URL", db.url(), "DB_USER", db.user(), "DB_PASSWORD", db.password());
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(MigrateMain.run(new String[] {"migrate"}, env, print, print)).isZero();
        assertThat(MigrateMain.run(new String[] {"validate"}, env, print, print)).isZero();

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("migrate: schema at version 022", "applied now: 11", "020    create chart pattern data",
                "021    report jobs requester and active key",
                "022    create pattern track record", "validate: schema at version 022");
        assertThat(db.count("ticker_master", null)).isEqualTo(56);
    }
}
