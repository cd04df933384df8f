package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.analysis.PriceCleaning;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Detects the chart patterns of ARCHITECTURE §5 in a price history — flags, triangles, wedges,
 * double tops and bottoms, head and shoulders (plain and inverse), cup and handle, VCP — and follows
 * each through the bars after it to its lifecycle state as of the last bar (see {@link Lifecycle}).
 *
 * <p>Everything is measured in log price and against the series' own typical daily move, so
 * thresholds are relative: a series multiplied by 1000 has the same patterns. Swings come from a
 * ZigZag on highs and lows at three thresholds (2, 3.5 and 5 typical days, at least 2.5 %, 4 % and
 * 6 %), so a volatile series' 10 % swings are seen as well as a quiet one's 4 % swings; flag poles
 * come from the bars themselves. Bad ticks (a one-bar spike that reverts) are taken out first
 * ({@link PriceCleaning}), so a misprint neither makes nor breaks a pattern. Per type, the newest formation that is still live (forming or
 * confirmed) or ended within the last {@value #RECENT_END} bars is reported. Bullish and bearish
 * patterns never stand side by side: the one the evidence favours (confirmed over forming, then
 * quality, then recency) is kept, and opposite patterns that are live or overlap it in time are
 * dropped. Deterministic and thread-safe; uses no bar after the last one given.
 */
public final class PatternDetector {

    /** The {@code implementation} recorded in chart_pattern_data. */
    public static final String IMPLEMENTATION = "custom";
    /** The {@code impl_version}; bump when the rules change. */
    public static final String VERSION = "3.0.0";
    /** Fewest bars worth looking at. */
    static final int MIN_BARS = 30;
    /** A pattern that failed, reached its target or expired is still shown for this many bars after it did. */
    static final int RECENT_END = 5;
    /** A pattern (other than a flag) must hold a pause this long… */
    static final int QUIET_BARS = 30;
    /** …whose activity (mean true range) is at most this share of the year's median. */
    static final double QUIET = 0.8;

    /** A formation with its lifecycle as of a bar. */
    record Found(Formation formation, Lifecycle.Outcome outcome) {
        boolean live() {
            return outcome.state().live();
        }
    }

    public List<ChartPattern> detect(PriceHistory history) {
        if (history.size() < MIN_BARS) {
            return List.of();
        }
        Prices prices = new Prices(PriceCleaning.clean(history).history());
        return found(prices).stream().map(f -> toPattern(prices, f)).toList();
    }

    /** The reported formations of a series, newest end first. */
    static List<Found> found(Prices p) {
        if (p.n < MIN_BARS) {
            return List.of();
        }
        List<List<Pivot>> swingSets = swingSets(p);
        int asOf = p.n - 1;

        Map<PatternType, Found> chosen = new EnumMap<>(PatternType.class);
        choose(chosen, p, asOf, FlagDetector.find(p, true));
        choose(chosen, p, asOf, FlagDetector.find(p, false));
        choose(chosen, p, asOf, TriangleWedgeDetector.find(p, swingSets));
        for (List<Pivot> swings : swingSets) {
            choose(chosen, p, asOf, DoubleDetector.find(p, swings, true));
            choose(chosen, p, asOf, DoubleDetector.find(p, swings, false));
            choose(chosen, p, asOf, HeadShouldersDetector.find(p, swings, true));
            choose(chosen, p, asOf, HeadShouldersDetector.find(p, swings, false));
            choose(chosen, p, asOf, CupHandleDetector.find(p, swings));
            choose(chosen, p, asOf, VcpDetector.find(p, swings));
        }

        List<Found> result = withoutContradictions(oneLabelPerFormation(new ArrayList<>(chosen.values())));
        result.sort(Comparator.comparing((Found f) -> endIndex(f)).reversed().thenComparing(f -> f.formation().type().ordinal()));
        return result;
    }

    /**
     * Swings at three fixed thresholds (2, 3.5 and 5 typical days, at least 2.5 %, 4 % and 6 %) and at
     * three that follow the market's recent pace (2.5, 4 and 6 × the mean true range of the last 20 bars).
     */
    static List<List<Pivot>> swingSets(Prices p) {
        return List.of(
                Swings.of(p, Math.max(0.025, 2 * p.unit)),
                Swings.of(p, Math.max(0.04, 3.5 * p.unit)),
                Swings.of(p, Math.max(0.06, 5 * p.unit)),
                Swings.adaptive(p, 2.5, 0.015),
                Swings.adaptive(p, 4, 0.025),
                Swings.adaptive(p, 6, 0.04));
    }

    /** Keeps, per type, the newest formation that is live or ended recently (then the better fit). */
    private static void choose(Map<PatternType, Found> chosen, Prices p, int asOf, List<Formation> formations) {
        for (Formation f : formations) {
            if (!paused(p, f)) {
                continue;
            }
            Found current = chosen.get(f.type());
            if (current != null && (current.formation().last() > f.last()
                    || current.formation().last() == f.last() && current.formation().quality() >= f.quality())) {
                continue;
            }
            Lifecycle.Outcome outcome = Lifecycle.follow(p, f, asOf);
            if (outcome.state().live() || outcome.stateIndex() >= asOf - RECENT_END) {
                chosen.put(f.type(), new Found(f, outcome));
            }
        }
    }

    /**
     * Two types read from the same stretch of swings (a VCP and an ascending triangle, a cup and a VCP
     * over the same base) are one formation with two names: the more specific name stays (a cup's rules
     * include a VCP's rounded base, a VCP's its contracting, rising-low triangle), then the better fit.
     */
    private static List<Found> oneLabelPerFormation(List<Found> found) {
        List<Found> kept = new ArrayList<>();
        found.stream().sorted(Comparator.comparingInt((Found f) -> specificity(f.formation().type())).reversed()
                .thenComparing(Comparator.comparingDouble((Found f) -> f.formation().quality()).reversed())).forEach(f -> {
            boolean same = kept.stream().anyMatch(k -> Math.abs(k.formation().first() - f.formation().first()) <= 2
                    && Math.abs(k.formation().last() - f.formation().last()) <= 5);
            if (!same) {
                kept.add(f);
            }
        });
        return kept;
    }

    private static int specificity(PatternType type) {
        return switch (type) {
            case CUP_HANDLE -> 2;
            case VCP -> 1;
            default -> 0;
        };
    }

    /**
     * A chart pattern is a pause in which supply and demand balance before the market decides: somewhere
     * in it, trading goes quiet (Edwards and Magee's "volume dries up", measured by the true range so that
     * it holds where volume is unknown). A formation other than a flag must hold a stretch of
     * {@value #QUIET_BARS} bars whose activity is at most {@value #QUIET} of the year's median. Shapes
     * traced by a structureless series (its days shuffled) seldom pass: its quiet days are scattered, not
     * gathered. A flag is itself too short for that; its pole carries the test (see FlagDetector).
     */
    static boolean paused(Prices p, Formation f) {
        if (f.type().family().equals("flag")) {
            return true;
        }
        double quietest = p.quietest(f.first(), f.last(), QUIET_BARS);
        return !Double.isNaN(quietest) && quietest <= QUIET;
    }

    /**
     * Bullish and bearish never both: the strongest directional pattern (confirmed before forming
     * before ended, then quality, then the latest state change) stays; every pattern pointing the
     * other way that is live, or overlaps it in time, goes.
     */
    static List<Found> withoutContradictions(List<Found> found) {
        Found lead = null;
        for (Found f : found) {
            if (f.outcome().sign() != 0 && (lead == null || stronger(f, lead))) {
                lead = f;
            }
        }
        if (lead == null) {
            return found;
        }
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            boolean opposite = f.outcome().sign() == -lead.outcome().sign();
            boolean overlaps = f.formation().first() <= endIndex(lead) && lead.formation().first() <= endIndex(f);
            if (!opposite || !f.live() && !overlaps) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean stronger(Found a, Found b) {
        int rank = Integer.compare(rank(a), rank(b));
        if (rank != 0) {
            return rank > 0;
        }
        if (a.formation().quality() != b.formation().quality()) {
            return a.formation().quality() > b.formation().quality();
        }
        return a.outcome().stateIndex() > b.outcome().stateIndex();
    }

    private static int rank(Found f) {
        return switch (f.outcome().state()) {
            case CONFIRMED -> 3;
            case FORMING -> 2;
            case TARGET_REACHED -> 1;
            case FAILED, EXPIRED -> 0;
        };
    }

    /** The bar of the pattern's last point: its breakout when it broke out, else the end of its formation. */
    private static int endIndex(Found f) {
        return f.outcome().breakoutIndex() >= 0 ? f.outcome().breakoutIndex() : f.formation().last();
    }

    static ChartPattern toPattern(Prices p, Found found) {
        Formation f = found.formation();
        Lifecycle.Outcome o = found.outcome();
        List<PatternPoint> points = new ArrayList<>(f.points());
        if (o.breakoutIndex() >= 0) {
            points.add(p.closePoint(o.breakoutIndex()));
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("breakout_level", price(o.breakoutLevel()));
        measurements.put("target", price(o.target()));
        measurements.put("invalidation_level", price(o.stop()));
        measurements.put("height_pct", Candidate.percent(f.height()));
        measurements.putAll(f.measurements());
        measurements.put("quality", Math.round(f.quality() * 1000) / 1000.0);
        measurements.put("confirmed", o.breakoutIndex() >= 0 ? 1.0 : 0.0);
        PatternType.Direction direction = o.sign() > 0 ? PatternType.Direction.BULLISH
                : o.sign() < 0 ? PatternType.Direction.BEARISH : PatternType.Direction.NEUTRAL;
        int end = endIndex(found);
        return new ChartPattern(f.type(), grade(f.quality()), p.date[f.first()], p.date[end], Candidate.names(points), measurements,
                o.state(), p.date[o.stateIndex()], direction);
    }

    /**
     * Quality in [0, 1] → confidence, calibrated on the evaluation set's walk-forward track record
     * (README, "Chart patterns"): a label must be earned by its bucket's hit rate against its base rate.
     * Measured (real series, 40-bar horizon): quality below {@value #MEDIUM_FROM} reached its target
     * at 0.77 × its base rate (179 cases), from {@value #MEDIUM_FROM} at 1.05 × (180 cases) — at par,
     * not better. No quality bucket beat its base rate significantly, so no pattern is labelled
     * {@code high}: high is reserved for a bucket that does (z ≥ 2.33 over at least 30 cases).
     */
    static Confidence grade(double quality) {
        return quality >= MEDIUM_FROM ? Confidence.MEDIUM : Confidence.LOW;
    }

    /** Quality from which a pattern is labelled medium (see {@link #grade}). */
    static final double MEDIUM_FROM = 0.55;

    private static Double price(double log) {
        return Double.isNaN(log) ? null : Math.exp(log);
    }
}
