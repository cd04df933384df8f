package com.drdailyreport.shared.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the database is and how long a caller waits for it: DB_URL
 * ({@code jdbc:mysql://host:3306/dr_daily_report}), DB_USER, DB_PASSWORD (may be empty),
 * DB_POOL_SIZE (connections per process), DB_SOCKET_TIMEOUT_SECONDS (how long the driver waits for
 * any answer from the server before it gives the connection up) and DB_QUERY_TIMEOUT_SECONDS (how
 * long one statement may run before the server is asked to cancel it; below the socket timeout, so
 * a slow statement is cancelled while the connection survives, and a database that stopped
 * answering altogether is caught by the socket timeout). Each setting is read once, and its default
 * comes from the {@link Workload} of the function that reads it.
 *
 * @param socketTimeout the driver's {@code socketTimeout}
 * @param queryTimeout  every statement's query timeout (shorter than {@code socketTimeout})
 */
public record DatabaseConfig(String url, String user, String password, int maxPoolSize, Duration socketTimeout,
                             Duration queryTimeout) {

    /** Who uses the pool, and so the defaults of its settings. */
    public enum Workload {
        /**
         * Request-serving functions (telegram-api, line-bot): two connections (a container serves one
         * request at a time), and timeouts well under the 29 s function timeout and API Gateway's
         * 30 s, so a database that stops answering costs a request seconds, not the function.
         */
        REQUESTS(2, Duration.ofSeconds(6), Duration.ofSeconds(5)),
        /**
         * The nightly workers (scheduler functions): one connection each (the fan-out's total is the
         * pool size times the Map's MaxConcurrency) and longer statements within their minutes-long
         * timeouts.
         */
        WORKERS(1, Duration.ofSeconds(30), Duration.ofSeconds(25));

        private final int poolSize;
        private final Duration socketTimeout;
        private final Duration queryTimeout;

        Workload(int poolSize, Duration socketTimeout, Duration queryTimeout) {
            this.poolSize = poolSize;
            this.socketTimeout = socketTimeout;
            this.queryTimeout = queryTimeout;
        }

        public int poolSize() {
            return poolSize;
        }

        public Duration socketTimeout() {
            return socketTimeout;
        }

        public Duration queryTimeout() {
            return queryTimeout;
        }
    }

    public DatabaseConfig {
        password = password == null ? "" : password;
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        if (queryTimeout.toSeconds() < 1 || queryTimeout.compareTo(socketTimeout) >= 0) {
            throw new IllegalArgumentException("the query timeout (" + queryTimeout.toSeconds() + " s) must be at least 1 s and below the"
                    + " socket timeout (" + socketTimeout.toSeconds() + " s)");
        }
    }

    /** A configuration with the {@code workload}'s pool size and timeouts. */
    public DatabaseConfig(String url, String user, String password, Workload workload) {
        this(url, user, password, workload.poolSize(), workload.socketTimeout(), workload.queryTimeout());
    }

    /** A request-serving configuration ({@link Workload#REQUESTS}). */
    public DatabaseConfig(String url, String user, String password) {
        this(url, user, password, Workload.REQUESTS);
    }

    /** A pool of {@code maxPoolSize} with the workers' (long) timeouts. */
    public DatabaseConfig(String url, String user, String password, int maxPoolSize) {
        this(url, user, password, maxPoolSize, Workload.WORKERS.socketTimeout(), Workload.WORKERS.queryTimeout());
    }

    /** The same database and pool size with the {@code workload}'s timeouts. */
    public DatabaseConfig withTimeoutsOf(Workload workload) {
        return new DatabaseConfig(url, user, password, maxPoolSize, workload.socketTimeout(), workload.queryTimeout());
    }

    /**
     * Reads the DB_* keys once, with the {@code workload}'s defaults, recording missing and invalid
     * ones in {@code env} (call {@link EnvironmentReader#validate()} after).
     */
    public static DatabaseConfig read(EnvironmentReader env, Workload workload) {
        String url = env.required("DB_URL");
        String user = env.required("DB_USER");
        String password = env.optional("DB_PASSWORD", "");
        int pool = env.optionalInt("DB_POOL_SIZE", workload.poolSize(), 1, 50);
        int socket = env.optionalInt("DB_SOCKET_TIMEOUT_SECONDS", (int) workload.socketTimeout().toSeconds(), 2, 900);
        int queryDefault = (int) Math.min(workload.queryTimeout().toSeconds(), socket - 1);
        int query = env.optionalInt("DB_QUERY_TIMEOUT_SECONDS", queryDefault, 1, 899);
        if (query >= socket) {
            env.invalid("DB_QUERY_TIMEOUT_SECONDS", "must be below DB_SOCKET_TIMEOUT_SECONDS (" + socket + "), was " + query);
            query = socket - 1;
        }
        if (url != null && !url.startsWith("jdbc:mysql:")) {
            env.invalid("DB_URL", "must be a jdbc:mysql: URL");
        }
        return new DatabaseConfig(url, user, password, pool, Duration.ofSeconds(socket), Duration.ofSeconds(query));
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=***, maxPoolSize=" + maxPoolSize + ", socketTimeout="
                + socketTimeout.toSeconds() + "s, queryTimeout=" + queryTimeout.toSeconds() + "s]";
    }
}
