package com.drdailyreport.shared.market;

import com.drdailyreport.shared.domain.Ticker;

/** Where daily bars come from: Yahoo's chart API in production, CSV files offline and in tests. */
public interface PriceSource {

    /**
     * About a year of daily bars for {@code ticker}, stored under its DR symbol, with what the
     * source knows about the instrument.
     *
     * @throws PriceSourceException when no usable bars could be obtained; says why, and whether
     *                              trying again later may help
     */
    PriceData fetch(Ticker ticker);

    /** Short name recorded as {@code ticker_data.source} ("yahoo", "csv", "demo"). */
    String name();

    /**
     * The name recorded for {@code ticker}'s bars; the same for every ticker unless a source mixes
     * origins (the local offline set: real bars for one ticker, demo series for the rest).
     */
    default String name(Ticker ticker) {
        return name();
    }
}
