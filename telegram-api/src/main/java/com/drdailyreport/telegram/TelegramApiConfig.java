package com.drdailyreport.telegram;

import com.drdailyreport.shared.config.EnvironmentReader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The API's settings, read once from the environment.
 *
 * @param botToken             TELEGRAM_BOT_TOKEN: the key initData is signed with
 * @param allowedOrigins       ALLOWED_ORIGINS: comma-separated origins allowed by CORS (the Mini App's)
 * @param appEnv               APP_ENV: local, dev, staging or prod
 * @param devUserHeader        ALLOW_DEV_USER_HEADER=true lets X-Telegram-User-Id stand in for initData
 *                             (local and dev only; refused at start-up in prod and staging)
 * @param reportWorkerFunction REPORT_WORKER_FUNCTION: the function POST report/{ticker} invokes
 * @param version              APP_VERSION (default: the build's version)
 * @param build                BUILD_ID: the commit the deploy tool shipped (default "dev")
 */
public record TelegramApiConfig(String botToken, List<String> allowedOrigins, String appEnv, boolean devUserHeader,
                                String reportWorkerFunction, String version, String build) {

    private static final Set<String> ENVIRONMENTS = Set.of("local", "dev", "staging", "prod");

    public TelegramApiConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Reads the settings; records problems in {@code env} (call {@link EnvironmentReader#validate()} after). */
    public static TelegramApiConfig read(EnvironmentReader env) {
        String token = env.required("TELEGRAM_BOT_TOKEN");
        String appEnv = env.required("APP_ENV");
        if (appEnv != null && !ENVIRONMENTS.contains(appEnv)) {
            env.invalid("APP_ENV", "must be one of local, dev, staging, prod; was '" + appEnv + "'");
        }
        boolean devHeader = Boolean.parseBoolean(env.optional("ALLOW_DEV_USER_HEADER", "false"));
        if (devHeader && ("prod".equals(appEnv) || "staging".equals(appEnv))) {
            env.invalid("ALLOW_DEV_USER_HEADER", "must not be true in " + appEnv + ": only validated initData identifies users there");
        }
        String worker = env.required("REPORT_WORKER_FUNCTION");
        List<String> origins = Arrays.stream(env.optional("ALLOWED_ORIGINS", "").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
        return new TelegramApiConfig(token, origins, appEnv, devHeader, worker, env.optional("APP_VERSION", Version.NUMBER),
                env.optional("BUILD_ID", "dev"));
    }
}
