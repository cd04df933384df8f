package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.averages.SMAIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.VolumeIndicator;
import org.ta4j.core.indicators.numeric.NumericIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/**
 * Every indicator of a report, computed once per ticker with ta4j over the whole history and kept
 * as plain arrays (one value per bar; NaN where the indicator has too few bars yet). Periods are
 * the conventional ones: SMA 20/50/200, RSI 14 (Wilder's smoothing, as ta4j does it), MACD 12/26
 * with a 9-period signal, Bollinger 20 ± 2σ, ATR 14 (Wilder), a 20-day VWAP, volume against its
 * 20-day average, and 30/90-day volatility of daily returns, annualised with √252.
 */
final class TechnicalIndicators {

    static final int TRADING_DAYS_PER_YEAR = 252;

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

    TechnicalIndicators(PriceHistory history) {
        this.history = history;
        this.size = history.size();
        BarSeries series = BarSeriesFactory.of(history);
        ClosePriceIndicator closes = new ClosePriceIndicator(series);
        close = values(closes);
        sma20 = values(new SMAIndicator(closes, 20));
        sma50 = values(new SMAIndicator(closes, 50));
        sma200 = values(new SMAIndicator(closes, 200));
        rsi14 = values(new RSIIndicator(closes, 14));
        MACDIndicator macdIndicator = new MACDIndicator(closes, 12, 26);
        macd = values(macdIndicator);
        Indicator<Num> signal = macdIndicator.getSignalLine(9);
        macdSignal = values(signal, macdIndicator.getCountOfUnstableBars() + 9 - 1);
        macdHistogram = difference(macd, macdSignal);
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
        atr14 = values(new ATRIndicator(series, 14));
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
            volumeRatio[i] = volumeSma20[i] > 0 ? series.getBar(i).getVolume().doubleValue() / volumeSma20[i] : Double.NaN;
        }
        NumericIndicator dailyReturn = NumericIndicator.of(closes).dividedBy(NumericIndicator.of(closes).previous()).minus(1);
        volatility30 = annualised(values(new StandardDeviationIndicator(dailyReturn, 30), 30));
        volatility90 = annualised(values(new StandardDeviationIndicator(dailyReturn, 90), 90));
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

    private static double[] annualised(double[] dailyStd) {
        double factor = Math.sqrt(TRADING_DAYS_PER_YEAR) * 100;
        double[] out = new double[dailyStd.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = dailyStd[i] * factor;
        }
        return out;
    }

    /**
     * Percentile of the last value among the last year's values (up to 252 bars, NaN ignored):
     * the share of them that are ≤ the current one, 0–100. NaN when the current value is NaN.
     */
    static double percentileOfLast(double[] series) {
        int last = series.length - 1;
        if (last < 0 || Double.isNaN(series[last])) {
            return Double.NaN;
        }
        double current = series[last];
        int count = 0;
        int atOrBelow = 0;
        for (int i = Math.max(0, series.length - TRADING_DAYS_PER_YEAR); i <= last; i++) {
            if (!Double.isNaN(series[i])) {
                count++;
                if (series[i] <= current) {
                    atOrBelow++;
                }
            }
        }
        return count == 0 ? Double.NaN : 100.0 * atOrBelow / count;
    }
}
