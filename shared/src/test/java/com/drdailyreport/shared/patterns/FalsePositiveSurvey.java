package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.testing.TestBars;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How often the detector fires on series without planted patterns: 200 seeded geometric random
 * walks of 250 bars (1.5 % daily volatility, no drift), plus clean trends and flat noise. Used by
 * {@link PatternDetectorTest} and runnable on its own to print the rates.
 */
public final class FalsePositiveSurvey {

    static final int WALKS = 200;
    static final int BARS = 250;

    /** Patterns per series, by type, over the random walks. */
    static Map<PatternType, Double> randomWalkRates() {
        PatternDetector detector = new PatternDetector();
        Map<PatternType, Double> rates = new EnumMap<>(PatternType.class);
        for (PatternType t : PatternType.values()) {
            rates.put(t, 0.0);
        }
        for (int seed = 1; seed <= WALKS; seed++) {
            PriceHistory walk = TestBars.randomWalk("WALK19", seed, BARS, 100, 0, 0.015);
            for (ChartPattern p : detector.detect(walk)) {
                rates.merge(p.type(), 1.0 / WALKS, Double::sum);
            }
        }
        return rates;
    }

    static List<ChartPattern> cleanTrend(double dailyDrift, long seed) {
        return new PatternDetector().detect(TestBars.randomWalk("TREND19", seed, BARS, 100, dailyDrift, 0.004));
    }

    static List<ChartPattern> flatNoise(long seed) {
        return new PatternDetector().detect(TestBars.randomWalk("FLAT19", seed, BARS, 100, 0, 0.003));
    }

    public static void main(String[] args) {
        Map<PatternType, Double> rates = randomWalkRates();
        double total = rates.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf("random walks (%d × %d bars, 1.5%%/day): %.2f patterns per series%n", WALKS, BARS, total);
        rates.forEach((t, r) -> System.out.printf("  %-24s %.3f%n", t.wireName(), r));
        for (long seed = 1; seed <= 5; seed++) {
            System.out.println("uptrend " + seed + ": " + cleanTrend(0.003, seed).stream().map(p -> p.type().wireName()).toList());
            System.out.println("downtrend " + seed + ": " + cleanTrend(-0.003, seed).stream().map(p -> p.type().wireName()).toList());
            System.out.println("flat noise " + seed + ": " + flatNoise(seed).stream().map(p -> p.type().wireName()).toList());
        }
    }
}
