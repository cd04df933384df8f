package com.drdailyreport.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentReaderTest {

    @Test
    void listsEveryMissingAndInvalidKeyAtOnce() {
        EnvironmentReader env = new EnvironmentReader(Map.of("DB_USER", "  ", "DB_POOL_SIZE", "lots"));
        DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS);
        env.required("TELEGRAM_BOT_TOKEN");

        assertThatThrownBy(env::validate).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "DB_URL is not set", "DB_USER is not set", "DB_POOL_SIZE must be an integer, was 'lots'",
                        "TELEGRAM_BOT_TOKEN is not set"));
    }

    @Test
    void readsValuesTrimmedWithDefaults() {
        EnvironmentReader env = new EnvironmentReader(Map.of("DB_URL", " jdbc:mysql://db:3306/dr ", "DB_USER", "app"));
        DatabaseConfig db = DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS);
        env.validate();
        assertThat(db.url()).isEqualTo("jdbc:mysql://db:3306/dr");
        assertThat(db.password()).isEmpty();
        assertThat(db.maxPoolSize()).isEqualTo(2);
        assertThat(env.optional("APP_ENV", "dev")).isEqualTo("dev");
    }

    @Test
    void rangesAreChecked() {
        EnvironmentReader env = new EnvironmentReader(Map.of("N", "0"));
        assertThat(env.optionalInt("N", 5, 1, 10)).isEqualTo(5);
        assertThatThrownBy(env::validate).hasMessageContaining("N must be between 1 and 10, was 0");
    }
}
