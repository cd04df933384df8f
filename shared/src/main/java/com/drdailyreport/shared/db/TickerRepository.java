package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.Ticker;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The ticker registry ({@code ticker_master} + {@code ticker_aliases}). The universe itself is
 * seeded by the migrations from {@code tickers.csv}; this reads it and records what the price
 * source tells us about each instrument.
 */
public final class TickerRepository {

    private static final String SELECT = "SELECT m.id, d.symbol AS dr_symbol, y.symbol AS yahoo_symbol, m.company_name,"
            + " m.exchange, m.currency, m.sector, m.quote_type, m.is_active"
            + " FROM ticker_master m"
            + " JOIN ticker_aliases d ON d.ticker_id = m.id AND d.symbol_type = 'dr'"
            + " JOIN ticker_aliases y ON y.ticker_id = m.id AND y.symbol_type = 'yahoo'";

    private final Jdbc jdbc;

    public TickerRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Every active ticker, ordered by DR symbol. */
    public List<Ticker> findActive() {
        return jdbc.query("ticker_master", SELECT + " WHERE m.is_active = 1 ORDER BY d.symbol", TickerRepository::map);
    }

    /** Every ticker, active or not, ordered by DR symbol. */
    public List<Ticker> findAll() {
        return jdbc.query("ticker_master", SELECT + " ORDER BY d.symbol", TickerRepository::map);
    }

    /** The ticker known by {@code symbol} (DR or Yahoo, any case), active or not. */
    public Optional<Ticker> findBySymbol(String symbol) {
        String normalized = Checks.symbol("symbol", symbol);
        return jdbc.queryOne("ticker_master",
                SELECT + " WHERE m.id = (SELECT a.ticker_id FROM ticker_aliases a WHERE a.symbol = ?)",
                TickerRepository::map, normalized);
    }

    /**
     * Records what the price source reports: fills an empty company name (a name already known
     * is kept), and sets exchange, currency and quote type where given (null leaves a field as is).
     *
     * @throws RecordNotFoundException when no ticker has that id
     */
    public void updateMetadata(int tickerId, String companyName, String exchange, String currency, String quoteType) {
        String key = "id=" + tickerId;
        int rows = jdbc.update("ticker_master", key,
                "UPDATE ticker_master SET company_name = COALESCE(NULLIF(company_name, ''), ?),"
                        + " exchange = COALESCE(?, exchange), currency = COALESCE(?, currency),"
                        + " quote_type = COALESCE(?, quote_type) WHERE id = ?",
                blankToNull(companyName), blankToNull(exchange), blankToNull(currency), blankToNull(quoteType), tickerId);
        Jdbc.requireRows(rows, "ticker_master", key);
    }

    /**
     * Includes a ticker in the daily run or takes it out (rows are never deleted).
     *
     * @throws RecordNotFoundException when no ticker has that id
     */
    public void setActive(int tickerId, boolean active) {
        String key = "id=" + tickerId;
        Jdbc.requireRows(jdbc.update("ticker_master", key, "UPDATE ticker_master SET is_active = ? WHERE id = ?", active, tickerId),
                "ticker_master", key);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Ticker map(ResultSet rs) throws SQLException {
        return new Ticker(rs.getInt("id"), rs.getString("dr_symbol"), rs.getString("yahoo_symbol"),
                rs.getString("company_name"), rs.getString("exchange"), rs.getString("currency"),
                rs.getString("sector"), rs.getString("quote_type"), rs.getBoolean("is_active"));
    }
}
