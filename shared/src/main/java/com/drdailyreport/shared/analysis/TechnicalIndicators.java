package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator of a report, computed once per ticker over the whole history it is given and
 * kept as plain arrays (one value per bar; NaN where the indicator is not published — too few
 * bars, or undefined). Periods are the conventional ones: SMA 20/50/200, RSI 14, MACD 12/26/9,
 * Bollinger 20 ± 2σ, ATR 14, a 20-day VWAP, volume against its 20-day average, and 30/90-day
 * volatility.
 *
 * <p>Conventions, each checked against R's TTR in {@code TechnicalIndicatorsTest}:
 * <ul>
 *   <li>ta4j computes what it does exactly: the SMAs, Bollinger (population σ, as TTR's
 *       {@code BBands} and TA-Lib's {@code BBANDS}), the VWAP of the typical price, the volume average.</li>
 *   <li>RSI and ATR use Wilder's smoothing seeded with the mean of the first 14 changes / true
 *       ranges, and the MACD's EMAs are seeded with the SMA of their first values — as TTR and
 *       TA-Lib do (ta4j seeds them with one value, which makes its first ~3 × period values
 *       differ). Computed here, so every value is the textbook value of the history given, and
 *       causal: a value never changes when later bars are added.</li>
 *   <li>Even exact, a recursive average started at the first bar of a truncated history differs
 *       from one started years earlier, by the seed's remaining weight. So RSI and ATR are published
 *       from {@value #RSI_BARS} bars (3 × 14), when the seed weighs (13/14)^27 ≈ e^−2 ≈ 0.135, and
 *       the MACD, its signal and histogram from {@value #MACD_BARS} bars (slow 26 + signal 9 + a
 *       margin of 17), when the slow EMA's seed weighs the same (25/27)^26 ≈ e^−2 and the signal's
 *       0.8^18 ≈ 0.02 ({@code IndicatorSurvey} measures what that leaves).</li>
 *   <li>RSI is undefined when the price has not changed over its last 14 bars (no move to measure).</li>
 *   <li>Volatility is the sample standard deviation (n − 1) of daily simple returns, annualised
 *       with √252, in percent — the industry convention (TTR {@code runSD(sample = TRUE)}).</li>
 * </ul>
 */
final class TechnicalIndicators {

    static final int TRADING_DAYS_PER_YEAR = 252;
    static final int RSI_PERIOD = 14;
    static final int ATR_PERIOD = 14;
    static final int MACD_FAST = 12;
    static final int MACD_SLOW = 26;
    static final int MACD_SIGNAL = 9;
    /** Bars before RSI is published: three periods. */
    static final int RSI_BARS = 3 * RSI_PERIOD;
    /** Bars before ATR is published: three periods. */
    static final int ATR_BARS = 3 * ATR_PERIOD;
    /** Bars before MACD, signal and histogram are published: slow + signal + 17 (the slow seed then weighs e^−2, as RSI's at 3 × 14). */
    static final int MACD_BARS = MACD_SLOW + MACD_SIGNAL + 17;
    /** Bars behind an n-day volatility: n returns. */
    static final int VOLATILITY_30_BARS = 31;
    static final int VOLATILITY_90_BARS = 91;
    /** Fewest valid daily values a percentile is ranked among. */
    static final int MIN_PERCENTILE_VALUES = 60;
    /** A series whose close has not changed over this many bars is flat (halted when its volume is also zero). */
    static final int FLAT_BARS = RSI_PERIOD;

    final PriceHistory history;
    final int size;
    final double[] close;
    final double[] sma20;
    final double[] sma50;
    final double[] sma200;
    final double[] rsi14;
    final double[] macd;
    final double[] macdSignal;
    final double[] macdHistogram;
    final double[] bollingerUpper;
    final double[] bollingerMiddle;
    final double[] bollingerLower;
    final double[] percentB;
    final double[] atr14;
    final double[] atrPercent;
    final double[] vwap20;
    final double[] priceVsVwapPercent;
    final double[] volumeSma20;
    final double[] volumeRatio;
    final double[] volatility30;
    final double[] volatility90;
    /** Trailing bars whose close equals the close before (0 when the last bar moved). */
    final int unchangedBars;
    /** Trailing bars with zero volume. */
    final int zeroVolumeBars;

    TechnicalIndicators(PriceHistory history) {
        this.history = history;
        this.size = history.size();
        BarSeries series = BarSeriesFactory.of(history);
        ClosePriceIndicator closes = new ClosePriceIndicator(series);
        close = history.bars().stream().mapToDouble(Bar::close).toArray();
        double[] high = history.bars().stream().mapToDouble(Bar::high).toArray();
        double[] low = history.bars().stream().mapToDouble(Bar::low).toArray();
        sma20 = values(new SMAIndicator(closes, 20));
        sma50 = values(new SMAIndicator(closes, 50));
        sma200 = values(new SMAIndicator(closes, 200));

        rsi14 = publishedFrom(wilderRsi(close, RSI_PERIOD), RSI_BARS);
        for (int i = 0; i < size; i++) {
            if (i >= FLAT_BARS && close[i] == close[i - FLAT_BARS] && unchangedOver(i, FLAT_BARS)) {
                rsi14[i] = Double.NaN;
            }
        }
        double[] fast = ema(close, MACD_FAST);
        double[] slow = ema(close, MACD_SLOW);
        double[] line = difference(fast, slow);
        double[] signal = ema(line, MACD_SIGNAL);
        macd = publishedFrom(line, MACD_BARS);
        macdSignal = publishedFrom(signal, MACD_BARS);
        macdHistogram = publishedFrom(difference(line, signal), MACD_BARS);

        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(closes, 20));
        StandardDeviationIndicator deviation = new StandardDeviationIndicator(closes, 20);
        bollingerMiddle = values(middle, 19);
        bollingerUpper = values(new BollingerBandsUpperIndicator(middle, deviation), 19);
        bollingerLower = values(new BollingerBandsLowerIndicator(middle, deviation), 19);
        percentB = new double[size];
        for (int i = 0; i < size; i++) {
            double width = bollingerUpper[i] - bollingerLower[i];
            percentB[i] = width > 0 ? (close[i] - bollingerLower[i]) / width : Double.NaN;
        }
        atr14 = publishedFrom(wilderAtr(high, low, close, ATR_PERIOD), ATR_BARS);
        atrPercent = ratioPercent(atr14, close);
        vwap20 = values(new VWAPIndicator(series, 20), 19);
        priceVsVwapPercent = new double[size];
        for (int i = 0; i < size; i++) {
            priceVsVwapPercent[i] = vwap20[i] > 0 ? (close[i] - vwap20[i]) / vwap20[i] * 100 : Double.NaN;
        }
        VolumeIndicator volume = new VolumeIndicator(series);
        volumeSma20 = values(new SMAIndicator(volume, 20));
        volumeRatio = new double[size];
        for (int i = 0; i < size; i++) {
            volumeRatio[i] = volumeSma20[i] > 0 ? history.bars().get(i).volume() / volumeSma20[i] : Double.NaN;
        }
        volatility30 = annualisedSampleVolatility(close, 30);
        volatility90 = annualisedSampleVolatility(close, 90);

        int unchanged = 0;
        while (unchanged < size - 1 && close[size - 1 - unchanged] == close[size - 2 - unchanged]) {
            unchanged++;
        }
        unchangedBars = unchanged;
        int silent = 0;
        while (silent < size && history.bars().get(size - 1 - silent).volume() == 0) {
            silent++;
        }
        zeroVolumeBars = silent;
    }

    int last() {
        return size - 1;
    }

    LocalDate date(int index) {
        return history.bars().get(index).date();
    }

    List<Bar> bars() {
        return history.bars();
    }

    /** True when the close has not changed over the last {@value #FLAT_BARS} bars. */
    boolean flat() {
        return unchangedBars >= FLAT_BARS;
    }

    /** Flat and without volume over the same bars: trading appears halted. */
    boolean halted() {
        return flat() && zeroVolumeBars >= FLAT_BARS;
    }

    /** The first bar of the trailing run of unchanged closes (the last bar that moved). */
    LocalDate unchangedSince() {
        return date(last() - unchangedBars);
    }

    private boolean unchangedOver(int index, int bars) {
        for (int k = index - bars + 1; k <= index; k++) {
            if (close[k] != close[k - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Return in percent from {@code bars} bars back to the last bar; NaN without enough history. */
    double returnPercent(int bars) {
        int from = last() - bars;
        return from < 0 ? Double.NaN : (close[last()] / close[from] - 1) * 100;
    }

    /** Return in percent since the last close of the previous calendar year; NaN when the history starts this year. */
    double yearToDatePercent() {
        int year = date(last()).getYear();
        for (int i = last(); i >= 0; i--) {
            if (date(i).getYear() < year) {
                return (close[last()] / close[i] - 1) * 100;
            }
        }
        return Double.NaN;
    }

    /**
     * The largest peak-to-trough fall of the close, in percent (a negative number or 0), over the
     * last {@code bars} bars (ta4j's drawdown criteria need a trading record; this is the same
     * definition on the closes).
     */
    double maxDrawdownPercent(int bars) {
        int from = Math.max(0, size - bars);
        double peak = close[from];
        double worst = 0;
        for (int i = from; i < size; i++) {
            peak = Math.max(peak, close[i]);
            worst = Math.min(worst, close[i] / peak - 1);
        }
        return worst * 100;
    }

    /**
     * Wilder's RSI: average gain and loss seeded with the mean of the first {@code period}
     * changes (value from index {@code period}), then {@code avg = (avg × (period − 1) + x) / period};
     * RSI = 100 × gain / (gain + loss), NaN when both are 0.
     */
    static double[] wilderRsi(double[] close, int period) {
        double[] out = nan(close.length);
        if (close.length <= period) {
            return out;
        }
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= period; i++) {
            double change = close[i] - close[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= period;
        loss /= period;
        for (int i = period; i < close.length; i++) {
            if (i > period) {
                double change = close[i] - close[i - 1];
                gain = (gain * (period - 1) + Math.max(change, 0)) / period;
                loss = (loss * (period - 1) + Math.max(-change, 0)) / period;
            }
            out[i] = gain + loss > 0 ? 100 * gain / (gain + loss) : Double.NaN;
        }
        return out;
    }

    /**
     * Wilder's ATR: the true range from the second bar on (the first has no previous close),
     * seeded with the mean of the first {@code period} true ranges (value from index {@code period}).
     */
    static double[] wilderAtr(double[] high, double[] low, double[] close, int period) {
        double[] out = nan(close.length);
        if (close.length <= period) {
            return out;
        }
        double atr = 0;
        for (int i = 1; i < close.length; i++) {
            double tr = Math.max(high[i] - low[i], Math.max(Math.abs(high[i] - close[i - 1]), Math.abs(low[i] - close[i - 1])));
            if (i < period) {
                atr += tr;
            } else if (i == period) {
                atr = (atr + tr) / period;
                out[i] = atr;
            } else {
                atr = (atr * (period - 1) + tr) / period;
                out[i] = atr;
            }
        }
        return out;
    }

    /**
     * Exponential moving average with k = 2 / (period + 1), seeded with the SMA of the first
     * {@code period} values after any leading NaN; NaN before that.
     */
    static double[] ema(double[] values, int period) {
        double[] out = nan(values.length);
        int from = 0;
        while (from < values.length && Double.isNaN(values[from])) {
            from++;
        }
        int seed = from + period - 1;
        if (seed >= values.length) {
            return out;
        }
        double sum = 0;
        for (int i = from; i <= seed; i++) {
            sum += values[i];
        }
        double k = 2.0 / (period + 1);
        double e = sum / period;
        out[seed] = e;
        for (int i = seed + 1; i < values.length; i++) {
            e = values[i] * k + e * (1 - k);
            out[i] = e;
        }
        return out;
    }

    /**
     * Annualised sample volatility of daily simple returns over {@code window} returns, in percent:
     * √(Σ(r − r̄)² / (window − 1)) × √252 × 100; from index {@code window}.
     */
    static double[] annualisedSampleVolatility(double[] close, int window) {
        double[] out = nan(close.length);
        double factor = Math.sqrt(TRADING_DAYS_PER_YEAR) * 100;
        for (int i = window; i < close.length; i++) {
            double mean = 0;
            for (int k = i - window + 1; k <= i; k++) {
                mean += close[k] / close[k - 1] - 1;
            }
            mean /= window;
            double squares = 0;
            for (int k = i - window + 1; k <= i; k++) {
                double d = close[k] / close[k - 1] - 1 - mean;
                squares += d * d;
            }
            out[i] = Math.sqrt(squares / (window - 1)) * factor;
        }
        return out;
    }

    /** {@code values} with NaN on the indices of the first {@code bars − 1} bars (published from {@code bars} bars on). */
    private static double[] publishedFrom(double[] values, int bars) {
        double[] out = values.clone();
        Arrays.fill(out, 0, Math.min(out.length, bars - 1), Double.NaN);
        return out;
    }

    /** Values of {@code indicator}, NaN for the bars ta4j calls unstable. */
    private double[] values(Indicator<Num> indicator) {
        return values(indicator, indicator.getCountOfUnstableBars());
    }

    private double[] values(Indicator<Num> indicator, int unstableBars) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = i < unstableBars ? Double.NaN : finiteOrNaN(indicator.getValue(i));
        }
        return out;
    }

    private static double finiteOrNaN(Num value) {
        if (value == null || value.isNaN()) {
            return Double.NaN;
        }
        double d = value.doubleValue();
        return Double.isFinite(d) ? d : Double.NaN;
    }

    private static double[] nan(int length) {
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static double[] difference(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    private static double[] ratioPercent(double[] numerator, double[] denominator) {
        double[] out = new double[numerator.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = denominator[i] > 0 ? numerator[i] / denominator[i] * 100 : Double.NaN;
        }
        return out;
    }

    /**
     * Where the last value stands among the last year's values (up to 252 bars, NaN ignored).
     *
     * @param value  percentile rank 0–100 with ties counted half (share below + half the share
     *               equal, the current value included), so a series of equal values ranks at 50,
     *               not at 100; NaN when the current value is NaN or there are fewer than
     *               {@value #MIN_PERCENTILE_VALUES} valid values
     * @param window how many daily values were ranked (0 when the current value is NaN)
     */
    record Percentile(double value, int window) {

        boolean known() {
            return Double.isFinite(value);
        }
    }

    static Percentile percentileOfLast(double[] series) {
        int last = series.length - 1;
        if (last < 0 || Double.isNaN(series[last])) {
            return new Percentile(Double.NaN, 0);
        }
        double current = series[last];
        int count = 0;
        int below = 0;
        int equal = 0;
        for (int i = Math.max(0, series.length - TRADING_DAYS_PER_YEAR); i <= last; i++) {
            if (!Double.isNaN(series[i])) {
                count++;
                if (series[i] < current) {
                    below++;
                } else if (series[i] == current) {
                    equal++;
                }
            }
        }
        return new Percentile(count < MIN_PERCENTILE_VALUES ? Double.NaN : 100.0 * (below + 0.5 * equal) / count, count);
    }
}
