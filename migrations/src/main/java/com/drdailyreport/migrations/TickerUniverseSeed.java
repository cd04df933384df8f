package com.drdailyreport.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.zip.CRC32;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Repeatable migration that keeps {@code ticker_master} and {@code ticker_aliases} in step with
 * {@code db/seed/tickers.csv} (the DR universe). Its checksum is the file's, so Flyway runs it
 * again whenever the list changes and never otherwise. Idempotent: tickers are matched by their
 * DR symbol; a name from the file wins over a stored one, an empty name keeps what the price
 * source filled in; tickers no longer listed are deactivated, never deleted.
 */
final class TickerUniverseSeed implements JavaMigration {

    static final String RESOURCE = "db/seed/tickers.csv";

    /** One row of the universe file. */
    record Row(String drSymbol, String yahooSymbol, String companyName) {
    }

    private final byte[] csv;

    TickerUniverseSeed() {
        this(readResource());
    }

    TickerUniverseSeed(byte[] csv) {
        this.csv = csv.clone();
    }

    @Override
    public MigrationVersion getVersion() {
        return null; // repeatable
    }

    @Override
    public String getDescription() {
        return "seed ticker universe";
    }

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(csv);
        return (int) crc.getValue();
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        List<Row> rows = parse(new String(csv, StandardCharsets.UTF_8));
        Connection connection = context.getConnection();
        Set<Integer> seeded = new HashSet<>();
        for (Row row : rows) {
            seeded.add(upsert(connection, row));
        }
        deactivateOthers(connection, seeded);
    }

    /**
     * Parses the universe file: header {@code dr_symbol,yahoo_symbol,company_name}, one ticker per line.
     *
     * @throws IllegalArgumentException naming the line and field of the first problem found
     */
    static List<Row> parse(String text) {
        String[] lines = text.replace("\r", "").split("\n");
        if (lines.length == 0 || !lines[0].trim().equalsIgnoreCase("dr_symbol,yahoo_symbol,company_name")) {
            throw new IllegalArgumentException(RESOURCE + ": the header must be dr_symbol,yahoo_symbol,company_name");
        }
        List<Row> rows = new ArrayList<>();
        Set<String> symbols = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            int lineNumber = i + 1;
            if (fields.length != 3) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": expected 3 fields, found " + fields.length);
            }
            String dr = fields[0].trim().toUpperCase(Locale.ROOT);
            String yahoo = fields[1].trim().toUpperCase(Locale.ROOT);
            String name = fields[2].trim();
            if (dr.isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": dr_symbol is empty");
            }
            if (yahoo.isEmpty()) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": yahoo_symbol is empty");
            }
            if (!symbols.add(dr) || !symbols.add(yahoo)) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": symbol listed twice (" + dr + " / " + yahoo + ")");
            }
            rows.add(new Row(dr, yahoo, name.isEmpty() ? null : name));
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": no tickers listed");
        }
        return rows;
    }

    /** Exchange and currency implied by a Yahoo symbol's suffix; a US listing has none. */
    static String[] exchangeAndCurrency(String yahooSymbol) {
        int dot = yahooSymbol.lastIndexOf('.');
        String suffix = dot < 0 ? "" : yahooSymbol.substring(dot + 1);
        return switch (suffix) {
            case "SI" -> new String[] {"SGX", "SGD"};
            case "T" -> new String[] {"TSE", "JPY"};
            case "HK" -> new String[] {"HKEX", "HKD"};
            case "VN", "HM" -> new String[] {"HOSE", "VND"};
            case "TW" -> new String[] {"TWSE", "TWD"};
            default -> new String[] {"US", "USD"};
        };
    }

    private static int upsert(Connection connection, Row row) throws SQLException {
        Integer id = tickerIdOf(connection, row.drSymbol());
        if (id == null) {
            id = tickerIdOf(connection, row.yahooSymbol());
        }
        String[] exchangeCurrency = exchangeAndCurrency(row.yahooSymbol());
        String quoteType = row.companyName() != null && row.companyName().toUpperCase(Locale.ROOT).contains("ETF") ? "etf" : null;
        if (id == null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO ticker_master (company_name, exchange, currency, quote_type, is_active) VALUES (?, ?, ?, ?, 1)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, row.companyName());
                insert.setString(2, exchangeCurrency[0]);
                insert.setString(3, exchangeCurrency[1]);
                insert.setString(4, quoteType == null ? "equity" : quoteType);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getInt(1);
                }
            }
        } else {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE ticker_master SET is_active = 1, company_name = COALESCE(?, company_name),"
                            + " exchange = COALESCE(exchange, ?), currency = COALESCE(currency, ?),"
                            + " quote_type = COALESCE(?, quote_type) WHERE id = ?")) {
                update.setString(1, row.companyName());
                update.setString(2, exchangeCurrency[0]);
                update.setString(3, exchangeCurrency[1]);
                update.setString(4, quoteType);
                update.setInt(5, id);
                update.executeUpdate();
            }
        }
        alias(connection, id, row.drSymbol(), "dr");
        alias(connection, id, row.yahooSymbol(), "yahoo");
        try (PreparedStatement stale = connection.prepareStatement(
                "DELETE FROM ticker_aliases WHERE ticker_id = ? AND symbol_type IN ('dr', 'yahoo') AND symbol NOT IN (?, ?)")) {
            stale.setInt(1, id);
            stale.setString(2, row.drSymbol());
            stale.setString(3, row.yahooSymbol());
            stale.executeUpdate();
        }
        return id;
    }

    private static Integer tickerIdOf(Connection connection, String symbol) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT ticker_id FROM ticker_aliases WHERE symbol = ?")) {
            query.setString(1, symbol);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static void alias(Connection connection, int tickerId, String symbol, String type) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(
                "INSERT INTO ticker_aliases (ticker_id, symbol, symbol_type, is_primary) VALUES (?, ?, ?, 1)"
                        + " ON DUPLICATE KEY UPDATE ticker_id = VALUES(ticker_id), symbol_type = VALUES(symbol_type),"
                        + " is_primary = VALUES(is_primary)")) {
            upsert.setInt(1, tickerId);
            upsert.setString(2, symbol);
            upsert.setString(3, type);
            upsert.executeUpdate();
        }
    }

    private static void deactivateOthers(Connection connection, Set<Integer> seeded) throws SQLException {
        StringJoiner ids = new StringJoiner(",", "(", ")");
        seeded.forEach(id -> ids.add(Integer.toString(id)));
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE ticker_master SET is_active = 0 WHERE is_active = 1 AND id NOT IN " + ids);
        }
    }

    private static byte[] readResource() {
        try (InputStream in = TickerUniverseSeed.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
