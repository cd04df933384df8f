package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds test price series from legs: each leg moves the close by a percentage over a number of
 * weekday bars along a straight line in log price, with seeded noise on top and its own volume
 * level. Deterministic for a seed.
 */
final class Synthetic {

    private record Leg(int bars, double percent, double volume, double activity) {
    }

    private final double start;
    private final List<Leg> legs = new ArrayList<>();
    private double noise = 0.002;
    private double range = 0.006;
    private long seed = 7;
    private double activity = 1.0;

    private Synthetic(double start) {
        this.start = start;
    }

    static Synthetic from(double price) {
        return new Synthetic(price);
    }

    /** Moves {@code percent} over {@code bars} bars at normal volume. */
    Synthetic leg(int bars, double percent) {
        return leg(bars, percent, 1.0);
    }

    /** Moves {@code percent} over {@code bars} bars with volume at {@code volume} × normal. */
    Synthetic leg(int bars, double percent, double volume) {
        legs.add(new Leg(bars, percent, volume, activity));
        return this;
    }

    /**
     * The legs added from now on trade this many times as actively (noise and bar ranges scaled):
     * real charts alternate hectic stretches and quiet ones, and patterns form in the quiet ones.
     */
    Synthetic activity(double multiple) {
        this.activity = multiple;
        return this;
    }

    Synthetic flat(int bars) {
        return leg(bars, 0);
    }

    /** Daily noise on the close (standard deviation, as a fraction). */
    Synthetic noise(double value) {
        this.noise = value;
        return this;
    }

    /** Typical high–low range of a bar, as a fraction. */
    Synthetic range(double value) {
        this.range = value;
        return this;
    }

    Synthetic seed(long value) {
        this.seed = value;
        return this;
    }

    int length() {
        return legs.stream().mapToInt(Leg::bars).sum();
    }

    PriceHistory build() {
        return build(1.0);
    }

    /** The series with every price multiplied by {@code scale}. */
    PriceHistory build(double scale) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        LocalDate date = LocalDate.of(2025, 1, 2);
        double path = Math.log(start);
        double previousClose = start;
        for (Leg leg : legs) {
            double step = Math.log(1 + leg.percent() / 100) / leg.bars();
            for (int i = 0; i < leg.bars(); i++) {
                while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    date = date.plusDays(1);
                }
                path += step;
                double a = leg.activity();
                double close = Math.exp(path + a * noise * random.nextGaussian());
                double open = previousClose * (1 + a * noise * 0.3 * random.nextGaussian());
                double high = Math.max(open, close) * (1 + a * range * (0.3 + 0.4 * random.nextDouble()));
                double low = Math.min(open, close) * (1 - a * range * (0.3 + 0.4 * random.nextDouble()));
                long volume = Math.round(1_000_000 * leg.volume() * (1 + 0.15 * random.nextGaussian()));
                bars.add(new Bar(date, open * scale, high * scale, low * scale, close * scale, Math.max(volume, 1)));
                previousClose = close;
                date = date.plusDays(1);
            }
        }
        return new PriceHistory("TEST19", bars);
    }
}
