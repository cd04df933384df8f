package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Triangles and wedges, fitted on the consolidation itself: 5–7 consecutive confirmed alternating
 * swings whose highs and lows lie on two least-squares lines (log price) that converge, with
 * <ul>
 *   <li>each line touched at least twice, every swing within 15 % of the pattern's width of its line;</li>
 *   <li>the first leg no larger than 1.5 × the largest later leg (a trend leading into the pattern is
 *       not part of it);</li>
 *   <li>15–120 bars long, its opening width between max(4 %, 3 typical days) and the 30 % target bound;</li>
 *   <li>no close outside the lines while it forms.</li>
 * </ul>
 * The lines' drift over the pattern, against its opening width, names the shape — ascending (flat
 * top, rising bottom), descending, symmetrical (both converge), rising wedge (both rise, the lower
 * faster), falling wedge; a shape between these is not labelled at all. Overlapping candidates from
 * the same swings keep one label: the newest, then the best fitting. Target: a triangle's breakout ±
 * its opening width (a symmetrical triangle's only once it has broken out, on the side it broke); a
 * wedge returns to where it began. It expires at its apex (at most one pattern length after its last
 * swing). Points: the swings in date order.
 */
final class TriangleWedgeDetector {

    private static final double FLAT = 0.15;
    private static final double SLOPED = 0.3;

    private TriangleWedgeDetector() {
    }

    /** Valid, non-overlapping formations over all the given swing sets, newest first. */
    static List<Formation> find(Prices p, List<List<Pivot>> swingSets) {
        List<Formation> candidates = new ArrayList<>();
        for (List<Pivot> pivots : swingSets) {
            for (int end = pivots.size() - 1; end >= 4; end--) {
                for (int size = 7; size >= 5; size--) {
                    int start = end - size + 1;
                    if (start >= 0) {
                        Formation f = classify(p, pivots.subList(start, end + 1));
                        if (f != null) {
                            candidates.add(f);
                        }
                    }
                }
            }
        }
        candidates.sort((a, b) -> a.last() != b.last() ? Integer.compare(b.last(), a.last()) : Double.compare(b.quality(), a.quality()));
        List<Formation> kept = new ArrayList<>();
        for (Formation f : candidates) {
            boolean overlaps = false;
            for (Formation k : kept) {
                overlaps |= f.first() <= k.last() && k.first() <= f.last();
            }
            if (!overlaps) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static Formation classify(Prices p, List<Pivot> window) {
        List<Pivot> highs = new ArrayList<>();
        List<Pivot> lows = new ArrayList<>();
        double firstLeg = 0;
        double largestLater = 0;
        for (int i = 0; i < window.size(); i++) {
            Pivot pivot = window.get(i);
            if (!pivot.confirmed()) {
                return null; // every touch of the lines must be a finished swing
            }
            (pivot.high() ? highs : lows).add(pivot);
            if (i > 0) {
                double leg = Math.abs(pivot.log() - window.get(i - 1).log());
                if (i == 1) {
                    firstLeg = leg;
                } else {
                    largestLater = Math.max(largestLater, leg);
                }
            }
        }
        int first = window.getFirst().index();
        int last = window.getLast().index();
        int span = last - first;
        if (highs.size() < 2 || lows.size() < 2 || span < 15 || span > 120 || firstLeg > 1.5 * largestLater) {
            return null;
        }
        Line upper = Line.fit(highs);
        Line lower = Line.fit(lows);
        double openWidth = upper.at(first) - lower.at(first);
        double closeWidth = upper.at(last) - lower.at(last);
        if (openWidth < Math.max(0.04, 3 * p.unit) || !Candidate.targetWithinBounds(openWidth) || closeWidth <= 0
                || closeWidth > 0.7 * openWidth) {
            return null;
        }
        double residual = Math.max(upper.maxResidual(highs), lower.maxResidual(lows));
        if (residual > 0.15 * openWidth) {
            return null;
        }
        for (int i = first; i <= last; i++) {
            double slack = 0.05 * (upper.at(i) - lower.at(i));
            if (p.logClose[i] > upper.at(i) + slack || p.logClose[i] < lower.at(i) - slack) {
                return null;
            }
        }
        double upDrift = upper.slope() * span / openWidth;
        double lowDrift = lower.slope() * span / openWidth;
        PatternType type;
        if (Math.abs(upDrift) <= FLAT && lowDrift >= SLOPED) {
            type = PatternType.ASCENDING_TRIANGLE;
        } else if (upDrift <= -SLOPED && Math.abs(lowDrift) <= FLAT) {
            type = PatternType.DESCENDING_TRIANGLE;
        } else if (upDrift <= -FLAT && lowDrift >= FLAT && Math.max(-upDrift, lowDrift) <= 3 * Math.min(-upDrift, lowDrift)) {
            type = PatternType.SYMMETRICAL_TRIANGLE;
        } else if (upDrift >= SLOPED && lowDrift >= upDrift + SLOPED) {
            type = PatternType.RISING_WEDGE;
        } else if (lowDrift <= -SLOPED && upDrift <= lowDrift - SLOPED) {
            type = PatternType.FALLING_WEDGE;
        } else {
            return null;
        }
        double fixedTarget = Double.NaN;
        if (type == PatternType.RISING_WEDGE) {
            fixedTarget = lower.at(first);
            if (!Candidate.targetWithinBounds(lower.at(last) - fixedTarget)) {
                return null;
            }
        } else if (type == PatternType.FALLING_WEDGE) {
            fixedTarget = upper.at(first);
            if (!Candidate.targetWithinBounds(fixedTarget - upper.at(last))) {
                return null;
            }
        }
        // the apex: where the lines meet; the breakout must come before it
        double apex = (lower.intercept() - upper.intercept()) / (upper.slope() - lower.slope());
        int maxWait = (int) Math.max(3, Math.min(span, Math.floor(apex) - last));
        int third = Math.max(1, span / 3);
        double contraction = p.meanRange(last - third, last) / Math.max(1e-9, p.meanRange(first, first + third));
        double volume = Candidate.volumeDryUp(p, first, first + third, last - third, last, 0.75);
        double quality = Candidate.mean(
                Candidate.score(residual / openWidth, 0.03, 0.15),
                Candidate.score(window.size(), 7, 5),
                Candidate.score(closeWidth / openWidth, 0.3, 0.7),
                Candidate.score(contraction, 0.6, 1.1),
                volume);
        List<PatternPoint> points = new ArrayList<>();
        for (Pivot pivot : window) {
            points.add(p.point(pivot));
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("height_pct", Candidate.percent(openWidth));
        measurements.put("convergence", closeWidth / openWidth);
        measurements.put("upper_start", Math.exp(upper.at(first)));
        measurements.put("upper_end", Math.exp(upper.at(last)));
        measurements.put("lower_start", Math.exp(lower.at(first)));
        measurements.put("lower_end", Math.exp(lower.at(last)));
        return new Formation(type, quality, points, first, last, upper, lower, openWidth, fixedTarget, maxWait, measurements);
    }
}
