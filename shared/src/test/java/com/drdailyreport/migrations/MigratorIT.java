package com.drdailyreport.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The schema on a real server (this lives in shared's tests because the database fixture is
 * shared's test-jar, which the migrations module cannot depend on: shared depends on migrations).
 * Each test starts from an empty database.
 */
class MigratorIT {

    private TestSchema empty;

    @BeforeEach
    void emptyDatabase() {
        empty = TestDatabase.freshSchema("migrator");
        // freshSchema migrates; start these tests from a truly empty database instead.
        empty.execute("DROP TABLE pattern_track_events, pattern_track_record, chart_pattern_data, watchlist, report_jobs,"
                + " line_webhook_events, precomputed_reports,"
                + " ticker_data, ticker_aliases, ticker_master, flyway_schema_history");
    }

    @AfterEach
    void drop() {
        empty.close();
    }

    @Test
    void migratingAnEmptyDatabaseReachesVersion022WithEveryTableAndTheSeededUniverse() {
        MigrationReport report = Migrator.forDataSource(empty.dataSource()).migrate();

        assertThat(report.currentVersion()).isEqualTo("022");
        assertThat(report.applied()).extracting(MigrationReport.Migration::version)
                .containsExactly("001", "002", "003", "004", "005", "006", "007", "020", "021", "022", null);
        assertThat(report.pending()).isEmpty();
        assertThat(tables()).contains("ticker_master", "ticker_aliases", "ticker_data", "precomputed_reports",
                "chart_pattern_data", "report_jobs", "watchlist", "line_webhook_events", "pattern_track_events", "pattern_track_record");
        // tickers.csv lists 56 DRs: one master, one dr alias and one yahoo alias each.
        assertThat(empty.count("ticker_master", "is_active = 1")).isEqualTo(56);
        assertThat(empty.count("ticker_aliases", "symbol_type = 'dr'")).isEqualTo(56);
        assertThat(empty.count("ticker_aliases", "symbol_type = 'yahoo'")).isEqualTo(56);
    }

    @Test
    void migratingTwiceChangesNothingAndValidatePasses() {
        Migrator migrator = Migrator.forDataSource(empty.dataSource());
        migrator.migrate();
        int historyRows = empty.count("flyway_schema_history", null);

        MigrationReport again = migrator.migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(again.currentVersion()).isEqualTo("022");
        assertThat(empty.count("flyway_schema_history", null)).isEqualTo(historyRows);
        assertThat(empty.count("ticker_master", null)).isEqualTo(56);
        MigrationReport validated = migrator.validate();
        assertThat(validated.currentVersion()).isEqualTo("022");
        assertThat(validated.applied()).hasSize(11);
        MigrationReport info = migrator.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).hasSize(11);
    }

    @Test
    void infoOnAnEmptyDatabaseListsEverythingAsPendingAndValidateFails() {
        Migrator migrator = Migrator.forDataSource(empty.dataSource());

        MigrationReport info = migrator.info();

        assertThat(info.currentVersion()).isNull();
        assertThat(info.applied()).isEmpty();
        assertThat(info.pending()).hasSize(11);
        assertThatThrownBy(migrator::validate).isInstanceOf(SchemaValidationException.class)
                .hasMessageContaining("version 001");
    }

    @Test
    void chartPatternDataHasTheReferenceSchema() throws SQLException {
        Migrator.forDataSource(empty.dataSource()).migrate();

        Map<String, String> columns = columns("chart_pattern_data");
        assertThat(columns.keySet()).containsExactly("id", "ticker_id", "symbol", "pattern_date", "pattern_type",
                "pattern_code", "implementation", "impl_version", "confidence", "start_date", "end_date", "pattern_data",
                "detected_at", "created_at", "updated_at");
        assertThat(columns.get("id")).isEqualTo("bigint");
        assertThat(columns.get("ticker_id")).isEqualTo("int");
        assertThat(columns.get("symbol")).isEqualTo("varchar(20)");
        assertThat(columns.get("pattern_date")).isEqualTo("date");
        assertThat(columns.get("pattern_type")).isEqualTo("varchar(50)");
        assertThat(columns.get("pattern_code")).isEqualTo("varchar(20)");
        assertThat(columns.get("implementation")).isEqualTo("varchar(50)");
        assertThat(columns.get("impl_version")).isEqualTo("varchar(20)");
        assertThat(columns.get("confidence")).isEqualTo("enum('high','medium','low')");
        // MySQL reports a JSON column as json; MariaDB stores it as longtext with a json_valid check.
        assertThat(columns.get("pattern_data")).isIn("json", "longtext");

        assertThat(indexColumns("chart_pattern_data", "uk_symbol_date_pattern_impl"))
                .containsExactly("symbol", "pattern_date", "pattern_type", "implementation");
        assertThat(nonUnique("chart_pattern_data", "uk_symbol_date_pattern_impl")).isFalse();
        assertThat(indexColumns("chart_pattern_data", "idx_symbol")).containsExactly("symbol");
        assertThat(indexColumns("chart_pattern_data", "idx_pattern_date")).containsExactly("pattern_date");
        assertThat(indexColumns("chart_pattern_data", "idx_pattern_type")).containsExactly("pattern_type");
        assertThat(indexColumns("chart_pattern_data", "idx_implementation")).containsExactly("implementation");
        assertThat(foreignKeys("chart_pattern_data")).containsEntry("ticker_id", "ticker_master.id");
    }

    @Test
    void everyTickerReferenceIsAForeignKeyToTickerMaster() throws SQLException {
        Migrator.forDataSource(empty.dataSource()).migrate();

        assertThat(foreignKeys("ticker_aliases")).containsEntry("ticker_id", "ticker_master.id");
        assertThat(foreignKeys("ticker_data")).containsEntry("ticker_master_id", "ticker_master.id");
        assertThat(foreignKeys("precomputed_reports")).containsEntry("ticker_id", "ticker_master.id");
        assertThat(foreignKeys("report_jobs")).containsEntry("ticker_id", "ticker_master.id");
        assertThat(foreignKeys("watchlist")).containsEntry("ticker_id", "ticker_master.id");
        assertThat(indexColumns("ticker_data", "uk_symbol_date")).containsExactly("symbol", "date");
        assertThat(indexColumns("precomputed_reports", "uk_precomputed_reports_symbol_date")).containsExactly("symbol", "report_date");
        assertThat(indexColumns("watchlist", "uk_watchlist_user_ticker")).containsExactly("user_id", "ticker");
        assertThat(indexColumns("line_webhook_events", "uk_line_webhook_events_event_id")).containsExactly("webhook_event_id");
    }

    @Test
    void aChangedUniverseFileIsReappliedOnTheNextMigrate() {
        Migrator.forDataSource(empty.dataSource()).migrate();
        empty.execute("UPDATE ticker_master m JOIN ticker_aliases a ON a.ticker_id = m.id"
                + " SET m.company_name = 'SPDR Gold (from metadata)' WHERE a.symbol = 'GOLD19'");
        int nvdaId = id("NVDA19");

        // NVDA19 renamed, DBS19 removed, a new ticker added; GOLD19 still has an empty name.
        String csv = "dr_symbol,yahoo_symbol,company_name\n"
                + "NVDA19,NVDA,NVIDIA Corp (renamed)\n"
                + "GOLD19,GSD.SI,\n"
                + "NEWCO19,NEWC.HK,New Company\n";
        MigrationReport report = Migrator.forDataSource(empty.dataSource(),
                new TickerUniverseSeed(csv.getBytes(StandardCharsets.UTF_8))).migrate();

        assertThat(report.applied()).extracting(MigrationReport.Migration::description).containsExactly("seed ticker universe");
        assertThat(empty.count("ticker_master", "is_active = 1")).isEqualTo(3);
        assertThat(empty.count("ticker_master", null)).isEqualTo(57); // nothing deleted
        assertThat(id("NVDA19")).isEqualTo(nvdaId);
        assertThat(name("NVDA19")).isEqualTo("NVIDIA Corp (renamed)");
        assertThat(name("GOLD19")).isEqualTo("SPDR Gold (from metadata)");
        assertThat(empty.count("ticker_master m JOIN ticker_aliases a ON a.ticker_id = m.id",
                "a.symbol = 'NEWCO19' AND m.exchange = 'HKEX' AND m.currency = 'HKD'")).isEqualTo(1);
        assertThat(empty.count("ticker_master m JOIN ticker_aliases a ON a.ticker_id = m.id",
                "a.symbol = 'DBS19' AND m.is_active = 0")).isEqualTo(1);
    }

    private int id(String symbol) {
        return scalarInt("SELECT ticker_id FROM ticker_aliases WHERE symbol = '" + symbol + "'");
    }

    private String name(String symbol) {
        try (Connection c = empty.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT m.company_name FROM ticker_master m JOIN ticker_aliases a"
                     + " ON a.ticker_id = m.id WHERE a.symbol = '" + symbol + "'")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private int scalarInt(String sql) {
        try (Connection c = empty.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> tables() {
        return strings("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
    }

    private Map<String, String> columns(String table) throws SQLException {
        Map<String, String> columns = new LinkedHashMap<>();
        try (Connection c = empty.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name, column_type FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE() AND table_name = '" + table + "' ORDER BY ordinal_position")) {
            while (rs.next()) {
                columns.put(rs.getString(1).toLowerCase(), rs.getString(2).toLowerCase().replace("int(11)", "int").replace("bigint(20)", "bigint"));
            }
        }
        return columns;
    }

    private List<String> indexColumns(String table, String index) {
        return strings("SELECT column_name FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name = '" + table + "' AND index_name = '" + index + "' ORDER BY seq_in_index");
    }

    private boolean nonUnique(String table, String index) {
        return scalarInt("SELECT MAX(non_unique) FROM information_schema.statistics WHERE table_schema = DATABASE()"
                + " AND table_name = '" + table + "' AND index_name = '" + index + "'") == 1;
    }

    private Map<String, String> foreignKeys(String table) throws SQLException {
        Map<String, String> keys = new LinkedHashMap<>();
        try (Connection c = empty.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT column_name, referenced_table_name, referenced_column_name"
                     + " FROM information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = '" + table
                     + "' AND referenced_table_name IS NOT NULL")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getString(2) + "." + rs.getString(3));
            }
        }
        return keys;
    }

    private List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = empty.dataSource().getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
