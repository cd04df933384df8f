package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Double top (and, mirrored, double bottom): two confirmed swing highs within a few percent of each
 * other, 10–120 bars apart, separated by a trough at least {@code minDepth} below the lower peak,
 * after a rise that started below the trough (a top needs something to reverse). The trough is the
 * neckline (breakout level); a close above the higher peak fails the pattern. Target: the neckline
 * minus the height, from the breakout. Points: A first peak, B trough, C second peak.
 */
final class DoubleDetector {

    private DoubleDetector() {
    }

    static List<Formation> find(Prices p, List<Pivot> pivots, boolean top) {
        List<Formation> found = new ArrayList<>();
        double tolerance = Math.max(0.025, 1.2 * p.unit);
        double minDepth = Math.max(0.05, 3 * p.unit);
        double sign = top ? 1 : -1;
        for (int k = pivots.size() - 3; k >= 1; k--) {
            Pivot before = pivots.get(k - 1);
            Pivot first = pivots.get(k);
            Pivot middle = pivots.get(k + 1);
            Pivot second = pivots.get(k + 2);
            if (first.high() != top || !first.confirmed() || !middle.confirmed() || !second.confirmed()) {
                continue; // the second peak counts once price has turned away from it
            }
            double diff = Math.abs(first.log() - second.log());
            double nearer = top ? Math.min(first.log(), second.log()) : Math.max(first.log(), second.log());
            double extreme = top ? Math.max(first.log(), second.log()) : Math.min(first.log(), second.log());
            double depth = sign * (nearer - middle.log());
            double height = sign * (extreme - middle.log());
            int spacing = second.index() - first.index();
            double prior = sign * (middle.log() - before.log()); // how far below the neckline the rise began
            if (diff > tolerance || depth < minDepth || diff > 0.4 * depth || spacing < 10 || spacing > 120
                    || prior < 0.25 * depth || !Candidate.targetWithinBounds(height)) {
                continue;
            }
            double volume = Candidate.volumeDryUp(p, Math.max(0, first.index() - 2), Math.min(p.n - 1, first.index() + 2),
                    Math.max(0, second.index() - 2), Math.min(p.n - 1, second.index() + 2), 0.8);
            double quality = Candidate.mean(
                    Candidate.score(diff, 0, tolerance),
                    Candidate.score(depth, 2 * minDepth, minDepth),
                    Candidate.score(prior, depth, 0.25 * depth),
                    spacing >= 15 && spacing <= 80 ? 1 : 0.5,
                    volume);
            Line neckline = Line.flat(middle.log());
            Line opposite = Line.flat(extreme);
            Map<String, Double> measurements = new LinkedHashMap<>();
            measurements.put("depth_pct", Candidate.percent(depth));
            measurements.put("peak_difference_pct", Candidate.percent(diff));
            List<PatternPoint> points = List.of(p.point(first), p.point(middle), p.point(second));
            found.add(new Formation(top ? PatternType.DOUBLE_TOP : PatternType.DOUBLE_BOTTOM, quality, points, first.index(),
                    second.index(), top ? opposite : neckline, top ? neckline : opposite, height, Double.NaN,
                    Math.min(40, spacing), measurements));
        }
        return found;
    }
}
