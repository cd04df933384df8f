package com.drdailyreport.shared.domain;

import java.time.LocalDate;

/**
 * One daily bar in the trading currency: {@code {date, open, high, low, close, volume}} in JSON.
 * Prices are finite and positive, low ≤ open, close ≤ high, volume ≥ 0 — a NaN never gets past here.
 */
public record Bar(LocalDate date, double open, double high, double low, double close, long volume) {

    public Bar {
        Checks.present("date", date);
        Checks.positive("open", open);
        Checks.positive("high", high);
        Checks.positive("low", low);
        Checks.positive("close", close);
        if (volume < 0) {
            throw new InvalidValueException("volume", "must not be negative, was " + volume);
        }
        if (high < Math.max(open, close) || low > Math.min(open, close)) {
            throw new InvalidValueException("high", "and low must enclose open and close on " + date
                    + " (o=" + open + " h=" + high + " l=" + low + " c=" + close + ")");
        }
    }

    /**
     * A bar from a source whose high/low may not quite enclose open/close (rounding, adjusted
     * closes): widens high and low to include them. Every other rule still applies.
     */
    public static Bar widened(LocalDate date, double open, double high, double low, double close, long volume) {
        // check the values as given first, so a bad close is reported as the close, not as the low it would widen
        Checks.positive("open", open);
        Checks.positive("high", high);
        Checks.positive("low", low);
        Checks.positive("close", close);
        return new Bar(date, open, Math.max(high, Math.max(open, close)), Math.min(low, Math.min(open, close)), close, volume);
    }
}
