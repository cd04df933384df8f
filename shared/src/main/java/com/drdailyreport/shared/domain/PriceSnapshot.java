package com.drdailyreport.shared.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A {@code ticker_data} row: the price history fetched for a ticker on one Bangkok business date.
 *
 * @param date   the Bangkok business date of the fetch run
 * @param source where the bars came from ("yahoo", "csv", "demo")
 */
public record PriceSnapshot(int tickerId, String symbol, LocalDate date, PriceHistory history, String source,
                            Instant fetchedAt) {
}
