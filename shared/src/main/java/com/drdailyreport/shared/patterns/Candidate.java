package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Helpers every detector shares: naming points, grading quality, building the result. */
final class Candidate {

    private static final String NAMES = "ABCDEFGHIJ";

    private Candidate() {
    }

    /** Points named A, B, C… in the order given. */
    static Map<String, PatternPoint> points(PatternPoint... points) {
        Map<String, PatternPoint> named = new LinkedHashMap<>();
        for (int i = 0; i < points.length && i < NAMES.length(); i++) {
            named.put(String.valueOf(NAMES.charAt(i)), points[i]);
        }
        return named;
    }

    /** A result spanning its earliest to its latest point. */
    static ChartPattern pattern(PatternType type, double quality, Map<String, PatternPoint> points, Map<String, Double> measurements) {
        LocalDate start = null;
        LocalDate end = null;
        for (PatternPoint p : points.values()) {
            start = start == null || p.date().isBefore(start) ? p.date() : start;
            end = end == null || p.date().isAfter(end) ? p.date() : end;
        }
        return new ChartPattern(type, grade(quality), start, end, points, measurements);
    }

    /** Quality in [0, 1] → confidence: high from 0.72, medium from 0.45, else low. */
    static Confidence grade(double quality) {
        return quality >= 0.72 ? Confidence.HIGH : quality >= 0.45 ? Confidence.MEDIUM : Confidence.LOW;
    }

    /** 1 at {@code best}, 0 at {@code worst}, linear between, clamped. */
    static double score(double value, double best, double worst) {
        double s = (value - worst) / (best - worst);
        return Math.max(0, Math.min(1, s));
    }

    static double mean(double... scores) {
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        return sum / scores.length;
    }

    /**
     * Volume evidence: 1 when {@code later} is at most {@code ratio} of {@code earlier} (volume
     * dried up as the pattern wants), 0 when it grew; 0.5 when the series has no volume.
     */
    static double volumeDryUp(Prices p, double earlier, double later, double ratio) {
        if (!p.hasVolume() || earlier <= 0) {
            return 0.5;
        }
        return score(later / earlier, ratio, 1.15);
    }

    /** Price from a log value, for measurements. */
    static double price(double log) {
        return Math.exp(log);
    }

    static double percent(double logMove) {
        return (Math.exp(logMove) - 1) * 100;
    }
}
