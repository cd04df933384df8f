package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Triangles and wedges: 5–6 consecutive alternating swings whose highs and lows lie on two
 * least-squares lines (in log price) that converge. The lines' drift over the pattern, measured
 * against its opening width, names the shape:
 * <ul>
 *   <li>ascending triangle — flat highs, rising lows; descending — falling highs, flat lows;</li>
 *   <li>symmetrical triangle — falling highs, rising lows;</li>
 *   <li>rising wedge — both rising, lows faster; falling wedge — both falling, highs faster.</li>
 * </ul>
 * Bars between the swings must stay inside the lines (small tolerance). Points A–E(F) are the swings.
 */
final class TriangleWedgeDetector {

    private TriangleWedgeDetector() {
    }

    /** Line through points by least squares: value = intercept + slope × index. */
    record Line(double slope, double intercept, double meanAbsResidual) {
        double at(int index) {
            return intercept + slope * index;
        }

        static Line fit(List<Pivot> points) {
            int m = points.size();
            double sx = 0;
            double sy = 0;
            for (Pivot p : points) {
                sx += p.index();
                sy += p.log();
            }
            double mx = sx / m;
            double my = sy / m;
            double sxx = 0;
            double sxy = 0;
            for (Pivot p : points) {
                sxx += (p.index() - mx) * (p.index() - mx);
                sxy += (p.index() - mx) * (p.log() - my);
            }
            double slope = sxx == 0 ? 0 : sxy / sxx;
            double intercept = my - slope * mx;
            double residual = 0;
            for (Pivot p : points) {
                residual += Math.abs(p.log() - (intercept + slope * p.index()));
            }
            return new Line(slope, intercept, residual / m);
        }
    }

    /** The newest match of each of the five types. */
    static Map<PatternType, ChartPattern> find(Prices p, List<Pivot> pivots) {
        Map<PatternType, ChartPattern> found = new LinkedHashMap<>();
        for (int end = pivots.size() - 1; end >= 4 && found.size() < 5; end--) {
            for (int size = 6; size >= 5; size--) {
                int start = end - size + 1;
                if (start < 0) {
                    continue;
                }
                classify(p, pivots.subList(start, end + 1)).ifPresent(pattern -> found.putIfAbsent(pattern.type(), pattern));
            }
        }
        return found;
    }

    private static Optional<ChartPattern> classify(Prices p, List<Pivot> window) {
        List<Pivot> highs = new ArrayList<>();
        List<Pivot> lows = new ArrayList<>();
        for (Pivot pivot : window) {
            if (!pivot.confirmed()) {
                return Optional.empty(); // every touch of the lines must be a finished swing
            }
            (pivot.high() ? highs : lows).add(pivot);
        }
        int first = window.getFirst().index();
        int last = window.getLast().index();
        int span = last - first;
        if (highs.size() < 2 || lows.size() < 2 || span < 15 || span > 150 || first < 2) {
            return Optional.empty();
        }
        Line upper = Line.fit(highs);
        Line lower = Line.fit(lows);
        double openWidth = upper.at(first) - lower.at(first);
        double closeWidth = upper.at(last) - lower.at(last);
        if (openWidth <= Math.max(0.03, 2 * p.unit) || closeWidth <= 0 || closeWidth > 0.65 * openWidth) {
            return Optional.empty();
        }
        double upDrift = upper.slope() * span / openWidth;
        double lowDrift = lower.slope() * span / openWidth;
        double flat = 0.2;
        PatternType type;
        if (Math.abs(upDrift) <= flat && lowDrift > flat) {
            type = PatternType.ASCENDING_TRIANGLE;
        } else if (upDrift < -flat && Math.abs(lowDrift) <= flat) {
            type = PatternType.DESCENDING_TRIANGLE;
        } else if (upDrift < -flat && lowDrift > flat) {
            type = PatternType.SYMMETRICAL_TRIANGLE;
        } else if (upDrift > flat && lowDrift > upDrift) {
            type = PatternType.RISING_WEDGE;
        } else if (lowDrift < -flat && upDrift < lowDrift) {
            type = PatternType.FALLING_WEDGE;
        } else {
            return Optional.empty();
        }
        // fit: swings near their lines, and the bars in between inside them
        double fit = (upper.meanAbsResidual() + lower.meanAbsResidual()) / 2 / openWidth;
        if (fit > 0.08) {
            return Optional.empty();
        }
        for (Pivot pivot : window) {
            double residual = Math.abs(pivot.log() - (pivot.high() ? upper : lower).at(pivot.index()));
            if (residual > 0.15 * openWidth) {
                return Optional.empty();
            }
        }
        int outside = 0;
        double tolerance = 0.1 * openWidth;
        for (int i = first; i <= last; i++) {
            if (p.logHigh[i] > upper.at(i) + tolerance || p.logLow[i] < lower.at(i) - tolerance) {
                outside++;
            }
        }
        double outsideShare = (double) outside / (span + 1);
        if (outsideShare > 0.05) {
            return Optional.empty();
        }
        PatternPoint[] points = new PatternPoint[window.size()];
        for (int i = 0; i < window.size(); i++) {
            Pivot pivot = window.get(i);
            points[i] = pivot.high() ? p.highPoint(pivot.index()) : p.lowPoint(pivot.index());
        }
        boolean breaksUp = type == PatternType.ASCENDING_TRIANGLE || type == PatternType.FALLING_WEDGE
                || type == PatternType.SYMMETRICAL_TRIANGLE;
        double breakout = breaksUp ? upper.at(last) : lower.at(last);
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("breakout_level", Candidate.price(breakout));
        measurements.put("target", Candidate.price(breaksUp ? breakout + openWidth : breakout - openWidth));
        measurements.put("resistance_level", Candidate.price(upper.at(last)));
        measurements.put("support_level", Candidate.price(lower.at(last)));
        measurements.put("height_pct", Candidate.percent(openWidth));
        measurements.put("convergence", closeWidth / openWidth);
        int middle = (first + last) / 2;
        double volume = Candidate.volumeDryUp(p, p.meanVolume(first, middle), p.meanVolume(middle + 1, last), 0.8);
        double quality = Candidate.mean(
                Candidate.score(fit, 0.01, 0.08),
                window.size() >= 6 ? 1 : 0.6,
                Candidate.score(closeWidth / openWidth, 0.3, 0.65),
                Candidate.score(outsideShare, 0, 0.05),
                volume);
        return Optional.of(Candidate.pattern(type, quality, Candidate.points(points), measurements));
    }
}
