package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import java.util.List;
import java.util.Map;

/**
 * A completed formation as a detector found it, before its lifecycle is followed through the bars
 * after it.
 *
 * @param type         the pattern
 * @param quality      how well it fits its template, 0–1 (the mean of the detector's scores)
 * @param points       the anchors in drawing order (named A, B, C… when published)
 * @param first        bar index of the first anchor
 * @param last         bar index at which the formation is complete; its lifecycle starts on the next bar
 * @param upper        the upper boundary (resistance: the breakout side of a bullish pattern)
 * @param lower        the lower boundary (support: the breakout side of a bearish pattern)
 * @param height       the measured move in log units, added to the breakout level for the target
 * @param fixedTarget  a target level (log) that replaces breakout ± height (wedges return to their start), or NaN
 * @param maxWait      bars after {@code last} within which the breakout must come, else the pattern expires
 * @param measurements shape measurements (percentages, counts) published with the pattern
 */
record Formation(PatternType type, double quality, List<PatternPoint> points, int first, int last, Line upper, Line lower,
                 double height, double fixedTarget, int maxWait, Map<String, Double> measurements) {

    /** +1 bullish, −1 bearish, 0 for a pattern that may break either way (symmetrical triangle). */
    int sign() {
        return switch (type.direction()) {
            case BULLISH -> 1;
            case BEARISH -> -1;
            case NEUTRAL -> 0;
        };
    }
}
