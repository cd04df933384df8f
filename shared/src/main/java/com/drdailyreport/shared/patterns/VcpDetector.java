package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Volatility contraction pattern: after a rise of at least 20 % into the base, two to five
 * pullbacks from about the same resistance, each at most 80 % as deep as the one before, with
 * rising lows, the last at most half as deep as the first; where volume is known it must dry up
 * (the last contraction trades under 85 % of the first's volume). The resistance (the base's highest
 * high) is the breakout level, the last contraction's low the invalidation level; a base waiting
 * more than 20 bars for its breakout has expired. Target: the first contraction's depth from the
 * breakout. Points: each contraction's high and low in order.
 */
final class VcpDetector {

    static final int MAX_WAIT = 20;

    private VcpDetector() {
    }

    static List<Formation> find(Prices p, List<Pivot> pivots) {
        List<Formation> found = new ArrayList<>();
        double minFirst = Math.max(0.06, 3 * p.unit);
        double maxLast = Math.max(0.10, 4 * p.unit);
        for (int end = pivots.size() - 1; end >= 3; end--) {
            if (pivots.get(end).high()) {
                continue; // a base ends on a contraction's low
            }
            for (int contractions = 5; contractions >= 2; contractions--) {
                int start = end - 2 * contractions + 1;
                if (start >= 0) {
                    Formation f = base(p, pivots.subList(start, end + 1), minFirst, maxLast);
                    if (f != null) {
                        found.add(f);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static Formation base(Prices p, List<Pivot> swings, double minFirst, double maxLast) {
        int m = swings.size() / 2;
        double[] depth = new double[m];
        double maxHigh = Double.NEGATIVE_INFINITY;
        double minHigh = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            Pivot h = swings.get(2 * i);
            Pivot l = swings.get(2 * i + 1);
            if (!h.high() || l.high() || !h.confirmed() || !l.confirmed()) {
                return null;
            }
            depth[i] = h.log() - l.log();
            maxHigh = Math.max(maxHigh, h.log());
            minHigh = Math.min(minHigh, h.log());
            if (i > 0 && (depth[i] > 0.8 * depth[i - 1] || l.log() <= swings.get(2 * i - 1).log())) {
                return null;
            }
        }
        Pivot firstHigh = swings.getFirst();
        Pivot lastLow = swings.getLast();
        int length = lastLow.index() - firstHigh.index();
        if (depth[0] < minFirst || !Candidate.targetWithinBounds(depth[0]) || depth[m - 1] > maxLast
                || depth[m - 1] > 0.5 * depth[0] || maxHigh - minHigh > 0.35 * depth[0]
                || length < 15 || length > 150 || firstHigh.index() < 20) {
            return null;
        }
        double priorLow = p.logLow[p.lowest(Math.max(0, firstHigh.index() - 60), firstHigh.index())];
        double advance = firstHigh.log() - priorLow;
        if (advance < Math.log(1.2)) {
            return null;
        }
        int firstTo = swings.get(1).index();
        int lastFrom = swings.get(2 * m - 2).index();
        double dryUp = Candidate.volumeDryUp(p, firstHigh.index(), firstTo, lastFrom, lastLow.index(), 0.7);
        if (!Double.isNaN(dryUp) && p.meanVolume(lastFrom, lastLow.index()) > 0.85 * p.meanVolume(firstHigh.index(), firstTo)) {
            return null;
        }
        List<PatternPoint> points = new ArrayList<>();
        for (Pivot s : swings) {
            points.add(p.point(s));
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("contractions", (double) m);
        measurements.put("first_depth_pct", Candidate.percent(depth[0]));
        measurements.put("last_depth_pct", Candidate.percent(depth[m - 1]));
        measurements.put("prior_advance_pct", Candidate.percent(advance));
        double quality = Candidate.mean(
                Candidate.score(m, 3, 2),
                Candidate.score(depth[m - 1], 0.03, maxLast),
                dryUp,
                Candidate.score(advance, Math.log(1.5), Math.log(1.2)));
        return new Formation(PatternType.VCP, quality, points, firstHigh.index(), lastLow.index(), Line.flat(maxHigh),
                Line.flat(lastLow.log()), depth[0], Double.NaN, MAX_WAIT, measurements);
    }
}
