package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a published pattern against the bars with nothing but what a client sees — its points,
 * measurements, state and dates — the way a trader reading the chart would, written apart from the
 * detector:
 * <ul>
 *   <li>structure of triangles and wedges: each line touched at least twice, swings close to their
 *       least-squares line, converging lines, 15–120 bars, a first leg no more than 1.5 × the largest
 *       later one, no close outside the lines inside the pattern;</li>
 *   <li>every target within 30 % of its breakout level; no target for a symmetrical triangle before
 *       it breaks out;</li>
 *   <li>the lifecycle: the boundaries rebuilt from the points, the state and its date recomputed from
 *       the closes after the formation, and compared with what was published.</li>
 * </ul>
 */
final class PatternAudit {

    private PatternAudit() {
    }

    /** The structural rules the pattern breaks (empty when none). */
    static List<String> violations(PriceHistory h, ChartPattern p) {
        List<String> out = new ArrayList<>();
        Double target = p.measurements().get("target");
        Double breakout = p.measurements().get("breakout_level");
        if (target != null && breakout != null && Math.abs(target / breakout - 1) > 0.30 + 1e-9) {
            out.add("target " + target + " is more than 30 % from the breakout level " + breakout);
        }
        if (p.type() == PatternType.SYMMETRICAL_TRIANGLE && p.state() == PatternState.FORMING && target != null) {
            out.add("a symmetrical triangle has a target before it broke out");
        }
        String family = p.type().family();
        if (family.equals("triangle") || family.equals("wedge")) {
            Shape s = new Shape(h, p);
            List<double[]> highs = s.swings(true);
            List<double[]> lows = s.swings(false);
            if (highs.size() < 2 || lows.size() < 2) {
                out.add("a line touched fewer than twice (" + highs.size() + " highs, " + lows.size() + " lows)");
                return out;
            }
            double[] upper = fit(highs);
            double[] lower = fit(lows);
            int first = s.index[0];
            int last = s.index[s.formationPoints - 1];
            double open = at(upper, first) - at(lower, first);
            double close = at(upper, last) - at(lower, last);
            if (last - first < 15 || last - first > 120) {
                out.add("lasts " + (last - first) + " bars (15–120)");
            }
            if (!(close > 0 && close < open)) {
                out.add("lines do not converge (width " + open + " → " + close + ")");
            }
            double worst = Math.max(residual(upper, highs), residual(lower, lows));
            if (worst > 0.15 * open + 1e-9) {
                out.add("a swing lies " + worst + " from its line (more than 15 % of the width " + open + ")");
            }
            double firstLeg = Math.abs(s.log[1] - s.log[0]);
            double later = 0;
            for (int i = 2; i < s.formationPoints; i++) {
                later = Math.max(later, Math.abs(s.log[i] - s.log[i - 1]));
            }
            if (firstLeg > 1.5 * later + 1e-12) {
                out.add("first leg " + firstLeg + " > 1.5 × the largest later leg " + later + " (anchored on the trend into it)");
            }
            for (int i = first; i <= last; i++) {
                double c = Math.log(h.bars().get(i).close());
                double slack = 0.05 * (at(upper, i) - at(lower, i));
                if (c > at(upper, i) + slack || c < at(lower, i) - slack) {
                    out.add("close on " + h.bars().get(i).date() + " outside the lines inside the pattern");
                    break;
                }
            }
        }
        return out;
    }

    /** Two triangles/wedges over overlapping dates in one report: the same swings labelled twice. */
    static int overlappingLabels(List<ChartPattern> report) {
        int count = 0;
        for (int i = 0; i < report.size(); i++) {
            for (int j = i + 1; j < report.size(); j++) {
                ChartPattern a = report.get(i);
                ChartPattern b = report.get(j);
                if (isLineFamily(a) && isLineFamily(b) && !a.start().isAfter(b.end()) && !b.start().isAfter(a.end())) {
                    count++;
                }
            }
        }
        return count;
    }

    /** Whether one report shows a bullish and a bearish pattern over overlapping dates, or both as live signals. */
    static boolean contradictory(List<ChartPattern> report) {
        for (ChartPattern a : report) {
            for (ChartPattern b : report) {
                if (a.direction() == PatternType.Direction.BULLISH && b.direction() == PatternType.Direction.BEARISH
                        && (a.live() && b.live() || !a.start().isAfter(b.end()) && !b.start().isAfter(a.end()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLineFamily(ChartPattern p) {
        return p.type().family().equals("triangle") || p.type().family().equals("wedge");
    }

    /**
     * The state and state date the bars say the pattern is in, from its points alone; null when the
     * published one agrees, else what differs.
     */
    static String lifecycleMismatch(PriceHistory h, ChartPattern p) {
        Shape s = new Shape(h, p);
        Bounds b = Bounds.of(h, p, s);
        if (b == null) {
            return null;
        }
        int sign = b.sign;
        int formationEnd = s.index[s.formationPoints - 1];
        int breakout = -1;
        double target = Double.NaN;
        double stop = Double.NaN;
        PatternState state = PatternState.FORMING;
        int stateIndex = formationEnd;
        for (int i = formationEnd + 1; i < h.size() && state.live(); i++) {
            Bar bar = h.bars().get(i);
            double c = Math.log(bar.close());
            if (breakout < 0) {
                boolean up = c > b.upper(i);
                boolean down = c < b.lower(i);
                if (sign == 0 && (up || down) || sign > 0 && up || sign < 0 && down) {
                    sign = up ? 1 : -1;
                    breakout = i;
                    double level = sign > 0 ? b.upper(i) : b.lower(i);
                    target = !Double.isNaN(b.fixedTarget) && sign * (b.fixedTarget - level) > 0 ? b.fixedTarget : level + sign * b.height;
                    stop = sign > 0 ? b.lower(i) : b.upper(i);
                    state = PatternState.CONFIRMED;
                    stateIndex = i;
                    if (sign > 0 ? Math.log(bar.high()) >= target : Math.log(bar.low()) <= target) {
                        state = PatternState.TARGET_REACHED;
                    }
                } else if (up || down) {
                    state = PatternState.FAILED;
                    stateIndex = i;
                } else if (i - formationEnd > b.maxWait) {
                    state = PatternState.EXPIRED;
                    stateIndex = i;
                }
            } else if (sign > 0 ? Math.log(bar.high()) >= target : Math.log(bar.low()) <= target) {
                state = PatternState.TARGET_REACHED;
                stateIndex = i;
            } else if (sign * (c - stop) < 0) {
                state = PatternState.FAILED;
                stateIndex = i;
            } else if (i - breakout >= Lifecycle.HORIZON) {
                state = PatternState.EXPIRED;
                stateIndex = i;
            }
        }
        LocalDate date = h.bars().get(stateIndex).date();
        if (state != p.state() || !date.equals(p.stateDate())) {
            return p.type().wireName() + " from " + p.start() + ": published " + p.state().wireName() + " since " + p.stateDate()
                    + ", the bars say " + state.wireName() + " since " + date;
        }
        return null;
    }

    /** The points as bar indices and log prices; the breakout close (a confirmed pattern's last point) left out. */
    private static final class Shape {
        final int[] index;
        final double[] log;
        final boolean[] high;
        final int formationPoints;

        Shape(PriceHistory h, ChartPattern p) {
            Map<LocalDate, Integer> byDate = new HashMap<>();
            for (int i = 0; i < h.size(); i++) {
                byDate.put(h.bars().get(i).date(), i);
            }
            List<PatternPoint> points = new ArrayList<>(p.points().values());
            boolean brokeOut = Double.valueOf(1.0).equals(p.measurements().get("confirmed"));
            formationPoints = brokeOut ? points.size() - 1 : points.size();
            index = new int[points.size()];
            log = new double[points.size()];
            high = new boolean[points.size()];
            for (int i = 0; i < points.size(); i++) {
                index[i] = byDate.get(points.get(i).date());
                log[i] = Math.log(points.get(i).price());
            }
            for (int i = 0; i < formationPoints; i++) {
                double neighbour = i + 1 < formationPoints ? log[i + 1] : log[i - 1];
                high[i] = log[i] > neighbour;
            }
        }

        List<double[]> swings(boolean highs) {
            List<double[]> out = new ArrayList<>();
            for (int i = 0; i < formationPoints; i++) {
                if (high[i] == highs) {
                    out.add(new double[] {index[i], log[i]});
                }
            }
            return out;
        }
    }

    /** The pattern's boundaries, target rule and waiting time, rebuilt from its points per type. */
    private static final class Bounds {
        double[] upper;
        double[] lower;
        int sign;
        double height;
        double fixedTarget = Double.NaN;
        int maxWait;

        double upper(int i) {
            return at(upper, i);
        }

        double lower(int i) {
            return at(lower, i);
        }

        static Bounds of(PriceHistory h, ChartPattern p, Shape s) {
            Bounds b = new Bounds();
            double[] l = s.log;
            int[] x = s.index;
            b.sign = switch (p.type().direction()) {
                case BULLISH -> 1;
                case BEARISH -> -1;
                case NEUTRAL -> 0;
            };
            switch (p.type()) {
                case DOUBLE_TOP, DOUBLE_BOTTOM -> {
                    boolean top = p.type() == PatternType.DOUBLE_TOP;
                    double extreme = top ? Math.max(l[0], l[2]) : Math.min(l[0], l[2]);
                    b.upper = flat(top ? extreme : l[1]);
                    b.lower = flat(top ? l[1] : extreme);
                    b.height = Math.abs(extreme - l[1]);
                    b.maxWait = Math.min(40, x[2] - x[0]);
                }
                case HEAD_SHOULDERS, INVERSE_HEAD_SHOULDERS -> {
                    boolean top = p.type() == PatternType.HEAD_SHOULDERS;
                    double[] neck = line(x[1], l[1], x[3], l[3]);
                    b.upper = top ? flat(l[4]) : neck;
                    b.lower = top ? neck : flat(l[4]);
                    b.height = Math.abs(l[2] - at(neck, x[2]));
                    b.maxWait = Math.min(40, (x[4] - x[0]) / 2 + 5);
                }
                case ASCENDING_TRIANGLE, DESCENDING_TRIANGLE, SYMMETRICAL_TRIANGLE, RISING_WEDGE, FALLING_WEDGE -> {
                    b.upper = fit(s.swings(true));
                    b.lower = fit(s.swings(false));
                    int first = x[0];
                    int last = x[s.formationPoints - 1];
                    b.height = at(b.upper, first) - at(b.lower, first);
                    if (p.type() == PatternType.RISING_WEDGE) {
                        b.fixedTarget = at(b.lower, first);
                    } else if (p.type() == PatternType.FALLING_WEDGE) {
                        b.fixedTarget = at(b.upper, first);
                    }
                    double apex = (b.lower[1] - b.upper[1]) / (b.upper[0] - b.lower[0]);
                    b.maxWait = (int) Math.max(3, Math.min(last - first, Math.floor(apex) - last));
                }
                case BULLISH_FLAG, BEARISH_FLAG -> {
                    int tip = x[1];
                    int last = x[4];
                    b.upper = channel(h, tip + 1, last, true);
                    b.lower = channel(h, tip + 1, last, false);
                    b.height = Math.abs(l[1] - l[0]);
                    b.maxWait = Math.max(0, FlagDetector.MAX_FLAG - (last - tip));
                }
                case CUP_HANDLE -> {
                    b.upper = flat(Math.max(l[0], l[2]));
                    b.lower = flat(l[3]);
                    b.height = Math.min(l[0], l[2]) - l[1];
                    b.maxWait = Math.max(0, CupHandleDetector.MAX_HANDLE - (x[4] - x[2]));
                }
                case VCP -> {
                    double top = Double.NEGATIVE_INFINITY;
                    for (int i = 0; i < s.formationPoints; i += 2) {
                        top = Math.max(top, l[i]);
                    }
                    b.upper = flat(top);
                    b.lower = flat(l[s.formationPoints - 1]);
                    b.height = l[0] - l[1];
                    b.maxWait = VcpDetector.MAX_WAIT;
                }
                default -> {
                    return null;
                }
            }
            return b;
        }
    }

    private static double[] flat(double level) {
        return new double[] {0, level};
    }

    private static double[] line(int x1, double y1, int x2, double y2) {
        double slope = (y2 - y1) / (x2 - x1);
        return new double[] {slope, y1 - slope * x1};
    }

    private static double at(double[] line, int i) {
        return line[1] + line[0] * i;
    }

    /** {slope, intercept} of the least-squares line through {x, y} pairs. */
    private static double[] fit(List<double[]> xy) {
        double mx = 0;
        double my = 0;
        for (double[] p : xy) {
            mx += p[0];
            my += p[1];
        }
        mx /= xy.size();
        my /= xy.size();
        double sxx = 0;
        double sxy = 0;
        for (double[] p : xy) {
            sxx += (p[0] - mx) * (p[0] - mx);
            sxy += (p[0] - mx) * (p[1] - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {slope, my - slope * mx};
    }

    private static double residual(double[] line, List<double[]> xy) {
        double worst = 0;
        for (double[] p : xy) {
            worst = Math.max(worst, Math.abs(p[1] - at(line, (int) p[0])));
        }
        return worst;
    }

    /** A flag's channel: the least-squares line of its highs (lows), moved out to enclose every bar. */
    private static double[] channel(PriceHistory h, int from, int to, boolean highs) {
        List<double[]> xy = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            Bar bar = h.bars().get(i);
            xy.add(new double[] {i, Math.log(highs ? bar.high() : bar.low())});
        }
        double[] line = fit(xy);
        double offset = 0;
        for (double[] p : xy) {
            offset = highs ? Math.max(offset, p[1] - at(line, (int) p[0])) : Math.min(offset, p[1] - at(line, (int) p[0]));
        }
        return new double[] {line[0], line[1] + offset};
    }
}
