package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bullish (bearish) flag: a pole — a fast move of at least max(8 %, 8 typical days) within 3–15
 * bars, averaging at least 1.5 typical days per bar, up (down) to the highest high (lowest low) of
 * the 20 bars before it, in an active market (the 40 bars before the pole at least 1.5 × the year's
 * median activity: a flag flies in a fast trend, it does not start one) — then at least 5 bars of
 * tight consolidation that never passes the pole's end, gives back at most half the pole, spans at
 * most half of it and drifts flat or against it, on lighter volume where volume is known. The flag's channel (its highs' and lows' trend lines, moved
 * out to enclose every bar) are the breakout and invalidation lines; a flag consolidating for more
 * than 20 bars has expired. Target: the pole's length from the breakout. Points: A pole start,
 * B pole end, C and D the flag's extreme low and high in date order, E the flag's last bar.
 */
final class FlagDetector {

    static final int MIN_FLAG = 5;
    /** A pole spans at least this many typical days' moves. */
    static final double MIN_POLE_UNITS = 8;
    /** The 40 bars before the pole trade at least this share of the year's median activity: a flag flies in an active trend. */
    static final double MIN_PRIOR_ACTIVITY = 1.5;
    static final int MAX_FLAG = 20;

    private FlagDetector() {
    }

    static List<Formation> find(Prices p, boolean bullish) {
        List<Formation> found = new ArrayList<>();
        double sign = bullish ? 1 : -1;
        double minPole = Math.max(0.08, MIN_POLE_UNITS * p.unit);
        double minSpeed = Math.max(0.008, 1.5 * p.unit);
        for (int t = p.n - 1 - MIN_FLAG; t >= 3; t--) {
            double tip = bullish ? p.logHigh[t] : p.logLow[t];
            int extreme = bullish ? p.highest(Math.max(0, t - 20), t) : p.lowest(Math.max(0, t - 20), t);
            if (extreme != t) {
                continue;
            }
            int base = -1;
            for (int b = Math.max(0, t - 15); b <= t - 3 && base < 0; b++) {
                double move = sign * (tip - (bullish ? p.logLow[b] : p.logHigh[b]));
                if (move >= minPole && move / (t - b) >= minSpeed) {
                    base = b;
                }
            }
            if (base < 0) {
                continue;
            }
            double pole = sign * (tip - (bullish ? p.logLow[base] : p.logHigh[base]));
            if (!Candidate.targetWithinBounds(pole) || base < 40 || p.activity(base - 40, base - 1) < MIN_PRIOR_ACTIVITY) {
                continue;
            }
            // the flag: from the bar after the tip until a close leaves it (breakout or failure) or it is too long
            double ceiling = tip + sign * 0.5 * p.unit;
            double floor = tip - sign * 0.5 * pole;
            int last = t;
            for (int i = t + 1; i < p.n && i <= t + MAX_FLAG; i++) {
                double far = bullish ? p.logHigh[i] : p.logLow[i];
                double back = bullish ? p.logLow[i] : p.logHigh[i];
                if (sign * (p.logClose[i] - tip) > 0 || sign * (far - ceiling) > 0 || sign * (back - floor) < 0) {
                    break;
                }
                last = i;
            }
            if (last - t < MIN_FLAG) {
                continue;
            }
            int from = t + 1;
            int lowIndex = p.lowest(from, last);
            int highIndex = p.highest(from, last);
            double range = p.logHigh[highIndex] - p.logLow[lowIndex];
            double drift = p.logClose[last] - p.logClose[from];
            if (range > 0.5 * pole || sign * drift > 0.3 * range + 0.5 * p.unit) {
                continue;
            }
            double volume = Candidate.volumeDryUp(p, base, t, from, last, 0.6);
            if (!Double.isNaN(volume) && p.meanVolume(from, last) > 0.9 * p.meanVolume(base, t)) {
                continue; // interest fades in a flag
            }
            Line upper = channel(p, from, last, true);
            Line lower = channel(p, from, last, false);
            PatternPoint a = bullish ? p.lowPoint(base) : p.highPoint(base);
            PatternPoint b = bullish ? p.highPoint(t) : p.lowPoint(t);
            PatternPoint c = lowIndex <= highIndex ? p.lowPoint(lowIndex) : p.highPoint(highIndex);
            PatternPoint d = lowIndex <= highIndex ? p.highPoint(highIndex) : p.lowPoint(lowIndex);
            List<PatternPoint> points = List.of(a, b, c, d, p.closePoint(last));
            Map<String, Double> measurements = new LinkedHashMap<>();
            measurements.put("pole_pct", Candidate.percent(sign * pole));
            measurements.put("flag_range_pct", Candidate.percent(range));
            double quality = Candidate.mean(
                    Candidate.score(pole, 2 * minPole, minPole),
                    Candidate.score(range / pole, 0.15, 0.5),
                    Candidate.score(Math.abs(upper.slope() - lower.slope()) * (last - from + 1) / Math.max(range, 1e-9), 0, 1),
                    volume);
            found.add(new Formation(bullish ? PatternType.BULLISH_FLAG : PatternType.BEARISH_FLAG, quality, points, base, last,
                    upper, lower, pole, Double.NaN, Math.max(0, MAX_FLAG - (last - t)), measurements));
        }
        return found;
    }

    /** The trend line of the bars' highs (lows) over [from, to], moved out to enclose every bar. */
    private static Line channel(Prices p, int from, int to, boolean highs) {
        int m = to - from + 1;
        double mx = 0;
        double my = 0;
        for (int i = from; i <= to; i++) {
            mx += i;
            my += highs ? p.logHigh[i] : p.logLow[i];
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i <= to; i++) {
            double y = highs ? p.logHigh[i] : p.logLow[i];
            sxx += (i - mx) * (i - mx);
            sxy += (i - mx) * (y - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        Line line = new Line(slope, my - slope * mx);
        double offset = 0;
        for (int i = from; i <= to; i++) {
            double y = highs ? p.logHigh[i] : p.logLow[i];
            offset = highs ? Math.max(offset, y - line.at(i)) : Math.min(offset, y - line.at(i));
        }
        return line.shifted(offset);
    }
}
