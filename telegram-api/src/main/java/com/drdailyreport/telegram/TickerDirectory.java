package com.drdailyreport.telegram;

import com.drdailyreport.shared.db.ActiveTickers;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TickerRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The active tickers, read from the database at most every five minutes and resolved in memory —
 * a request never waits on the registry except right after a container starts.
 */
final class TickerDirectory {

    private final ActiveTickers tickers;

    TickerDirectory(TickerRepository repository, LongSupplier nanoClock) {
        this.tickers = new ActiveTickers(repository, nanoClock);
    }

    TickerRegistry registry() {
        return tickers.registry();
    }

    /**
     * The ticker a path segment names.
     *
     * @throws ApiException 404 TICKER_NOT_FOUND with up to three suggestions
     */
    Ticker require(String text) {
        Optional<Ticker> ticker = registry().resolve(text);
        if (ticker.isPresent()) {
            return ticker.get();
        }
        List<String> suggestions = text != null && text.length() <= 30
                ? registry().suggest(text, 3).stream().map(Ticker::drSymbol).toList() : List.of();
        String shown = text == null ? "" : text.length() > 30 ? text.substring(0, 30) + "…" : text;
        throw new ApiException(404, "TICKER_NOT_FOUND", "'" + shown + "' is not a supported ticker",
                Map.of("ticker", shown, "suggestions", suggestions));
    }
}
