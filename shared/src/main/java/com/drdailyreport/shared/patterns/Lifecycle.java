package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PatternState;

/**
 * Follows a formation through the bars after it, up to and including bar {@code asOf}:
 * <ul>
 *   <li>before the breakout: a close beyond the breakout side's boundary confirms the pattern (either
 *       side for a symmetrical triangle, which then points the way it broke); a close beyond the opposite
 *       boundary fails it; neither within {@link Formation#maxWait()} bars expires it;</li>
 *   <li>after the breakout: the target is set from the boundary's level on the breakout bar (breakout ±
 *       height, or the formation's fixed target); a high (low) reaching it is {@code target_reached}; a
 *       close back beyond the opposite boundary, frozen at its breakout-bar level, is {@code failed}; neither
 *       within {@link #HORIZON} bars is {@code expired}.</li>
 * </ul>
 * Uses no bar after {@code asOf}: the state as of a date depends only on the bars up to it.
 */
final class Lifecycle {

    /** Bars after the breakout within which the target must be reached. */
    static final int HORIZON = 40;

    private Lifecycle() {
    }

    /**
     * Where a formation stands.
     *
     * @param state         the state as of {@code asOf}
     * @param stateIndex    the bar it entered that state
     * @param breakoutIndex the breakout bar, or −1
     * @param sign          +1 bullish, −1 bearish, 0 not decided (a symmetrical triangle still forming)
     * @param breakoutLevel the breakout level (log): on the breakout bar, or as of {@code asOf} while forming
     *                      (for a symmetrical triangle still forming: NaN)
     * @param target        the target (log), NaN when none applies yet
     * @param stop          the invalidation level (log) as of {@code asOf}, NaN when none applies yet
     */
    record Outcome(PatternState state, int stateIndex, int breakoutIndex, int sign, double breakoutLevel, double target,
                   double stop) {
    }

    static Outcome follow(Prices p, Formation f, int asOf) {
        int sign = f.sign();
        int breakout = -1;
        double breakoutLevel = Double.NaN;
        double target = Double.NaN;
        double stop = Double.NaN;
        for (int i = f.last() + 1; i <= asOf; i++) {
            double c = p.logClose[i];
            if (breakout < 0) {
                boolean up = c > f.upper().at(i);
                boolean down = c < f.lower().at(i);
                if (sign == 0 && (up || down) || sign > 0 && up || sign < 0 && down) {
                    sign = up ? 1 : -1;
                    breakout = i;
                    breakoutLevel = sign > 0 ? f.upper().at(i) : f.lower().at(i);
                    target = targetFrom(f, sign, breakoutLevel);
                    stop = sign > 0 ? f.lower().at(i) : f.upper().at(i);
                    if (reached(p, i, sign, target)) {
                        return new Outcome(PatternState.TARGET_REACHED, i, breakout, sign, breakoutLevel, target, stop);
                    }
                } else if (up || down) {
                    return new Outcome(PatternState.FAILED, i, -1, sign, level(f, sign, i), Double.NaN, Double.NaN);
                } else if (i - f.last() > f.maxWait()) {
                    return new Outcome(PatternState.EXPIRED, i, -1, sign, level(f, sign, i), Double.NaN, Double.NaN);
                }
            } else {
                if (reached(p, i, sign, target)) {
                    return new Outcome(PatternState.TARGET_REACHED, i, breakout, sign, breakoutLevel, target, stop);
                }
                if (sign * (c - stop) < 0) {
                    return new Outcome(PatternState.FAILED, i, breakout, sign, breakoutLevel, target, stop);
                }
                if (i - breakout >= HORIZON) {
                    return new Outcome(PatternState.EXPIRED, i, breakout, sign, breakoutLevel, target, stop);
                }
            }
        }
        if (breakout >= 0) {
            return new Outcome(PatternState.CONFIRMED, breakout, breakout, sign, breakoutLevel, target, stop);
        }
        double level = level(f, sign, asOf);
        return new Outcome(PatternState.FORMING, f.last(), -1, sign, level, sign == 0 ? Double.NaN : targetFrom(f, sign, level),
                sign > 0 ? f.lower().at(asOf) : sign < 0 ? f.upper().at(asOf) : Double.NaN);
    }

    private static double level(Formation f, int sign, int i) {
        return sign > 0 ? f.upper().at(i) : sign < 0 ? f.lower().at(i) : Double.NaN;
    }

    /** Breakout ± height, or the formation's fixed target when that lies beyond the breakout level in the pattern's direction. */
    private static double targetFrom(Formation f, int sign, double breakoutLevel) {
        double fixed = f.fixedTarget();
        return !Double.isNaN(fixed) && sign * (fixed - breakoutLevel) > 0 ? fixed : breakoutLevel + sign * f.height();
    }

    private static boolean reached(Prices p, int i, int sign, double target) {
        return sign > 0 ? p.logHigh[i] >= target : p.logLow[i] <= target;
    }
}
