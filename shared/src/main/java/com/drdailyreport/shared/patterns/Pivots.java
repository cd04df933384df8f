package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.analysis.BarSeriesFactory;
import java.util.ArrayList;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.indicators.zigzag.ZigZagState;
import org.ta4j.core.indicators.zigzag.ZigZagStateIndicator;
import org.ta4j.core.indicators.zigzag.ZigZagTrend;
import org.ta4j.core.num.Num;

/**
 * Alternating swing highs and lows from ta4j's ZigZag, run on ln(close) with a reversal
 * threshold in log units — a move of that fraction confirms a swing, whatever the price level.
 * Each confirmed extreme is then placed on the bar with the highest high (or lowest low) next to
 * it, and the still-unconfirmed last extreme is appended, so patterns forming now are seen.
 */
final class Pivots {

    /** Bars of history a swing needs on its left before it counts as confirmed. */
    static final int LEFT_CONTEXT = 5;

    private Pivots() {
    }

    static List<Pivot> of(Prices p, BarSeries series, double reversal) {
        List<Pivot> raw = new ArrayList<>();
        if (p.n < 3) {
            return raw;
        }
        ZigZagStateIndicator zigzag = new ZigZagStateIndicator(new LogClose(series, p), reversal);
        ZigZagTrend trend = ZigZagTrend.UNDEFINED;
        ZigZagState state = null;
        for (int i = 0; i < p.n; i++) {
            ZigZagState next = zigzag.getValue(i);
            if (next == null) {
                continue;
            }
            ZigZagTrend nextTrend = next.getTrend();
            if (state != null && trend != ZigZagTrend.UNDEFINED && nextTrend != trend && state.getLastExtremeIndex() >= 0) {
                // the trend turned: the previous leg's running extreme is a confirmed swing
                raw.add(new Pivot(state.getLastExtremeIndex(), trend == ZigZagTrend.UP, 0, true));
            }
            if (trend == ZigZagTrend.UNDEFINED && nextTrend != ZigZagTrend.UNDEFINED) {
                // the first leg starts from the opposite extreme: a boundary of the data, not a proven swing
                boolean up = nextTrend == ZigZagTrend.UP;
                raw.add(new Pivot(up ? lowestIndex(p, 0, i) : highestIndex(p, 0, i), !up, 0, false));
            }
            trend = nextTrend;
            state = next;
        }
        if (state != null && trend != ZigZagTrend.UNDEFINED && state.getLastExtremeIndex() >= 0) {
            // the current leg's extreme, not confirmed yet: patterns forming now end here
            int last = state.getLastExtremeIndex();
            if (raw.isEmpty() || raw.getLast().index() != last) {
                raw.add(new Pivot(last, trend == ZigZagTrend.UP, 0, false));
            }
        }
        return refine(p, raw);
    }

    /** Moves each pivot to the most extreme bar within two bars of it (not past its neighbours) and records its log price. */
    private static List<Pivot> refine(Prices p, List<Pivot> raw) {
        List<Pivot> out = new ArrayList<>(raw.size());
        for (int k = 0; k < raw.size(); k++) {
            Pivot pivot = raw.get(k);
            int from = Math.max(k == 0 ? 0 : raw.get(k - 1).index() + 1, pivot.index() - 2);
            int to = Math.min(k == raw.size() - 1 ? p.n - 1 : raw.get(k + 1).index() - 1, pivot.index() + 2);
            from = Math.min(from, pivot.index());
            to = Math.max(to, pivot.index());
            int at = pivot.high() ? p.highest(from, to) : p.lowest(from, to);
            // a swing in the first bars has no visible left side: it cannot anchor a pattern
            Pivot refined = new Pivot(at, pivot.high(), pivot.high() ? p.logHigh[at] : p.logLow[at],
                    pivot.confirmed() && at >= LEFT_CONTEXT);
            if (!out.isEmpty() && out.getLast().high() == refined.high()) {
                // never two highs (or lows) in a row: keep the more extreme
                Pivot prev = out.getLast();
                boolean replace = refined.high() ? refined.log() > prev.log() : refined.log() < prev.log();
                if (replace) {
                    out.set(out.size() - 1, refined);
                }
                continue;
            }
            if (!out.isEmpty() && out.getLast().index() >= refined.index()) {
                continue;
            }
            out.add(refined);
        }
        return out;
    }

    private static int lowestIndex(Prices p, int from, int to) {
        return p.lowest(from, to);
    }

    private static int highestIndex(Prices p, int from, int to) {
        return p.highest(from, to);
    }

    /** ln(close) as a ta4j indicator, so the ZigZag's reversal amount is a relative move. */
    private static final class LogClose extends CachedIndicator<Num> {
        private final Prices prices;

        LogClose(BarSeries series, Prices prices) {
            super(series);
            this.prices = prices;
        }

        @Override
        protected Num calculate(int index) {
            return getBarSeries().numFactory().numOf(prices.logClose[index]);
        }

        @Override
        public int getCountOfUnstableBars() {
            return 0;
        }
    }
}
