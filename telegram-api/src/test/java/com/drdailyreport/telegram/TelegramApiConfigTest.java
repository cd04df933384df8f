package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.config.ConfigurationException;
import com.drdailyreport.shared.config.EnvironmentReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelegramApiConfigTest {

    private static final Map<String, String> BASE = Map.of("TELEGRAM_BOT_TOKEN", "1:x", "REPORT_WORKER_FUNCTION", "w",
            "ALLOWED_ORIGINS", "https://a.example, https://b.example");

    private static TelegramApiConfig read(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        TelegramApiConfig config = TelegramApiConfig.read(reader);
        reader.validate();
        return config;
    }

    @Test
    void theDevelopmentUserHeaderIsRefusedAtStartUpInProdAndStaging() {
        for (String env : new String[] {"prod", "staging"}) {
            Map<String, String> settings = new java.util.HashMap<>(BASE);
            settings.put("APP_ENV", env);
            settings.put("ALLOW_DEV_USER_HEADER", "true");
            assertThatThrownBy(() -> read(settings)).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALLOW_DEV_USER_HEADER must not be true in " + env);
        }
        Map<String, String> dev = new java.util.HashMap<>(BASE);
        dev.put("APP_ENV", "dev");
        dev.put("ALLOW_DEV_USER_HEADER", "true");
        assertThat(read(dev).devUserHeader()).isTrue();
    }

    @Test
    void missingSettingsAreAllNamed() {
        assertThatThrownBy(() -> read(Map.of())).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("TELEGRAM_BOT_TOKEN is not set").hasMessageContaining("APP_ENV is not set")
                .hasMessageContaining("REPORT_WORKER_FUNCTION is not set");
        Map<String, String> prod = new java.util.HashMap<>(BASE);
        prod.put("APP_ENV", "prod");
        assertThat(read(prod).allowedOrigins()).containsExactly("https://a.example", "https://b.example");
        prod.put("APP_ENV", "production");
        assertThatThrownBy(() -> read(prod)).hasMessageContaining("APP_ENV must be one of local, dev, staging, prod");
    }
}
