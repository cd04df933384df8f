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
 * @param maxActiveJobs        REPORT_JOBS_MAX_ACTIVE: report jobs pending or in progress at once, in all
 *                             (default {@value #DEFAULT_MAX_ACTIVE_JOBS}); beyond it {@code POST report} is 429
 * @param maxActiveJobsPerClient REPORT_JOBS_MAX_ACTIVE_PER_CLIENT: the same for one user or client address
 *                             (default {@value #DEFAULT_MAX_ACTIVE_JOBS_PER_CLIENT})
 */
public record TelegramApiConfig(String botToken, List<String> allowedOrigins, String appEnv, boolean devUserHeader,
                                String reportWorkerFunction, String version, String build, int maxActiveJobs,
                                int maxActiveJobsPerClient) {

    public static final int DEFAULT_MAX_ACTIVE_JOBS = 20;
    public static final int DEFAULT_MAX_ACTIVE_JOBS_PER_CLIENT = 3;

    private static final Set<String> ENVIRONMENTS = Set.of("local", "dev", "staging", "prod");

    public TelegramApiConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** The settings with the default job bounds. */
    public TelegramApiConfig(String botToken, List<String> allowedOrigins, String appEnv, boolean devUserHeader,
                             String reportWorkerFunction, String version, String build) {
        this(botToken, allowedOrigins, appEnv, devUserHeader, reportWorkerFunction, version, build, DEFAULT_MAX_ACTIVE_JOBS,
                DEFAULT_MAX_ACTIVE_JOBS_PER_CLIENT);
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
        int maxActive = env.optionalInt("REPORT_JOBS_MAX_ACTIVE", DEFAULT_MAX_ACTIVE_JOBS, 1, 1_000);
        int maxPerClient = env.optionalInt("REPORT_JOBS_MAX_ACTIVE_PER_CLIENT", DEFAULT_MAX_ACTIVE_JOBS_PER_CLIENT, 1, 100);
        return new TelegramApiConfig(token, origins, appEnv, devHeader, worker, env.optional("APP_VERSION", Version.NUMBER),
                env.optional("BUILD_ID", "dev"), maxActive, maxPerClient);
    }
}
