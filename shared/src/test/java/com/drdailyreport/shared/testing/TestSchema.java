package com.drdailyreport.shared.testing;

import com.drdailyreport.migrations.MigrationReport;
import com.drdailyreport.migrations.Migrator;
import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.domain.Ticker;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One test class's own database: created empty, migrated (schema + ticker universe), dropped on
 * {@link #close()}. Reached through a real connection pool built like production's.
 */
public final class TestSchema implements AutoCloseable {

    /** Tables holding data the tests write (the ticker registry is left as the seed made it). */
    private static final List<String> DATA_TABLES = List.of("chart_pattern_data", "pattern_track_events", "pattern_track_record", "precomputed_reports", "ticker_data",
            "report_jobs", "watchlist", "line_webhook_events");

    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final Runnable drop;
    private HikariDataSource dataSource;

    TestSchema(String name, String url, String user, String password, Runnable drop) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.drop = drop;
    }

    public String name() {
        return name;
    }

    /** JDBC URL of this database (what DB_URL would be). */
    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The configuration a handler would read from DB_URL / DB_USER / DB_PASSWORD. */
    public DatabaseConfig config() {
        return new DatabaseConfig(url, user, password, 4);
    }

    /** A pool onto this database, made like production's ({@link DataSources}). */
    public synchronized HikariDataSource dataSource() {
        if (dataSource == null) {
            dataSource = DataSources.create(config(), "test-" + name);
        }
        return dataSource;
    }

    /** Applies the migrations (done once on creation; again is a no-op). */
    public MigrationReport migrate() {
        return Migrator.forUrl(url, user, password).migrate();
    }

    /** The seeded ticker with this DR symbol. */
    public Ticker ticker(String drSymbol) {
        return new TickerRepository(dataSource()).findBySymbol(drSymbol)
                .orElseThrow(() -> new IllegalArgumentException("no ticker " + drSymbol + " in the test schema"));
    }

    /** Empties every data table, keeping the schema and the ticker registry. */
    public void deleteData() {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            for (String table : DATA_TABLES) {
                st.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test tables: " + e.getMessage(), e);
        }
    }

    /** {@code SELECT COUNT(*)} of a table, optionally with a WHERE clause. */
    public int count(String table, String where) {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table + (where == null ? "" : " WHERE " + where))) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("count of " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Runs one SQL statement directly (to set up a state the repositories refuse to create). */
    public int execute(String sql) {
        try (Connection c = dataSource().getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (dataSource != null) {
            dataSource.close();
            dataSource = null;
        }
        drop.run();
    }
}
