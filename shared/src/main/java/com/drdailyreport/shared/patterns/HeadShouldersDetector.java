package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Head and shoulders (and, mirrored, inverse head and shoulders): five alternating swings —
 * shoulder, trough, head, trough, shoulder — with the head beyond both shoulders, shoulders of
 * similar height and timing, a near-flat neckline through the troughs, and no later move past
 * the head. Confirmed by a close through the neckline. Points: A left shoulder, B first trough,
 * C head, D second trough, E right shoulder (F the breakout close when confirmed). Target: the
 * neckline minus the head's height above it.
 */
final class HeadShouldersDetector {

    private HeadShouldersDetector() {
    }

    static Optional<ChartPattern> find(Prices p, List<Pivot> pivots, boolean top) {
        double sign = top ? 1 : -1;
        double headMargin = Math.max(0.02, p.unit);
        double shoulderTolerance = Math.max(0.05, 2.5 * p.unit);
        double neckTolerance = Math.max(0.05, 2.5 * p.unit);
        for (int k = pivots.size() - 5; k >= 0; k--) {
            Pivot ls = pivots.get(k);
            if (ls.high() != top || !pivots.get(k + 4).confirmed()) {
                continue; // the right shoulder counts once price has turned away from it
            }
            Pivot t1 = pivots.get(k + 1);
            Pivot head = pivots.get(k + 2);
            Pivot t2 = pivots.get(k + 3);
            Pivot rs = pivots.get(k + 4);
            double shoulderLevel = top ? Math.max(ls.log(), rs.log()) : Math.min(ls.log(), rs.log());
            double headAbove = sign * (head.log() - shoulderLevel);
            double shoulderDiff = Math.abs(ls.log() - rs.log());
            double neckDiff = Math.abs(t1.log() - t2.log());
            double neckAtHead = neckline(t1, t2, head.index());
            double headHeight = sign * (head.log() - neckAtHead);
            double shoulderHeight = Math.min(sign * (ls.log() - neckline(t1, t2, ls.index())), sign * (rs.log() - neckline(t1, t2, rs.index())));
            int left = head.index() - ls.index();
            int right = rs.index() - head.index();
            double timeSymmetry = (double) Math.min(left, right) / Math.max(left, right);
            if (headAbove < headMargin || shoulderDiff > shoulderTolerance || shoulderDiff > 0.6 * headHeight
                    || neckDiff > neckTolerance || shoulderHeight < 0.25 * headHeight || timeSymmetry < 0.35
                    || rs.index() - ls.index() < 15 || rs.index() - ls.index() > 200) {
                continue;
            }
            // the move into the pattern came from the far side of the neckline (a rise into a top, a fall into a bottom)
            double neckEdge = top ? Math.min(t1.log(), t2.log()) : Math.max(t1.log(), t2.log());
            if (k >= 1 && sign * (pivots.get(k - 1).log() - neckEdge) > 0) {
                continue;
            }
            int breakout = -1;
            boolean invalid = false;
            for (int i = rs.index() + 1; i < p.n; i++) {
                double extreme = top ? p.logHigh[i] : p.logLow[i];
                if (sign * (extreme - head.log()) > 0) {
                    invalid = true;
                    break;
                }
                if (sign * (neckline(t1, t2, i) - p.logClose[i]) > 0) {
                    breakout = i;
                    break;
                }
            }
            if (invalid) {
                continue;
            }
            PatternPoint a = extremePoint(p, ls, top);
            PatternPoint b = extremePoint(p, t1, !top);
            PatternPoint c = extremePoint(p, head, top);
            PatternPoint d = extremePoint(p, t2, !top);
            PatternPoint e = extremePoint(p, rs, top);
            Map<String, PatternPoint> points = breakout < 0 ? Candidate.points(a, b, c, d, e)
                    : Candidate.points(a, b, c, d, e, p.closePoint(breakout));
            double neckAtEnd = neckline(t1, t2, breakout >= 0 ? breakout : rs.index());
            Map<String, Double> measurements = new LinkedHashMap<>();
            measurements.put("breakout_level", Candidate.price(neckAtEnd));
            measurements.put("target", Candidate.price(neckAtEnd - sign * headHeight));
            measurements.put("head_height_pct", Candidate.percent(headHeight));
            measurements.put("shoulder_difference_pct", Candidate.percent(shoulderDiff));
            measurements.put("confirmed", breakout >= 0 ? 1.0 : 0.0);
            double volume = Candidate.volumeDryUp(p, p.meanVolume(Math.max(0, ls.index() - 2), Math.min(p.n - 1, ls.index() + 2)),
                    p.meanVolume(Math.max(0, rs.index() - 2), Math.min(p.n - 1, rs.index() + 2)), 0.8);
            double quality = Candidate.mean(
                    Candidate.score(shoulderDiff, 0, shoulderTolerance),
                    Candidate.score(timeSymmetry, 1, 0.35),
                    Candidate.score(neckDiff, 0, neckTolerance),
                    volume,
                    breakout >= 0 ? 1 : 0.3);
            return Optional.of(Candidate.pattern(top ? PatternType.HEAD_SHOULDERS : PatternType.INVERSE_HEAD_SHOULDERS, quality, points,
                    measurements));
        }
        return Optional.empty();
    }

    /** The neckline through the two troughs, in log price, at bar {@code index}. */
    private static double neckline(Pivot t1, Pivot t2, int index) {
        double slope = (t2.log() - t1.log()) / (t2.index() - t1.index());
        return t1.log() + slope * (index - t1.index());
    }

    private static PatternPoint extremePoint(Prices p, Pivot pivot, boolean high) {
        return high ? p.highPoint(pivot.index()) : p.lowPoint(pivot.index());
    }
}
