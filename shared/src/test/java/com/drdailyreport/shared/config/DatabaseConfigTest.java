package com.drdailyreport.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    @Test
    void aNonMysqlUrlIsRejected() {
        EnvironmentReader env = new EnvironmentReader(Map.of("DB_URL", "jdbc:h2:mem:x", "DB_USER", "u"));
        DatabaseConfig.read(env);
        assertThatThrownBy(env::validate).hasMessageContaining("DB_URL must be a jdbc:mysql: URL");
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new DatabaseConfig("jdbc:mysql://h/d", "u", "s3cret").toString()).doesNotContain("s3cret").contains("***");
    }
}
