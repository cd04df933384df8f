package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
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
