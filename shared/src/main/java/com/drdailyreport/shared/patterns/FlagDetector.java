package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bullish (bearish) flag: a pole — a fast move of at least {@code minPole} within 15 bars, at least
 * 1.5 typical daily ranges per bar, up (down) to the highest high (lowest low) of its
 * neighbourhood — then 5–20 bars of tight consolidation on lighter volume that never passes the
 * pole's end, gives back at most half the pole, and drifts flat or against it.
 * A flag that gives back more has failed and is not reported. The direction is the pole's, so one
 * formation is never both. The flag ends with a close beyond the pole's end (the breakout, which
 * becomes the last point) or is still forming on the last bar. Poles come from the bars' own
 * extremes: a tight flag never retraces enough to confirm a zigzag swing at the pole's end.
 * Points: A pole start, B pole end, C and D the flag's extreme low and high (in date order),
 * E the flag's last bar.
 */
final class FlagDetector {

    private FlagDetector() {
    }

    static Optional<ChartPattern> find(Prices p, boolean bullish) {
        double sign = bullish ? 1 : -1;
        double minPole = Math.max(0.08, 5 * p.unit);
        for (int t = p.n - 6; t >= 3; t--) {
            // the pole's end: the most extreme bar from 20 bars before to the end of a would-be flag
            double tipLog = bullish ? p.logHigh[t] : p.logLow[t];
            int window = Math.min(p.n - 1, t + 20);
            int extreme = bullish ? p.highest(Math.max(0, t - 20), t) : p.lowest(Math.max(0, t - 20), t);
            if (extreme != t) {
                continue;
            }
            // the pole: the longest move to the tip (2–15 bars) that is large enough and fast —
            // on average at least 1.5 typical daily ranges per bar
            double minSpeed = Math.max(0.008, 1.5 * p.unit);
            int base = -1;
            for (int b = Math.max(0, t - 15); b <= t - 2 && base < 0; b++) {
                double move = sign * (tipLog - (bullish ? p.logLow[b] : p.logHigh[b]));
                if (move >= minPole && move / (t - b) >= minSpeed) {
                    base = b;
                }
            }
            if (base < 0) {
                continue;
            }
            double pole = sign * (tipLog - (bullish ? p.logLow[base] : p.logHigh[base]));
            double ceiling = tipLog + sign * 0.5 * p.unit;
            double floor = tipLog - sign * 0.5 * pole;
            int end = -1;
            boolean breakout = false;
            boolean failed = false;
            for (int i = t + 1; i <= Math.min(window, t + 20); i++) {
                if (i - t >= 5 && sign * (p.logClose[i] - ceiling) > 0) {
                    end = i;
                    breakout = true;
                    break;
                }
                double far = bullish ? p.logHigh[i] : p.logLow[i];
                double back = bullish ? p.logLow[i] : p.logHigh[i];
                if (sign * (far - ceiling) > 0 || sign * (back - floor) < 0) {
                    failed = true;
                    break;
                }
                end = i;
            }
            if (failed || end - t < 5 || (!breakout && end != p.n - 1)) {
                continue; // failed, too short, or consolidating for longer than a flag lasts
            }
            int flagFrom = t + 1;
            int flagTo = breakout ? end - 1 : end;
            int lowIndex = p.lowest(flagFrom, flagTo);
            int highIndex = p.highest(flagFrom, flagTo);
            double range = p.logHigh[highIndex] - p.logLow[lowIndex];
            double drift = p.logClose[flagTo] - p.logClose[flagFrom];
            if (range > 0.5 * pole || sign * drift > 0.3 * range + 0.5 * p.unit) {
                continue;
            }
            double poleVolume = p.meanVolume(base, t);
            double flagVolume = p.meanVolume(flagFrom, flagTo);
            if (p.hasVolume() && flagVolume > 0.9 * poleVolume) {
                continue; // interest fades in a flag
            }
            PatternPoint a = bullish ? p.lowPoint(base) : p.highPoint(base);
            PatternPoint b = bullish ? p.highPoint(t) : p.lowPoint(t);
            PatternPoint c = lowIndex <= highIndex ? p.lowPoint(lowIndex) : p.highPoint(highIndex);
            PatternPoint d = lowIndex <= highIndex ? p.highPoint(highIndex) : p.lowPoint(lowIndex);
            Map<String, Double> measurements = new LinkedHashMap<>();
            double breakoutLevel = bullish ? p.logHigh[highIndex] : p.logLow[lowIndex];
            measurements.put("breakout_level", Candidate.price(breakoutLevel));
            measurements.put("target", Candidate.price(breakoutLevel + sign * pole));
            measurements.put("pole_pct", Candidate.percent(sign * pole));
            measurements.put("flag_range_pct", Candidate.percent(range));
            measurements.put("confirmed", breakout ? 1.0 : 0.0);
            double volume = Candidate.volumeDryUp(p, poleVolume, flagVolume, 0.6);
            double quality = Candidate.mean(
                    Candidate.score(pole, 2 * minPole, minPole),
                    Candidate.score(range / pole, 0.15, 0.5),
                    volume,
                    breakout ? 1 : 0.4);
            return Optional.of(Candidate.pattern(bullish ? PatternType.BULLISH_FLAG : PatternType.BEARISH_FLAG, quality,
                    Candidate.points(a, b, c, d, p.closePoint(end)), measurements));
        }
        return Optional.empty();
    }
}
