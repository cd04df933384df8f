package com.drdailyreport.shared.config;

/**
 * Where the database is: DB_URL ({@code jdbc:mysql://host:3306/dr_daily_report}), DB_USER,
 * DB_PASSWORD (may be empty), and DB_POOL_SIZE (connections per process, default 2 — a Lambda
 * container serves one request at a time, and the fan-out's total is the pool size times the
 * Map's MaxConcurrency).
 */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize) {

    public static final int DEFAULT_POOL_SIZE = 2;

    public DatabaseConfig {
        password = password == null ? "" : password;
    }

    public DatabaseConfig(String url, String user, String password) {
        this(url, user, password, DEFAULT_POOL_SIZE);
    }

    /** Reads the DB_* keys, recording missing ones in {@code env} (call {@link EnvironmentReader#validate()} after). */
    public static DatabaseConfig read(EnvironmentReader env) {
        String url = env.required("DB_URL");
        String user = env.required("DB_USER");
        String password = env.optional("DB_PASSWORD", "");
        int pool = env.optionalInt("DB_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 50);
        if (url != null && !url.startsWith("jdbc:mysql:")) {
            env.invalid("DB_URL", "must be a jdbc:mysql: URL");
        }
        return new DatabaseConfig(url, user, password, pool);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=***, maxPoolSize=" + maxPoolSize + "]";
    }
}
