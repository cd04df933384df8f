package com.drdailyreport.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

    private static final Map<String, String> DB = Map.of("DB_URL", "jdbc:mysql://db:3306/dr", "DB_USER", "app");

    @Test
    void aNonMysqlUrlIsRejected() {
        EnvironmentReader env = new EnvironmentReader(Map.of("DB_URL", "jdbc:h2:mem:x", "DB_USER", "u"));
        DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS);
        assertThatThrownBy(env::validate).hasMessageContaining("DB_URL must be a jdbc:mysql: URL");
    }

    @Test
    void thePasswordNeverAppearsInToString() {
        assertThat(new DatabaseConfig("jdbc:mysql://h/d", "u", "s3cret").toString()).doesNotContain("s3cret").contains("***");
    }

    @Test
    void requestServingFunctionsWaitSecondsNotTheirWholeDeadline() {
        DatabaseConfig requests = read(DB, DatabaseConfig.Workload.REQUESTS);
        // telegram-api and line-bot time out after 29 s (deploy/functions.json) behind API Gateway's 30 s:
        // a socket timeout of a few seconds leaves room for a second blocked read while the driver closes
        assertThat(requests.socketTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(requests.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(requests.maxPoolSize()).isEqualTo(2);

        DatabaseConfig workers = read(DB, DatabaseConfig.Workload.WORKERS);
        assertThat(workers.socketTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(workers.queryTimeout()).isEqualTo(Duration.ofSeconds(25));
        assertThat(workers.maxPoolSize()).isEqualTo(1);
    }

    @Test
    void theRequestWorkloadLeavesTheRequestServingFunctionsTimeToAnswer() throws Exception {
        com.fasterxml.jackson.databind.JsonNode manifest = com.drdailyreport.shared.json.Json.read(
                java.nio.file.Files.readString(java.nio.file.Path.of("../deploy/functions.json")));
        int checked = 0;
        for (com.fasterxml.jackson.databind.JsonNode function : manifest.get("functions")) {
            if (function.get("trigger").asText().equals("api-gateway")) {
                Duration timeout = Duration.ofSeconds(function.get("timeout_seconds").asInt());
                // a dead connection costs the socket timeout, and with TLS once more while the driver closes it
                assertThat(DatabaseConfig.Workload.REQUESTS.socketTimeout().multipliedBy(2))
                        .as(function.get("name").asText()).isLessThan(timeout.minus(com.drdailyreport.shared.lambda.RequestDeadline.MARGIN));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(2);
    }

    @Test
    void eachSettingIsReadOnceWhateverTheWorkload() {
        Map<String, String> env = new java.util.HashMap<>(DB);
        env.putAll(Map.of("DB_POOL_SIZE", "20", "DB_SOCKET_TIMEOUT_SECONDS", "8", "DB_QUERY_TIMEOUT_SECONDS", "7"));
        for (DatabaseConfig.Workload workload : DatabaseConfig.Workload.values()) {
            DatabaseConfig config = read(env, workload);
            assertThat(config.maxPoolSize()).isEqualTo(20);
            assertThat(config.socketTimeout()).isEqualTo(Duration.ofSeconds(8));
            assertThat(config.queryTimeout()).isEqualTo(Duration.ofSeconds(7));
        }
        // a shorter socket timeout alone pulls the default query timeout under it
        Map<String, String> shortSocket = new java.util.HashMap<>(DB);
        shortSocket.put("DB_SOCKET_TIMEOUT_SECONDS", "3");
        assertThat(read(shortSocket, DatabaseConfig.Workload.WORKERS).queryTimeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aQueryTimeoutNotBelowTheSocketTimeoutIsRefusedByName() {
        Map<String, String> env = new java.util.HashMap<>(DB);
        env.putAll(Map.of("DB_SOCKET_TIMEOUT_SECONDS", "5", "DB_QUERY_TIMEOUT_SECONDS", "5", "DB_POOL_SIZE", "51"));
        EnvironmentReader reader = new EnvironmentReader(env);
        DatabaseConfig.read(reader, DatabaseConfig.Workload.REQUESTS);
        assertThatThrownBy(reader::validate).isInstanceOf(ConfigurationException.class)
                .satisfies(e -> assertThat(((ConfigurationException) e).problems()).containsExactly(
                        "DB_POOL_SIZE must be between 1 and 50, was 51",
                        "DB_QUERY_TIMEOUT_SECONDS must be below DB_SOCKET_TIMEOUT_SECONDS (5), was 5"));
        assertThatThrownBy(() -> new DatabaseConfig("jdbc:mysql://h/d", "u", "", 1, Duration.ofSeconds(5), Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static DatabaseConfig read(Map<String, String> env, DatabaseConfig.Workload workload) {
        EnvironmentReader reader = new EnvironmentReader(env);
        DatabaseConfig config = DatabaseConfig.read(reader, workload);
        reader.validate();
        return config;
    }
}
