package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A price history as arrays, in log space: every threshold is compared with differences of
 * logarithms (percent moves) or with {@link #unit} — a typical day's move — so a series priced in
 * VND and one priced in USD, or one series times 1000, are judged alike.
 */
final class Prices {

    final int n;
    final LocalDate[] date;
    final double[] high;
    final double[] low;
    final double[] close;
    final long[] volume;
    final double[] logHigh;
    final double[] logLow;
    final double[] logClose;
    /**
     * A typical day's move in log units: the larger of the median daily range ln(high/low) and 1.5 ×
     * the median absolute close-to-close move (a close-only source has no range), at least 0.3 %.
     */
    final double unit;
    /** prefix sums of volume and of "volume known" (volume > 0) flags, for O(1) window means */
    private final double[] volumeSum;
    private final int[] knownSum;
    /**
     * Prefix sums of each bar's activity: its true range in log units, ln(max(high, previous close) /
     * min(low, previous close)) — a close-only source's bar is then its close-to-close move.
     */
    private final double[] activitySum;
    /** The median true range of the series: what a day's activity is measured against. */
    final double medianActivity;

    Prices(PriceHistory history) {
        this(arrays(history.bars()), 0, history.size());
    }

    /** Bars [from, to) of {@code all} as a series of their own (the typical move measured on them alone). */
    private Prices(Prices all, int from, int to) {
        n = to - from;
        date = Arrays.copyOfRange(all.date, from, to);
        high = Arrays.copyOfRange(all.high, from, to);
        low = Arrays.copyOfRange(all.low, from, to);
        close = Arrays.copyOfRange(all.close, from, to);
        volume = Arrays.copyOfRange(all.volume, from, to);
        logHigh = Arrays.copyOfRange(all.logHigh, from, to);
        logLow = Arrays.copyOfRange(all.logLow, from, to);
        logClose = Arrays.copyOfRange(all.logClose, from, to);
        volumeSum = new double[n + 1];
        knownSum = new int[n + 1];
        activitySum = new double[n + 1];
        double[] ranges = new double[n];
        double[] moves = new double[Math.max(0, n - 1)];
        double[] activity = new double[n];
        for (int i = 0; i < n; i++) {
            ranges[i] = logHigh[i] - logLow[i];
            activity[i] = i == 0 ? ranges[i]
                    : Math.max(logHigh[i], logClose[i - 1]) - Math.min(logLow[i], logClose[i - 1]);
            if (i > 0) {
                moves[i - 1] = Math.abs(logClose[i] - logClose[i - 1]);
            }
            volumeSum[i + 1] = volumeSum[i] + volume[i];
            knownSum[i + 1] = knownSum[i] + (volume[i] > 0 ? 1 : 0);
            activitySum[i + 1] = activitySum[i] + activity[i];
        }
        medianActivity = Math.max(1e-6, median(activity.clone()));
        unit = Math.max(0.003, Math.max(median(ranges), 1.5 * median(moves)));
    }

    /** Bars [from, to) as a series of their own, as if the data began at {@code from} and ended before {@code to}. */
    Prices slice(int from, int to) {
        return new Prices(this, from, to);
    }

    private static Prices arrays(List<Bar> bars) {
        return new Prices(bars);
    }

    /** The raw arrays of the bars (unit and sums are computed by the slicing constructor). */
    private Prices(List<Bar> bars) {
        n = bars.size();
        date = new LocalDate[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new long[n];
        logHigh = new double[n];
        logLow = new double[n];
        logClose = new double[n];
        volumeSum = null;
        knownSum = null;
        activitySum = null;
        medianActivity = 0;
        unit = 0;
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
        }
    }

    private static double median(double[] values) {
        if (values.length == 0) {
            return 0;
        }
        Arrays.sort(values);
        return values[values.length / 2];
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

    /** The bar's high (for a swing high) or low as a point. */
    PatternPoint point(Pivot pivot) {
        return pivot.high() ? highPoint(pivot.index()) : lowPoint(pivot.index());
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

    /**
     * Whether every bar in [from, to] carries volume. Zero or missing volume is unknown, not "no
     * trading": volume evidence is only weighed where it is known throughout.
     */
    boolean volumeKnown(int from, int to) {
        return from <= to && knownSum[to + 1] - knownSum[from] == to - from + 1;
    }

    /** Mean volume over [from, to] (callers check {@link #volumeKnown} first). */
    double meanVolume(int from, int to) {
        return to < from ? 0 : (volumeSum[to + 1] - volumeSum[from]) / (to - from + 1);
    }

    /**
     * How active the market was over [from, to]: the mean true range there against the series' median
     * true range (1 = a typical stretch; quiet consolidations in real markets run well below 1, while a
     * structureless series seldom stays below 0.8 for long).
     */
    double activity(int from, int to) {
        from = Math.max(0, from);
        to = Math.min(n - 1, to);
        return to < from ? Double.NaN : (activitySum[to + 1] - activitySum[from]) / (to - from + 1) / medianActivity;
    }

    /** The activity of the quietest {@code length}-bar stretch within [from, to]; NaN when [from, to] is shorter. */
    double quietest(int from, int to, int length) {
        double best = Double.NaN;
        for (int s = Math.max(0, from); s + length - 1 <= Math.min(n - 1, to); s++) {
            double v = activitySum[s + length] - activitySum[s];
            best = Double.isNaN(best) ? v : Math.min(best, v);
        }
        return Double.isNaN(best) ? best : best / length / medianActivity;
    }

    /** The mean true range (log units) of the {@code bars} bars up to and including {@code i}: the market's recent pace. */
    double recentTrueRange(int i, int bars) {
        int from = Math.max(0, i - bars + 1);
        return (activitySum[i + 1] - activitySum[from]) / (i - from + 1);
    }

    /** Mean daily range ln(high/low) over [from, to]. */
    double meanRange(int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += logHigh[i] - logLow[i];
        }
        return to < from ? 0 : sum / (to - from + 1);
    }
}
