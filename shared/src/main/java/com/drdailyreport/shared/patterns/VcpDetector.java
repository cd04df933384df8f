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
 * Volatility contraction pattern: after a rise of at least 20 % into the base, two to five
 * pullbacks from about the same resistance, each at most 80 % as deep as the one before, with
 * rising lows, the last one at most half as deep as the first; volume must dry up (the last
 * contraction trades under 85 % of the first's volume, when the series carries volume), and a
 * steady dry-up from one contraction to the next raises the confidence. Not a wedge: what is measured is the shrinking depth of successive pullbacks under
 * a flat pivot. Ends on the breakout close above the pivot when there is one. Points: each
 * contraction's high and low in order (A, B, C, D…), then the breakout close.
 */
final class VcpDetector {

    private VcpDetector() {
    }

    static Optional<ChartPattern> find(Prices p, List<Pivot> pivots) {
        double minFirst = Math.max(0.06, 3 * p.unit);
        double maxLast = Math.max(0.10, 4 * p.unit);
        for (int end = pivots.size() - 1; end >= 3; end--) {
            if (pivots.get(end).high()) {
                continue; // a base ends on a contraction's low
            }
            for (int contractions = 5; contractions >= 2; contractions--) {
                int start = end - 2 * contractions + 1;
                if (start < 0) {
                    continue;
                }
                Optional<ChartPattern> found = base(p, pivots.subList(start, end + 1), minFirst, maxLast);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ChartPattern> base(Prices p, List<Pivot> swings, double minFirst, double maxLast) {
        int m = swings.size() / 2;
        double[] depth = new double[m];
        double maxHigh = Double.NEGATIVE_INFINITY;
        double minHigh = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            Pivot h = swings.get(2 * i);
            Pivot l = swings.get(2 * i + 1);
            if (!h.high() || l.high()) {
                return Optional.empty();
            }
            depth[i] = h.log() - l.log();
            maxHigh = Math.max(maxHigh, h.log());
            minHigh = Math.min(minHigh, h.log());
            if (!h.confirmed() || !l.confirmed() || i > 0 && (depth[i] > 0.8 * depth[i - 1] || l.log() <= swings.get(2 * i - 1).log())) {
                return Optional.empty();
            }
        }
        Pivot firstHigh = swings.getFirst();
        Pivot lastLow = swings.getLast();
        int length = lastLow.index() - firstHigh.index();
        if (depth[0] < minFirst || depth[0] > 0.45 || depth[m - 1] > maxLast || depth[m - 1] > 0.5 * depth[0]
                || maxHigh - minHigh > 0.35 * depth[0]
                || length < 15 || length > 150 || firstHigh.index() < 20) {
            return Optional.empty();
        }
        double priorLow = p.logLow[p.lowest(Math.max(0, firstHigh.index() - 60), firstHigh.index())];
        double advance = firstHigh.log() - priorLow;
        if (advance < Math.log(1.2)) {
            return Optional.empty();
        }
        // volume dries up: the last contraction trades less than the first (when the series has volume)
        double firstVolume = p.meanVolume(firstHigh.index(), swings.get(1).index());
        double lastVolume = p.meanVolume(swings.get(2 * m - 2).index(), lastLow.index());
        if (p.hasVolume() && lastVolume > 0.85 * firstVolume) {
            return Optional.empty();
        }
        // after the last low: the low must hold; a close above the pivot is the breakout
        int end = lastLow.index();
        boolean breakout = false;
        for (int i = lastLow.index() + 1; i < p.n; i++) {
            if (p.logLow[i] < lastLow.log()) {
                return Optional.empty();
            }
            if (p.logClose[i] > maxHigh) {
                end = i;
                breakout = true;
                break;
            }
            if (p.logHigh[i] > maxHigh + 0.5 * p.unit) {
                return Optional.empty();
            }
        }
        List<PatternPoint> points = new ArrayList<>();
        for (Pivot s : swings) {
            points.add(s.high() ? p.highPoint(s.index()) : p.lowPoint(s.index()));
        }
        if (breakout) {
            points.add(p.closePoint(end));
        }
        double volumeTrend = 0;
        int steps = 0;
        for (int i = 1; i < m; i++) {
            double before = p.meanVolume(swings.get(2 * i - 2).index(), swings.get(2 * i - 1).index());
            double after = p.meanVolume(swings.get(2 * i).index(), swings.get(2 * i + 1).index());
            volumeTrend += Candidate.volumeDryUp(p, before, after, 0.8);
            steps++;
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("breakout_level", Candidate.price(maxHigh));
        measurements.put("target", Candidate.price(maxHigh + depth[0]));
        measurements.put("contractions", (double) m);
        measurements.put("first_depth_pct", Candidate.percent(depth[0]));
        measurements.put("last_depth_pct", Candidate.percent(depth[m - 1]));
        measurements.put("prior_advance_pct", Candidate.percent(advance));
        measurements.put("confirmed", breakout ? 1.0 : 0.0);
        double quality = Candidate.mean(
                Candidate.score(m, 3, 2),
                Candidate.score(depth[m - 1], 0.03, maxLast),
                steps == 0 ? 0.5 : volumeTrend / steps,
                Candidate.score(advance, Math.log(1.5), Math.log(1.2)),
                breakout ? 1 : 0.4);
        return Optional.of(Candidate.pattern(PatternType.VCP, quality, Candidate.points(points.toArray(PatternPoint[]::new)),
                measurements));
    }
}
