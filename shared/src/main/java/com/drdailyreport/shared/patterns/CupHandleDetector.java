package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cup and handle: two confirmed swing highs (the rims) within max(5 %, 2 typical days) of each
 * other, 30–150 bars apart, nothing in between above them, after a rise into the left rim; a
 * rounded base — the low in the middle 60 % of the cup, every close within 15 % of the cup's width
 * of the low in the lower half of its depth (a U, not a V), a quarter of the cup in its lower third —
 * between max(10 %, 4 typical days) and the 30 % target bound deep; then a handle of 5–25 bars that
 * stays in the upper half of the cup and below the rims. The rims are the breakout level, the handle's
 * low the invalidation level. Target: the rim plus the cup's depth. Points: A left rim, B cup bottom,
 * C right rim, D handle low, E the handle's last bar.
 */
final class CupHandleDetector {

    static final int MIN_HANDLE = 5;
    static final int MAX_HANDLE = 25;

    private CupHandleDetector() {
    }

    static List<Formation> find(Prices p, List<Pivot> pivots) {
        List<Formation> found = new ArrayList<>();
        double rimTolerance = Math.max(0.05, 2 * p.unit);
        double minDepth = Math.max(0.10, 4 * p.unit);
        for (int r = pivots.size() - 1; r >= 2; r--) {
            Pivot right = pivots.get(r);
            if (!right.high() || !right.confirmed() || p.n - 1 - right.index() < MIN_HANDLE) {
                continue;
            }
            for (int l = r - 2; l >= 0; l -= 2) {
                Pivot left = pivots.get(l);
                int width = right.index() - left.index();
                if (width > 150) {
                    break;
                }
                if (width >= 30 && left.confirmed()) {
                    Formation cup = cup(p, left, right, rimTolerance, minDepth);
                    if (cup != null) {
                        found.add(cup);
                        break;
                    }
                }
            }
        }
        return found;
    }

    private static Formation cup(Prices p, Pivot left, Pivot right, double rimTolerance, double minDepth) {
        double rimDiff = Math.abs(left.log() - right.log());
        double rim = Math.min(left.log(), right.log());
        double top = Math.max(left.log(), right.log());
        if (rimDiff > rimTolerance) {
            return null;
        }
        int width = right.index() - left.index();
        for (int i = left.index() + 1; i < right.index(); i++) {
            if (p.logHigh[i] > top + 0.5 * p.unit) {
                return null;
            }
        }
        int bottom = p.lowest(left.index() + 1, right.index() - 1);
        double depth = rim - p.logLow[bottom];
        double position = (double) (bottom - left.index()) / width;
        if (depth < minDepth || !Candidate.targetWithinBounds(depth) || position < 0.2 || position > 0.8) {
            return null;
        }
        // rounded, not a V: near the low the closes stay in the lower half, and the cup spends time down there
        int around = Math.max(2, (int) Math.round(0.15 * width));
        for (int i = Math.max(left.index(), bottom - around); i <= Math.min(right.index(), bottom + around); i++) {
            if (p.logClose[i] > p.logLow[bottom] + 0.5 * depth) {
                return null;
            }
        }
        int nearBottom = 0;
        for (int i = left.index(); i <= right.index(); i++) {
            if (p.logClose[i] <= p.logLow[bottom] + depth / 3) {
                nearBottom++;
            }
        }
        double roundness = (double) nearBottom / (width + 1);
        if (roundness < 0.25) {
            return null;
        }
        // a rise into the left rim
        int priorFrom = Math.max(0, left.index() - 60);
        double advance = left.log() - p.logLow[p.lowest(priorFrom, left.index())];
        if (advance < 0.5 * depth) {
            return null;
        }
        // the handle: from the bar after the right rim until a close above the rims, a drop into the lower half, or its maximum length
        int last = right.index();
        int handleLow = -1;
        for (int i = right.index() + 1; i < p.n && i <= right.index() + MAX_HANDLE; i++) {
            if (p.logClose[i] > top || p.logHigh[i] > top + 0.5 * p.unit || p.logLow[i] < rim - 0.5 * depth) {
                break;
            }
            if (handleLow < 0 || p.logLow[i] < p.logLow[handleLow]) {
                handleLow = i;
            }
            last = i;
        }
        if (handleLow < 0 || last - right.index() < MIN_HANDLE) {
            return null;
        }
        double handleDepth = right.log() - p.logLow[handleLow];
        if (handleDepth < 0.5 * p.unit) {
            return null;
        }
        double volume = Candidate.volumeDryUp(p, left.index(), right.index(), right.index() + 1, last, 0.8);
        double quality = Candidate.mean(
                Candidate.score(rimDiff, 0, rimTolerance),
                Candidate.score(roundness, 0.5, 0.25),
                Candidate.score(handleDepth / depth, 0.2, 0.5),
                Candidate.score(advance, 2 * depth, 0.5 * depth),
                volume);
        Map<String, Double> measurements = new LinkedHashMap<>();
        measurements.put("depth_pct", Candidate.percent(depth));
        measurements.put("handle_depth_pct", Candidate.percent(handleDepth));
        measurements.put("handle_bars", (double) (last - right.index()));
        List<PatternPoint> points = List.of(p.highPoint(left.index()), p.lowPoint(bottom), p.highPoint(right.index()),
                p.lowPoint(handleLow), p.closePoint(last));
        return new Formation(PatternType.CUP_HANDLE, quality, points, left.index(), last, Line.flat(top),
                Line.flat(p.logLow[handleLow]), depth, Double.NaN, Math.max(0, MAX_HANDLE - (last - right.index())), measurements);
    }
}
