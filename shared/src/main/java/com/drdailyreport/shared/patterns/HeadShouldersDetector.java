package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Head and shoulders (and, mirrored, inverse head and shoulders): five confirmed alternating swings
 * — shoulder, trough, head, trough, shoulder — with the head clearly beyond both shoulders, shoulders
 * of similar height and timing, a gently sloping neckline through the troughs, 15–150 bars wide,
 * after a move that came from the far side of the neckline. The neckline is the breakout line; a
 * close beyond the right shoulder fails the pattern. Target: the neckline minus the head's height
 * above it, from the breakout. Points: A left shoulder, B first trough, C head, D second trough,
 * E right shoulder.
 */
final class HeadShouldersDetector {

    private HeadShouldersDetector() {
    }

    static List<Formation> find(Prices p, List<Pivot> pivots, boolean top) {
        List<Formation> found = new ArrayList<>();
        double sign = top ? 1 : -1;
        double headMargin = Math.max(0.02, p.unit);
        double shoulderTolerance = Math.max(0.05, 2.5 * p.unit);
        double neckTolerance = Math.max(0.05, 2.5 * p.unit);
        for (int k = pivots.size() - 5; k >= 1; k--) {
            Pivot ls = pivots.get(k);
            if (ls.high() != top) {
                continue;
            }
            Pivot t1 = pivots.get(k + 1);
            Pivot head = pivots.get(k + 2);
            Pivot t2 = pivots.get(k + 3);
            Pivot rs = pivots.get(k + 4);
            if (!ls.confirmed() || !t1.confirmed() || !head.confirmed() || !t2.confirmed()
                    || !rs.confirmed()) {
                continue; // the right shoulder counts once price has turned away from it
            }
            Line neckline = Line.through(t1.index(), t1.log(), t2.index(), t2.log());
            double shoulderLevel = top ? Math.max(ls.log(), rs.log()) : Math.min(ls.log(), rs.log());
            double headAbove = sign * (head.log() - shoulderLevel);
            double shoulderDiff = Math.abs(ls.log() - rs.log());
            double neckDiff = Math.abs(t1.log() - t2.log());
            double headHeight = sign * (head.log() - neckline.at(head.index()));
            double shoulderHeight = Math.min(sign * (ls.log() - neckline.at(ls.index())), sign * (rs.log() - neckline.at(rs.index())));
            int left = head.index() - ls.index();
            int right = rs.index() - head.index();
            double timeSymmetry = (double) Math.min(left, right) / Math.max(left, right);
            int width = rs.index() - ls.index();
            if (headAbove < headMargin || shoulderDiff > shoulderTolerance || shoulderDiff > 0.5 * headHeight
                    || neckDiff > neckTolerance || shoulderHeight < 0.35 * headHeight || timeSymmetry < 0.4
                    || width < 15 || width > 150 || !Candidate.targetWithinBounds(headHeight)) {
                continue;
            }
            // the move into the pattern came from the far side of the neckline (a rise into a top, a fall into a bottom)
            Pivot before = pivots.get(k - 1);
            if (sign * (before.log() - neckline.at(before.index())) > 0) {
                continue;
            }
            double volume = Candidate.volumeDryUp(p, Math.max(0, ls.index() - 2), Math.min(p.n - 1, ls.index() + 2),
                    Math.max(0, rs.index() - 2), Math.min(p.n - 1, rs.index() + 2), 0.8);
            double quality = Candidate.mean(
                    Candidate.score(shoulderDiff, 0, shoulderTolerance),
                    Candidate.score(timeSymmetry, 1, 0.4),
                    Candidate.score(neckDiff, 0, neckTolerance),
                    Candidate.score(headAbove, 3 * headMargin, headMargin),
                    volume);
            Line opposite = Line.flat(rs.log());
            Map<String, Double> measurements = new LinkedHashMap<>();
            measurements.put("head_height_pct", Candidate.percent(headHeight));
            measurements.put("shoulder_difference_pct", Candidate.percent(shoulderDiff));
            List<PatternPoint> points = List.of(p.point(ls), p.point(t1), p.point(head), p.point(t2), p.point(rs));
            found.add(new Formation(top ? PatternType.HEAD_SHOULDERS : PatternType.INVERSE_HEAD_SHOULDERS, quality, points,
                    ls.index(), rs.index(), top ? opposite : neckline, top ? neckline : opposite, headHeight, Double.NaN,
                    Math.min(40, width / 2 + 5), measurements));
        }
        return found;
    }
}
