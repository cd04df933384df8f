package com.drdailyreport.shared.db;

import com.drdailyreport.shared.config.DatabaseConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Connection pools sized for Lambda: a container runs one request at a time, so a pool of 1–2
 * connections (DB_POOL_SIZE) that holds nothing open while idle, fails a borrow after 5 s instead
 * of hanging a worker, and re-validates a connection that sat idle (Hikari checks liveness on
 * borrow after 500 ms unused — a frozen Lambda's socket may be dead). The pool starts lazily so a
 * cold start does not wait for the database. Sessions run in UTC with strict SQL mode, on MySQL 8
 * and MariaDB alike.
 *
 * <p>No wait is unbounded: the driver gives a connection up when the server has not answered
 * within the configuration's socket timeout (a database that stopped answering), and every
 * statement the repositories run carries the configuration's query timeout (a statement that runs
 * too long, e.g. behind a lock, is cancelled by the server and the connection survives).
 */
public final class DataSources {

    static final String SESSION_SETUP = "SET SESSION time_zone = '+00:00', sql_mode = "
            + "'STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'";

    private DataSources() {
    }

    /** A pool for {@code config}; close it when the process ends. */
    public static HikariDataSource create(DatabaseConfig config, String poolName) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        hikari.setJdbcUrl(config.url());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.maxPoolSize());
        hikari.setMinimumIdle(0);
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        hikari.setIdleTimeout(60_000);
        hikari.setMaxLifetime(600_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.setConnectionInitSql(SESSION_SETUP);
        hikari.setAutoCommit(true);
        hikari.addDataSourceProperty("connectTimeout", "5000");
        hikari.addDataSourceProperty("socketTimeout", Long.toString(config.socketTimeout().toMillis()));
        hikari.addDataSourceProperty("connectionTimeZone", "UTC");
        hikari.addDataSourceProperty("characterEncoding", "UTF-8");
        hikari.addDataSourceProperty("cachePrepStmts", "true");
        hikari.addDataSourceProperty("useServerPrepStmts", "false");
        hikari.addDataSourceProperty("rewriteBatchedStatements", "true");
        hikari.addDataSourceProperty("tcpKeepAlive", "true");
        return new Pool(hikari, (int) config.queryTimeout().toSeconds());
    }

    /** The query timeout, in seconds, of statements on {@code dataSource} (0, none, for a pool not made here). */
    static int queryTimeoutSeconds(javax.sql.DataSource dataSource) {
        return dataSource instanceof Pool pool ? pool.queryTimeoutSeconds : 0;
    }

    /** A Hikari pool that knows its statements' query timeout. */
    private static final class Pool extends HikariDataSource {

        private final int queryTimeoutSeconds;

        Pool(HikariConfig config, int queryTimeoutSeconds) {
            super(config);
            this.queryTimeoutSeconds = queryTimeoutSeconds;
        }
    }
}
