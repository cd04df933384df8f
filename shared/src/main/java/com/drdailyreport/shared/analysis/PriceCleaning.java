package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The bad-tick guard: finds one-bar spikes that revert — a close ×100 or ÷100 and back the next
 * day, a high or low a hundred times away from every price around it — and replaces them, so that
 * neither the indicators nor the chart patterns see a move that did not happen. The one entry
 * point is {@link #clean(PriceHistory)}, for every consumer of prices: the report calls it before
 * any indicator and lists what it changed; the pattern detector is meant to call the same entry.
 *
 * <p>The rule is relative to the series' own moves, so it does not depend on the price scale and
 * adapts to calm and wild series alike. With m = the median absolute daily log move (zero moves
 * left out) and T = max({@value #SPIKE_MULTIPLE} × m, ln {@value #MIN_SPIKE_FACTOR}):
 * <ul>
 *   <li><b>close spike</b>: bar i (not the first, not the last) whose log move in, ln(c[i]/c[i−1]),
 *       and out, ln(c[i+1]/c[i]), both exceed T in size, have opposite signs and cancel to within
 *       {@value #REVERSAL_TOLERANCE} of the smaller one (|in + out| ≤ 0.25 × min(|in|, |out|)).
 *       The bar is replaced by a neutral one: the previous close carried as open, high, low and
 *       close, its volume kept. Its date stays (the chart and the patterns keep the calendar) and
 *       it contributes no move, no range; the next bar's move is then the real two-day move.
 *       Carrying rather than interpolating uses nothing from the next bar.</li>
 *   <li><b>wick spike</b>: a high (low) above (below) the previous close, the open and the close
 *       of its bar by more than T<sub>w</sub> = max({@value #WICK_MULTIPLE} × the median daily
 *       range ln(high/low), ln {@value #MIN_SPIKE_FACTOR}) — the price went there and came back
 *       within the bar; the same for an open away from both closes around it. The high (low) is
 *       cut back to the bar's body, the open to the nearer close. The multiple is larger than for
 *       closes because real intraday excursions are wilder than closes (a 2 %-range stock needs a
 *       40 % wick); a decimal slip (×10, ×100) is far beyond either.</li>
 * </ul>
 * A series with fewer than {@value #MIN_MOVES} non-zero moves has no scale to judge by and is
 * left alone. The last bar's close cannot be judged (nothing after it shows a reversal) and the
 * first bar's has nothing before it; both are kept.
 *
 * <p>A real ten-median-move day that fully reverses the next day is rare enough (for a stock
 * moving 1 % a day, +15 % then −15 %) that flagging it, visibly, costs less than letting a decimal
 * slip through. Splits are not this class's business: the price source adjusts for them
 * ({@code YahooChartClient} uses Yahoo's split events), because a split does not revert.
 */
public final class PriceCleaning {

    /** T in multiples of the series' median absolute daily move. */
    static final double SPIKE_MULTIPLE = 10;
    /** T<sub>w</sub> in multiples of the series' median daily range. */
    static final double WICK_MULTIPLE = 20;
    /** T is at least ln of this factor (a 15 % move), so a very calm series keeps its ordinary jumps. */
    static final double MIN_SPIKE_FACTOR = 1.15;
    /** How closely the move out must cancel the move in, relative to the smaller of the two. */
    static final double REVERSAL_TOLERANCE = 0.25;
    /** Fewest non-zero moves that give a scale. */
    static final int MIN_MOVES = 10;

    private PriceCleaning() {
    }

    /**
     * One changed bar.
     *
     * @param kind   {@code close_spike} or {@code wick_spike}
     * @param reason what was wrong and what replaced it, in English
     */
    public record Flag(LocalDate date, String kind, Bar original, Bar replacement, String reason) {
    }

    /**
     * The cleaned history (same symbol, same dates) and what changed, oldest first.
     */
    public record Cleaned(PriceHistory history, List<Flag> flags) {

        public Cleaned {
            flags = List.copyOf(flags);
        }

        public boolean changed() {
            return !flags.isEmpty();
        }

        public List<LocalDate> flaggedDates() {
            return flags.stream().map(Flag::date).toList();
        }
    }

    /** Finds and replaces the one-bar spikes of {@code history}; deterministic, never throws for a valid history. */
    public static Cleaned clean(PriceHistory history) {
        List<Bar> bars = new ArrayList<>(history.bars());
        int n = bars.size();
        double moveScale = median(moves(bars));
        if (Double.isNaN(moveScale)) {
            return new Cleaned(history, List.of());
        }
        double threshold = Math.max(SPIKE_MULTIPLE * moveScale, Math.log(MIN_SPIKE_FACTOR));
        List<Flag> flags = new ArrayList<>();

        for (int i = 1; i < n - 1; i++) {
            double before = bars.get(i - 1).close();
            Bar bar = bars.get(i);
            double after = bars.get(i + 1).close();
            double in = Math.log(bar.close() / before);
            double out = Math.log(after / bar.close());
            if (Math.abs(in) > threshold && Math.abs(out) > threshold && Math.signum(in) != Math.signum(out)
                    && Math.abs(in + out) <= REVERSAL_TOLERANCE * Math.min(Math.abs(in), Math.abs(out))) {
                Bar neutral = new Bar(bar.date(), before, before, before, before, bar.volume());
                flags.add(new Flag(bar.date(), "close_spike", bar, neutral, String.format(Locale.ROOT,
                        "close %s is ×%s the closes around it (%s before, %s after) and reverted the next day;"
                                + " replaced by the previous close", price(bar.close()), factor(bar.close() / before),
                        price(before), price(after))));
                bars.set(i, neutral);
            }
        }

        double rangeScale = median(ranges(bars));
        double wickThreshold = Math.max(WICK_MULTIPLE * (Double.isNaN(rangeScale) ? moveScale : rangeScale), Math.log(MIN_SPIKE_FACTOR));
        for (int i = 0; i < n; i++) {
            Bar bar = bars.get(i);
            double previous = i > 0 ? bars.get(i - 1).close() : bar.close();
            double close = bar.close();
            double open = bar.open();
            List<String> what = new ArrayList<>();
            double lowClose = Math.min(previous, close);
            double highClose = Math.max(previous, close);
            if (Math.log(open / highClose) > wickThreshold || Math.log(lowClose / open) > wickThreshold) {
                double fixed = open > highClose ? highClose : lowClose;
                what.add("open " + price(open) + " → " + price(fixed));
                open = fixed;
            }
            double high = bar.high();
            double low = bar.low();
            if (Math.log(high / Math.max(highClose, open)) > wickThreshold) {
                double fixed = Math.max(open, close);
                what.add("high " + price(high) + " → " + price(fixed));
                high = fixed;
            }
            if (Math.log(Math.min(lowClose, open) / low) > wickThreshold) {
                double fixed = Math.min(open, close);
                what.add("low " + price(low) + " → " + price(fixed));
                low = fixed;
            }
            if (!what.isEmpty()) {
                Bar fixed = new Bar(bar.date(), open, Math.max(high, Math.max(open, close)), Math.min(low, Math.min(open, close)), close,
                        bar.volume());
                flags.add(new Flag(bar.date(), "wick_spike", bar, fixed, String.join(", ", what)
                        + ": beyond every close and open around it by more than " + WICK_MULTIPLE_TEXT + " typical daily ranges and back"
                        + " within the bar; cut back to the bar's body"));
                bars.set(i, fixed);
            }
        }
        if (flags.isEmpty()) {
            return new Cleaned(history, List.of());
        }
        flags.sort(java.util.Comparator.comparing(Flag::date));
        return new Cleaned(new PriceHistory(history.symbol(), bars), flags);
    }

    private static final String WICK_MULTIPLE_TEXT = String.format(Locale.ROOT, "%.0f", WICK_MULTIPLE);

    /** |ln(c[i]/c[i−1])| of every non-zero move. */
    private static double[] moves(List<Bar> bars) {
        double[] out = new double[Math.max(0, bars.size() - 1)];
        int count = 0;
        for (int i = 1; i < bars.size(); i++) {
            double move = Math.abs(Math.log(bars.get(i).close() / bars.get(i - 1).close()));
            if (move > 0) {
                out[count++] = move;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** ln(high/low) of every bar with a range. */
    private static double[] ranges(List<Bar> bars) {
        double[] out = new double[bars.size()];
        int count = 0;
        for (Bar bar : bars) {
            double range = Math.log(bar.high() / bar.low());
            if (range > 0) {
                out[count++] = range;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** Median of at least {@value #MIN_MOVES} values, else NaN. */
    private static double median(double[] values) {
        if (values.length < MIN_MOVES) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String price(double value) {
        return TechnicalAssessment.fmt(value);
    }

    private static String factor(double ratio) {
        return ratio >= 1 ? String.format(Locale.ROOT, "%.3g", ratio) : String.format(Locale.ROOT, "1/%.3g", 1 / ratio);
    }
}
