package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A price history as arrays, in log space: every threshold is compared with differences of
 * logarithms (percent moves) or with {@link #unit} — the median daily log range — so a series
 * priced in VND and one priced in USD, or one series times 1000, are judged alike.
 */
final class Prices {

    final PriceHistory history;
    final int n;
    final LocalDate[] date;
    final double[] high;
    final double[] low;
    final double[] close;
    final double[] volume;
    final double[] logHigh;
    final double[] logLow;
    final double[] logClose;
    /** Median of ln(high / low): a typical day's range, at least 0.5 %. */
    final double unit;

    Prices(PriceHistory history) {
        this.history = history;
        List<Bar> bars = history.bars();
        n = bars.size();
        date = new LocalDate[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        logHigh = new double[n];
        logLow = new double[n];
        logClose = new double[n];
        double[] ranges = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            date[i] = b.date();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
            logHigh[i] = Math.log(b.high());
            logLow[i] = Math.log(b.low());
            logClose[i] = Math.log(b.close());
            ranges[i] = logHigh[i] - logLow[i];
        }
        Arrays.sort(ranges);
        unit = Math.max(0.005, n == 0 ? 0 : ranges[n / 2]);
    }

    PatternPoint highPoint(int i) {
        return new PatternPoint(date[i], high[i]);
    }

    PatternPoint lowPoint(int i) {
        return new PatternPoint(date[i], low[i]);
    }

    PatternPoint closePoint(int i) {
        return new PatternPoint(date[i], close[i]);
    }

    /** Index of the highest high in [from, to]. */
    int highest(int from, int to) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (high[i] > high[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Index of the lowest low in [from, to]. */
    int lowest(int from, int to) {
        int best = from;
        for (int i = from + 1; i <= to; i++) {
            if (low[i] < low[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Mean volume over [from, to]; 0 when there is no volume data. */
    double meanVolume(int from, int to) {
        if (to < from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += volume[i];
        }
        return sum / (to - from + 1);
    }

    /** Whether the series carries volume at all (some sources give none). */
    boolean hasVolume() {
        for (double v : volume) {
            if (v > 0) {
                return true;
            }
        }
        return false;
    }
}
