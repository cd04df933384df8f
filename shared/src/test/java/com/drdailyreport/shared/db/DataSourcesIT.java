package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.zaxxer.hikari.HikariDataSource;
import com.drdailyreport.shared.domain.Ticker;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class DataSourcesIT {

    private final TestSchema db;

    DataSourcesIT(TestSchema db) {
        this.db = db;
    }

    @Test
    void sessionsRunInUtcWithStrictSqlMode() throws Exception {
        try (HikariDataSource pool = DataSources.create(new DatabaseConfig(db.url(), db.user(), db.password()), "it");
             Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@session.time_zone, @@session.sql_mode")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("+00:00");
            assertThat(rs.getString(2)).contains("STRICT_TRANS_TABLES");
            assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
            assertThat(pool.getMinimumIdle()).isZero();
        }
    }

    @Test
    void theRequestWorkloadsSocketTimeoutReachesTheDriver() throws Exception {
        DatabaseConfig requests = new DatabaseConfig(db.url(), db.user(), db.password(), DatabaseConfig.Workload.REQUESTS);
        try (HikariDataSource pool = DataSources.create(requests, "requests"); Connection c = pool.getConnection()) {
            // the driver's socketTimeout is the connection's network timeout: a server that stops answering costs 6 s, not 30
            assertThat(c.getNetworkTimeout()).isEqualTo(6_000);
        }
    }

    @Test
    void aStatementBlockedBehindALockIsCancelledAfterTheQueryTimeoutAndTheConnectionSurvives() throws Exception {
        DatabaseConfig config = new DatabaseConfig(db.url(), db.user(), db.password(), 1, Duration.ofSeconds(5), Duration.ofSeconds(1));
        Ticker ticker = db.ticker("NVDA19");
        try (HikariDataSource pool = DataSources.create(config, "query-timeout");
             Connection holder = DriverManager.getConnection(db.url(), db.user(), db.password())) {
            long connectionId = connectionId(pool);
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.executeQuery("SELECT id FROM ticker_master WHERE id = " + ticker.id() + " FOR UPDATE").close();
                TickerRepository tickers = new TickerRepository(pool);
                long start = System.nanoTime();
                // without a query timeout this waits for the server's lock wait timeout (50 s by default)
                assertThatThrownBy(() -> tickers.setActive(ticker.id(), true))
                        .isInstanceOf(DatabaseUnavailableException.class)
                        .hasMessageStartingWith("ticker_master: statement timed out during write");
                assertThat((System.nanoTime() - start) / 1_000_000).isBetween(900L, 4_000L);
            } finally {
                holder.rollback();
            }
            // the pool's one connection is still the same session: the server cancelled the statement, the socket was not given up
            assertThat(new TickerRepository(pool).findBySymbol("NVDA19")).isPresent();
            assertThat(connectionId(pool)).isEqualTo(connectionId);
        }
    }

    private static long connectionId(HikariDataSource pool) throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anUnreachableDatabaseFailsFastAsUnavailable() {
        DatabaseConfig nowhere = new DatabaseConfig("jdbc:mysql://127.0.0.1:1/none", "u", "p", 1);
        try (HikariDataSource pool = DataSources.create(nowhere, "nowhere")) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> new TickerRepository(pool).findActive())
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageStartingWith("ticker_master: database unavailable during read")
                    .hasMessageNotContaining("127.0.0.1");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(15_000);
        }
    }
}
