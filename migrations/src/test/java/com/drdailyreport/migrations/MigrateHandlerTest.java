package com.drdailyreport.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrateHandlerTest {

    private static MigrateHandler failingIfUsed() {
        return new MigrateHandler(() -> {
            throw new AssertionError("the database must not be touched for a bad action");
        });
    }

    @Test
    void anUnknownActionIsAnErrorResultWithoutTouchingTheDatabase() {
        Map<String, Object> result = failingIfUsed().handleRequest(Map.of("action", "drop_everything"), null);
        assertThat(result).containsEntry("status", "error")
                .containsEntry("error", "unknown action 'drop_everything': expected one of migrate, info, validate");
    }

    @Test
    void aNonStringActionIsReportedAsIs() {
        Map<String, Object> input = new HashMap<>();
        input.put("action", List.of(1, 2));
        assertThat(failingIfUsed().handleRequest(input, null)).containsEntry("status", "error")
                .extractingByKey("error").asString().startsWith("unknown action '[1, 2]'");
    }

    @Test
    void aFailureToReachTheDatabaseIsAnErrorResultNotAnException() {
        MigrateHandler handler = new MigrateHandler(() -> Migrator.forUrl("jdbc:mysql://127.0.0.1:1/none?connectTimeout=500", "u", "p"));
        Map<String, Object> result = handler.handleRequest(Map.of("action", "info"), null);
        assertThat(result).containsEntry("status", "error").containsEntry("action", "info");
        assertThat(result.get("error")).asString().isNotBlank();
    }

    @Test
    void missingConfigurationNamesEveryKey() {
        MigrateHandler handler = new MigrateHandler(() -> {
            DatabaseEnvironment.read(Map.of());
            return null;
        });
        assertThat(handler.handleRequest(null, null)).containsEntry("status", "error")
                .containsEntry("error", "missing environment variables: DB_URL, DB_USER");
    }
}
