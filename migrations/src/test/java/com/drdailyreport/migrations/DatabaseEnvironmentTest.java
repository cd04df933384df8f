package com.drdailyreport.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseEnvironmentTest {

    @Test
    void passwordMayBeEmptyButUrlAndUserAreRequired() {
        assertThat(DatabaseEnvironment.read(Map.of("DB_URL", " jdbc:mysql://h/d ", "DB_USER", "root")))
                .isEqualTo(new DatabaseEnvironment("jdbc:mysql://h/d", "root", ""));
        assertThatThrownBy(() -> DatabaseEnvironment.read(Map.of("DB_USER", "root"))).hasMessage("missing environment variables: DB_URL");
    }
}
