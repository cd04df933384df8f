package com.drdailyreport.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.config.ConfigurationException;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's pool is built from one reading of the DB_* settings, with the workers' defaults. */
class SchedulerRuntimeTest {

    private static final Map<String, String> DB = Map.of("DB_URL", "jdbc:mysql://127.0.0.1:1/none", "DB_USER", "u");

    @Test
    void dbPoolSizeIsTakenAsSetAndDefaultsToOneConnectionPerWorker() {
        assertThat(poolSize(with("DB_POOL_SIZE", "20"))).isEqualTo(20);
        assertThat(poolSize(with("DB_POOL_SIZE", "3"))).isEqualTo(3);
        assertThat(poolSize(DB)).isEqualTo(1);
    }

    @Test
    void anInvalidPoolSizeFailsNamingTheSettingInsteadOfFallingBackSilently() {
        assertThatThrownBy(() -> new SchedulerRuntime(with("DB_POOL_SIZE", "0")).dataSource())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("DB_POOL_SIZE must be between 1 and 50, was 0");
    }

    @Test
    void theWorkersKeepTheirLongerSocketTimeout() throws Exception {
        try (HikariDataSource pool = (HikariDataSource) new SchedulerRuntime(DB).dataSource()) {
            assertThat(pool.getDataSourceProperties().getProperty("socketTimeout")).isEqualTo("30000");
        }
    }

    private static int poolSize(Map<String, String> env) {
        try (HikariDataSource pool = (HikariDataSource) new SchedulerRuntime(env).dataSource()) {
            return pool.getMaximumPoolSize();
        }
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> env = new HashMap<>(DB);
        env.put(key, value);
        return env;
    }
}
