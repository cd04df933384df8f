package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.WatchlistItem;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** {@code watchlist}: the tickers each Mini App user follows. */
public final class WatchlistRepository {

    private final Jdbc jdbc;

    public WatchlistRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Adds {@code ticker} to the user's watchlist.
     *
     * @return true when added, false when it was already there (nothing changes)
     * @throws ConstraintViolationException when the ticker does not exist
     */
    public boolean add(String userId, Ticker ticker, Instant addedAt) {
        String user = Checks.text("user_id", userId, 64);
        Checks.present("added_at", addedAt);
        try {
            jdbc.update("watchlist", key(user, ticker.drSymbol()) + ", ticker_id=" + ticker.id(),
                    "INSERT INTO watchlist (user_id, ticker_id, ticker, created_at) VALUES (?, ?, ?, ?)",
                    user, ticker.id(), ticker.drSymbol(), addedAt);
            return true;
        } catch (ConstraintViolationException e) {
            if (e.kind() == ConstraintViolationException.Kind.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Removes a ticker; returns false when it was not on the list. */
    public boolean remove(String userId, String drSymbol) {
        String user = Checks.text("user_id", userId, 64);
        String symbol = Checks.symbol("ticker", drSymbol);
        return jdbc.update("watchlist", key(user, symbol), "DELETE FROM watchlist WHERE user_id = ? AND ticker = ?", user, symbol) > 0;
    }

    /** The user's watchlist, most recently added first. */
    public List<WatchlistItem> list(String userId) {
        String user = Checks.text("user_id", userId, 64);
        return jdbc.query("watchlist",
                "SELECT w.user_id, w.ticker, m.company_name, w.created_at FROM watchlist w"
                        + " JOIN ticker_master m ON m.id = w.ticker_id WHERE w.user_id = ? ORDER BY w.created_at DESC, w.id DESC",
                rs -> new WatchlistItem(rs.getString("user_id"), rs.getString("ticker"), rs.getString("company_name"),
                        Jdbc.instant(rs, "created_at")), user);
    }

    private static String key(String user, String symbol) {
        return "user_id=" + user + ", ticker=" + symbol;
    }
}
