package com.drdailyreport.shared.patterns;

import java.util.ArrayList;
import java.util.List;

/**
 * Alternating swing highs and lows (a ZigZag on bar highs and lows in log price): a swing high is
 * confirmed once a later low lies {@code threshold} (log units, i.e. a relative move) below it, a
 * swing low once a later high lies that far above it. The current leg's running extreme is
 * appended unconfirmed, so formations completing now are seen. A swing on the first bars of the
 * data has no visible left side and is never confirmed. O(n), deterministic, scale-invariant.
 */
final class Swings {

    /** Bars of history a swing needs on its left before it counts as confirmed. */
    static final int LEFT_CONTEXT = 5;

    private Swings() {
    }

    static List<Pivot> of(Prices p, double threshold) {
        return of(p, i -> threshold);
    }

    /**
     * Swings whose reversal threshold follows the market's recent pace: {@code multiple} × the mean true
     * range of the 20 bars up to the running extreme, at least {@code floor}. A quiet consolidation's
     * swings are then seen at its own scale, and a hectic stretch's noise is not taken for swings.
     */
    static List<Pivot> adaptive(Prices p, double multiple, double floor) {
        return of(p, i -> Math.max(floor, multiple * p.recentTrueRange(i, 20)));
    }

    /** The reversal threshold (log units) for a leg whose running extreme is at bar {@code i}. */
    private interface Threshold {
        double at(int i);
    }

    private static List<Pivot> of(Prices p, Threshold thresholdAt) {
        List<Pivot> out = new ArrayList<>();
        if (p.n < 3) {
            return out;
        }
        // undecided start: the highest high and lowest low so far, until one side reverses by the threshold
        int hi = 0;
        int lo = 0;
        int i = 1;
        int trend = 0; // +1 rising (tracking a high), -1 falling (tracking a low)
        int extreme = 0;
        for (; i < p.n && trend == 0; i++) {
            if (p.logHigh[i] > p.logHigh[hi]) {
                hi = i;
            }
            if (p.logLow[i] < p.logLow[lo]) {
                lo = i;
            }
            double threshold = thresholdAt.at(i);
            if (hi > lo && p.logHigh[hi] - p.logLow[lo] >= threshold) {
                out.add(new Pivot(lo, false, p.logLow[lo], false));
                trend = 1;
                extreme = hi;
            } else if (lo > hi && p.logHigh[hi] - p.logLow[lo] >= threshold) {
                out.add(new Pivot(hi, true, p.logHigh[hi], false));
                trend = -1;
                extreme = lo;
            }
        }
        for (; i < p.n; i++) {
            if (trend > 0) {
                if (p.logHigh[i] > p.logHigh[extreme]) {
                    extreme = i;
                } else if (p.logHigh[extreme] - p.logLow[i] >= thresholdAt.at(extreme)) {
                    out.add(new Pivot(extreme, true, p.logHigh[extreme], extreme >= LEFT_CONTEXT));
                    trend = -1;
                    extreme = i;
                }
            } else {
                if (p.logLow[i] < p.logLow[extreme]) {
                    extreme = i;
                } else if (p.logHigh[i] - p.logLow[extreme] >= thresholdAt.at(extreme)) {
                    out.add(new Pivot(extreme, false, p.logLow[extreme], extreme >= LEFT_CONTEXT));
                    trend = 1;
                    extreme = i;
                }
            }
        }
        if (trend != 0) {
            out.add(new Pivot(extreme, trend > 0, trend > 0 ? p.logHigh[extreme] : p.logLow[extreme], false));
        }
        return out;
    }
}
