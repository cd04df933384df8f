package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers every detector shares: grading quality, weighing volume, bounding targets. */
final class Candidate {

    /** The largest measured move a target may imply: 30 % from the breakout level, either way. */
    static final double MAX_TARGET_MOVE = 0.30;

    private static final String NAMES = "ABCDEFGHIJKL";

    private Candidate() {
    }

    /** Points named A, B, C… in the order given. */
    static Map<String, PatternPoint> names(Iterable<PatternPoint> points) {
        Map<String, PatternPoint> named = new LinkedHashMap<>();
        int i = 0;
        for (PatternPoint p : points) {
            if (i < NAMES.length()) {
                named.put(String.valueOf(NAMES.charAt(i++)), p);
            }
        }
        return named;
    }

    /** 1 at {@code best}, 0 at {@code worst}, linear between, clamped. */
    static double score(double value, double best, double worst) {
        double s = (value - worst) / (best - worst);
        return Math.max(0, Math.min(1, s));
    }

    /** Mean of the scores that are known (NaN = no evidence either way, left out). */
    static double mean(double... scores) {
        double sum = 0;
        int known = 0;
        for (double s : scores) {
            if (!Double.isNaN(s)) {
                sum += s;
                known++;
            }
        }
        return known == 0 ? 0.5 : sum / known;
    }

    /**
     * Volume evidence that interest faded from [aFrom, aTo] to [bFrom, bTo]: 1 when the later mean is at
     * most {@code ratio} of the earlier one, 0 when it grew by 15 %; NaN (unknown, not weighed) unless
     * every bar of both windows carries volume — zero or missing volume is not a dry-up.
     */
    static double volumeDryUp(Prices p, int aFrom, int aTo, int bFrom, int bTo, double ratio) {
        if (!p.volumeKnown(aFrom, aTo) || !p.volumeKnown(bFrom, bTo)) {
            return Double.NaN;
        }
        return score(p.meanVolume(bFrom, bTo) / p.meanVolume(aFrom, aTo), ratio, 1.15);
    }

    /** Whether a measured move of {@code height} (log) in direction {@code sign} stays within {@link #MAX_TARGET_MOVE}. */
    static boolean targetWithinBounds(double height) {
        return height > 0 && Math.exp(height) - 1 <= MAX_TARGET_MOVE && 1 - Math.exp(-height) <= MAX_TARGET_MOVE;
    }

    static double percent(double logMove) {
        return (Math.exp(logMove) - 1) * 100;
    }
}
