package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cup and handle: two swing highs (the rims) within a few percent, 25–180 bars apart, nothing in
 * between above them, a rounded bottom 10–50 % below (the low in the middle 60 % of the cup, and a
 * good share of the cup spent near the bottom — a U, not a V), then a handle of 3–30 bars that
 * pulls back less than half the cup's depth. Ends on the breakout close above the rims when there
 * is one. Points: A left rim, B cup bottom, C right rim, D handle low, E end of the handle.
 */
final class CupHandleDetector {

    private CupHandleDetector() {
    }

    static Optional<ChartPattern> find(Prices p, List<Pivot> pivots) {
        double rimTolerance = Math.max(0.05, 2 * p.unit);
        double minDepth = Math.max(0.10, 4 * p.unit);
        for (int r = pivots.size() - 1; r >= 0; r--) {
            Pivot right = pivots.get(r);
            if (!right.high() || p.n - 1 - right.index() < 3) {
                continue;
            }
            for (int l = r - 2; l >= 0; l--) {
                Pivot left = pivots.get(l);
                int width = right.index() - left.index();
                if (!left.high() || width < 25) {
                    continue;
                }
                if (width > 180) {
                    break;
                }
                Optional<ChartPattern> cup = cup(p, left, right, rimTolerance, minDepth);
                if (cup.isPresent()) {
                    return cup;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<ChartPattern> cup(Prices p, Pivot left, Pivot right, double rimTolerance, double minDepth) {
        double rimDiff = Math.abs(left.log() - right.log());
        double rim = Math.min(left.log(), right.log());
        double top = Math.max(left.log(), right.log());
        if (rimDiff > rimTolerance) {
            return Optional.empty();
        }
        int width = right.index() - left.index();
        for (int i = left.index() + 1; i < right.index(); i++) {
            if (p.logHigh[i] > top + 0.5 * p.unit) {
                return Optional.empty();
            }
        }
        int bottom = p.lowest(left.index() + 1, right.index() - 1);
        double depth = rim - p.logLow[bottom];
        double position = (double) (bottom - left.index()) / width;
        if (depth < minDepth || depth > 0.5 || position < 0.2 || position > 0.8) {
            return Optional.empty();
        }
        int nearBottom = 0;
        for (int i = left.index(); i <= right.index(); i++) {
            if (p.logClose[i] <= p.logLow[bottom] + 0.4 * depth) {
                nearBottom++;
            }
        }
        double roundness = (double) nearBottom / (width + 1);
        if (roundness < 0.2) {
            return Optional.empty();
        }
        // the handle: a shallow pullback after the right rim, then (perhaps) the breakout
        int end = -1;
        boolean breakout = false;
        int handleLow = -1;
        for (int i = right.index() + 1; i < p.n && i <= right.index() + 30; i++) {
            if (handleLow >= 0 && i - right.index() >= 3 && p.logClose[i] > top) {
                end = i;
                breakout = true;
                break;
            }
            if (p.logHigh[i] > top + 0.5 * p.unit) {
                break;
            }
            if (handleLow < 0 || p.logLow[i] < p.logLow[handleLow]) {
                handleLow = i;
            }
            end = i;
        }
        if (handleLow < 0 || end - right.index() < 3 || (!breakout && end < p.n - 1)) {
            // no handle yet, or the handle ended without a breakout and without being current
            return Optional.empty();
        }
        double handleDepth = right.log() - p.logLow[handleLow];
        if (handleDepth < 0.5 * p.unit || handleDepth > 0.5 * depth) {
            return Optional.empty();
        }
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("breakout_level", Candidate.price(top));
        measurements.put("target", Candidate.price(top + depth));
        measurements.put("depth_pct", Candidate.percent(depth));
        measurements.put("handle_depth_pct", Candidate.percent(handleDepth));
        measurements.put("confirmed", breakout ? 1.0 : 0.0);
        double volume = Candidate.volumeDryUp(p, p.meanVolume(left.index(), right.index()), p.meanVolume(right.index() + 1, handleLow), 0.75);
        double quality = Candidate.mean(
                Candidate.score(rimDiff, 0, rimTolerance),
                Candidate.score(roundness, 0.45, 0.2),
                Candidate.score(handleDepth / depth, 0.2, 0.5),
                volume,
                breakout ? 1 : 0.4);
        return Optional.of(Candidate.pattern(PatternType.CUP_HANDLE, quality, Candidate.points(p.highPoint(left.index()),
                p.lowPoint(bottom), p.highPoint(right.index()), p.lowPoint(handleLow), p.closePoint(end)), measurements));
    }
}
