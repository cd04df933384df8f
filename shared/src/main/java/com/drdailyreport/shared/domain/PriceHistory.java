package com.drdailyreport.shared.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * Daily bars of one symbol in ascending date order, one bar per date.
 *
 * @param symbol the DR symbol the bars are stored under
 */
public record PriceHistory(String symbol, List<Bar> bars) {

    public PriceHistory {
        symbol = Checks.symbol("symbol", symbol);
        Checks.present("bars", bars);
        bars = List.copyOf(bars);
        for (int i = 1; i < bars.size(); i++) {
            if (!bars.get(i).date().isAfter(bars.get(i - 1).date())) {
                throw new InvalidValueException("bars", "must be in ascending date order with one bar per date; "
                        + bars.get(i).date() + " follows " + bars.get(i - 1).date());
            }
        }
    }

    public int size() {
        return bars.size();
    }

    public boolean isEmpty() {
        return bars.isEmpty();
    }

    public Bar first() {
        return bars.getFirst();
    }

    public Bar last() {
        return bars.getLast();
    }

    public LocalDate startDate() {
        return bars.isEmpty() ? null : first().date();
    }

    public LocalDate endDate() {
        return bars.isEmpty() ? null : last().date();
    }

    /** The last {@code count} bars (all of them when there are fewer). */
    public PriceHistory tail(int count) {
        return count >= bars.size() ? this : new PriceHistory(symbol, bars.subList(bars.size() - count, bars.size()));
    }

    /** The bars dated on or before {@code date}. */
    public PriceHistory upTo(LocalDate date) {
        int end = bars.size();
        while (end > 0 && bars.get(end - 1).date().isAfter(date)) {
            end--;
        }
        return end == bars.size() ? this : new PriceHistory(symbol, bars.subList(0, end));
    }
}
