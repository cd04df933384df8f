package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Double top (and, mirrored, double bottom): two swing highs within a few percent of each other,
 * 8–150 bars apart, separated by a trough at least {@code minDepth} below them, after a rise into
 * the first; not invalidated by a later high above the peaks. Confirmed when a close breaks the
 * trough (the neckline) — the pattern then ends on that bar. Points: A first peak, B trough,
 * C second peak (D the breakout close when confirmed). Target: the neckline minus the height.
 */
final class DoubleDetector {

    private DoubleDetector() {
    }

    static Optional<ChartPattern> find(Prices p, List<Pivot> pivots, boolean top) {
        double tolerance = Math.max(0.03, 1.5 * p.unit);
        double minDepth = Math.max(0.05, 3 * p.unit);
        for (int k = pivots.size() - 3; k >= 0; k--) {
            Pivot first = pivots.get(k);
            Pivot middle = pivots.get(k + 1);
            Pivot second = pivots.get(k + 2);
            if (first.high() != top || !first.confirmed() || !second.confirmed()) {
                continue; // the second peak counts once price has turned away from it
            }
            double sign = top ? 1 : -1;
            double diff = Math.abs(first.log() - second.log());
            double nearer = top ? Math.min(first.log(), second.log()) : Math.max(first.log(), second.log());
            double extreme = top ? Math.max(first.log(), second.log()) : Math.min(first.log(), second.log());
            double depth = sign * (nearer - middle.log());
            int spacing = second.index() - first.index();
            if (diff > tolerance || depth < minDepth || diff > 0.5 * depth || spacing < 8 || spacing > 150) {
                continue;
            }
            // a move into the first peak (a top after a rise, a bottom after a fall)
            double before = k >= 1 ? pivots.get(k - 1).log() : (top ? p.logLow[p.lowest(Math.max(0, first.index() - 20), first.index())]
                    : p.logHigh[p.highest(Math.max(0, first.index() - 20), first.index())]);
            if (first.index() < 5 || sign * (first.log() - before) < 0.7 * depth) {
                continue;
            }
            // invalidated by a later move beyond the peaks; confirmed by a close through the neckline
            int breakout = -1;
            boolean invalid = false;
            for (int i = second.index() + 1; i < p.n; i++) {
                double beyond = top ? p.logHigh[i] - extreme : extreme - p.logLow[i];
                if (beyond > tolerance / 2) {
                    invalid = true;
                    break;
                }
                if (sign * (middle.log() - p.logClose[i]) > 0) {
                    breakout = i;
                    break;
                }
            }
            if (invalid) {
                continue;
            }
            PatternPoint a = top ? p.highPoint(first.index()) : p.lowPoint(first.index());
            PatternPoint b = top ? p.lowPoint(middle.index()) : p.highPoint(middle.index());
            PatternPoint c = top ? p.highPoint(second.index()) : p.lowPoint(second.index());
            Map<String, PatternPoint> points = breakout < 0 ? Candidate.points(a, b, c) : Candidate.points(a, b, c, p.closePoint(breakout));
            double height = sign * (extreme - middle.log());
            Map<String, Double> measurements = new LinkedHashMap<>();
            measurements.put("breakout_level", Candidate.price(middle.log()));
            measurements.put("target", Candidate.price(middle.log() - sign * height));
            measurements.put("depth_pct", Candidate.percent(depth));
            measurements.put("peak_difference_pct", Candidate.percent(diff));
            measurements.put("confirmed", breakout >= 0 ? 1.0 : 0.0);
            double volume = Candidate.volumeDryUp(p, p.meanVolume(Math.max(0, first.index() - 2), Math.min(p.n - 1, first.index() + 2)),
                    p.meanVolume(Math.max(0, second.index() - 2), Math.min(p.n - 1, second.index() + 2)), 0.8);
            double quality = Candidate.mean(
                    Candidate.score(diff, 0, tolerance),
                    Candidate.score(depth, 2 * minDepth, minDepth),
                    spacing >= 15 && spacing <= 90 ? 1 : 0.5,
                    volume,
                    breakout >= 0 ? 1 : 0.3);
            return Optional.of(Candidate.pattern(top ? PatternType.DOUBLE_TOP : PatternType.DOUBLE_BOTTOM, quality, points, measurements));
        }
        return Optional.empty();
    }
}
