package com.drdailyreport.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrateMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return MigrateMain.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run(Map.of(), "explode")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: MigrateMain [migrate|info|validate]");
    }

    @Test
    void missingDatabaseSettingsExitWithOneNamingThem() {
        assertThat(run(Map.of("DB_URL", "jdbc:mysql://h/d"), "info")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("info failed: missing environment variables: DB_USER");
    }
}
