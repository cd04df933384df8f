package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.PriceSnapshot;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** {@code ticker_data}: one price-history snapshot per DR symbol and Bangkok business date. */
public final class PriceHistoryRepository {

    private static final TypeReference<List<Bar>> BARS = new TypeReference<>() {
    };

    private static final String SELECT = "SELECT ticker_master_id, symbol, date, price_history, source, fetched_at FROM ticker_data";

    private final Jdbc jdbc;

    public PriceHistoryRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Stores the history fetched for {@code ticker} on business date {@code date}; fetching again
     * the same day replaces the row (same key, new bars).
     *
     * @throws InvalidValueException       when the history is empty or belongs to another symbol
     * @throws ConstraintViolationException when the ticker does not exist
     */
    public void upsert(Ticker ticker, LocalDate date, PriceHistory history, String source, Instant fetchedAt) {
        Checks.present("date", date);
        Checks.present("price_history", history);
        Checks.present("fetched_at", fetchedAt);
        String sourceName = Checks.text("source", source, 50);
        if (!history.symbol().equals(ticker.drSymbol())) {
            throw new InvalidValueException("symbol", "of the price history (" + history.symbol()
                    + ") does not match the ticker (" + ticker.drSymbol() + ")");
        }
        if (history.isEmpty()) {
            throw new InvalidValueException("price_history", "must contain at least one bar");
        }
        String key = "symbol=" + ticker.drSymbol() + ", date=" + date + ", ticker_master_id=" + ticker.id();
        int rows = jdbc.update("ticker_data", key,
                "INSERT INTO ticker_data (ticker_master_id, symbol, date, price_history, row_count,"
                        + " history_start_date, history_end_date, source, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE ticker_master_id = VALUES(ticker_master_id),"
                        + " price_history = VALUES(price_history), row_count = VALUES(row_count),"
                        + " history_start_date = VALUES(history_start_date), history_end_date = VALUES(history_end_date),"
                        + " source = VALUES(source), fetched_at = VALUES(fetched_at)",
                ticker.id(), ticker.drSymbol(), date, Json.write(history.bars()), history.size(),
                history.startDate(), history.endDate(), sourceName, fetchedAt);
        Jdbc.requireRows(rows, "ticker_data", key);
    }

    /** The snapshot of {@code symbol} for exactly {@code date}. */
    public Optional<PriceSnapshot> find(String symbol, LocalDate date) {
        return jdbc.queryOne("ticker_data", SELECT + " WHERE symbol = ? AND date = ?",
                PriceHistoryRepository::map, Checks.symbol("symbol", symbol), Checks.present("date", date));
    }

    /** The newest snapshot of {@code symbol} dated on or before {@code date}. */
    public Optional<PriceSnapshot> findLatest(String symbol, LocalDate onOrBefore) {
        return jdbc.queryOne("ticker_data", SELECT + " WHERE symbol = ? AND date <= ? ORDER BY date DESC LIMIT 1",
                PriceHistoryRepository::map, Checks.symbol("symbol", symbol), Checks.present("date", onOrBefore));
    }

    /** How many bars each symbol's snapshot for {@code date} holds (symbols without one are absent). */
    public Map<String, Integer> rowCountsForDate(LocalDate date) {
        return jdbc.query("ticker_data", "SELECT symbol, row_count FROM ticker_data WHERE date = ?",
                        rs -> Map.entry(rs.getString("symbol"), rs.getInt("row_count")), Checks.present("date", date))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static PriceSnapshot map(ResultSet rs) throws SQLException {
        String symbol = rs.getString("symbol");
        List<Bar> bars;
        try {
            bars = Json.mapper().readValue(rs.getString("price_history"), BARS);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new DataAccessException("ticker_data: stored price_history of " + symbol + " is unreadable: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        return new PriceSnapshot(rs.getInt("ticker_master_id"), symbol, rs.getObject("date", LocalDate.class),
                new PriceHistory(symbol, bars), rs.getString("source"), Jdbc.instant(rs, "fetched_at"));
    }
}
