package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.testing.TestBars;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * ta4j's values on the 252 real AAPL bars of 2013, checked against the textbook formulas written
 * out here independently (Wilder's RSI and ATR seeded with simple averages, EMAs seeded with an
 * SMA). ta4j seeds its recursive averages with the first value instead; after 200+ bars the
 * seeds' influence is below 1e-6, which is the tolerance used.
 */
class TechnicalIndicatorsTest {

    private static final PriceHistory AAPL = TestBars.aapl2013("AAPL19");
    private static final TechnicalIndicators IND = new TechnicalIndicators(AAPL);
    private static final double[] CLOSE = AAPL.bars().stream().mapToDouble(Bar::close).toArray();
    private static final int LAST = CLOSE.length - 1;
    private static final Offset<Double> TIGHT = within(1e-6);

    @Test
    void theFixtureIsTheWholeOf2013() {
        assertThat(AAPL.size()).isEqualTo(252);
        assertThat(AAPL.first().date()).hasToString("2013-01-02");
        assertThat(CLOSE[LAST]).isEqualTo(561.02);
    }

    @Test
    void simpleMovingAverages() {
        assertThat(IND.sma20[LAST]).isCloseTo(mean(CLOSE, LAST - 19, LAST), TIGHT);
        assertThat(IND.sma50[LAST]).isCloseTo(mean(CLOSE, LAST - 49, LAST), TIGHT);
        assertThat(IND.sma200[LAST]).isCloseTo(mean(CLOSE, LAST - 199, LAST), TIGHT);
        // the first full window is the first value; before it there is none
        assertThat(IND.sma20[19]).isCloseTo(mean(CLOSE, 0, 19), TIGHT);
        assertThat(IND.sma20[18]).isNaN();
        assertThat(IND.sma200[198]).isNaN();
    }

    @Test
    void rsiIsWildersOnFourteenBars() {
        double gain = 0;
        double loss = 0;
        for (int i = 1; i <= 14; i++) {
            double change = CLOSE[i] - CLOSE[i - 1];
            gain += Math.max(change, 0);
            loss += Math.max(-change, 0);
        }
        gain /= 14;
        loss /= 14;
        for (int i = 15; i <= LAST; i++) {
            double change = CLOSE[i] - CLOSE[i - 1];
            gain = (gain * 13 + Math.max(change, 0)) / 14;
            loss = (loss * 13 + Math.max(-change, 0)) / 14;
        }
        double expected = 100 - 100 / (1 + gain / loss);
        // ta4j seeds Wilder's average with the first change instead of the 14-bar mean; 237 bars
        // later that seed still moves RSI by ~2e-6 points here, hence 1e-4 rather than 1e-6.
        assertThat(IND.rsi14[LAST]).isCloseTo(expected, within(1e-4));
        assertThat(IND.rsi14[LAST]).isBetween(0.0, 100.0);
    }

    @Test
    void macdIsEma12MinusEma26WithANinePeriodSignal() {
        double[] ema12 = ema(CLOSE, 12);
        double[] ema26 = ema(CLOSE, 26);
        double[] macd = new double[CLOSE.length];
        for (int i = 25; i <= LAST; i++) {
            macd[i] = ema12[i] - ema26[i];
        }
        double[] signal = ema(java.util.Arrays.copyOfRange(macd, 25, macd.length), 9);
        assertThat(IND.macd[LAST]).isCloseTo(macd[LAST], TIGHT);
        assertThat(IND.macdSignal[LAST]).isCloseTo(signal[signal.length - 1], TIGHT);
        assertThat(IND.macdHistogram[LAST]).isCloseTo(macd[LAST] - signal[signal.length - 1], TIGHT);
    }

    @Test
    void bollingerBandsUseTwoPopulationStandardDeviations() {
        double mean = mean(CLOSE, LAST - 19, LAST);
        double sumSq = 0;
        for (int i = LAST - 19; i <= LAST; i++) {
            sumSq += (CLOSE[i] - mean) * (CLOSE[i] - mean);
        }
        double sigma = Math.sqrt(sumSq / 20); // population: ta4j's StandardDeviationIndicator divides by n
        assertThat(IND.bollingerMiddle[LAST]).isCloseTo(mean, TIGHT);
        assertThat(IND.bollingerUpper[LAST]).isCloseTo(mean + 2 * sigma, TIGHT);
        assertThat(IND.bollingerLower[LAST]).isCloseTo(mean - 2 * sigma, TIGHT);
        assertThat(IND.percentB[LAST]).isCloseTo((CLOSE[LAST] - (mean - 2 * sigma)) / (4 * sigma), TIGHT);
    }

    @Test
    void atrIsWildersAverageOfTheTrueRange() {
        List<Bar> bars = AAPL.bars();
        double[] tr = new double[bars.size()];
        tr[0] = bars.get(0).high() - bars.get(0).low();
        for (int i = 1; i < tr.length; i++) {
            Bar b = bars.get(i);
            double prev = bars.get(i - 1).close();
            tr[i] = Math.max(b.high() - b.low(), Math.max(Math.abs(b.high() - prev), Math.abs(b.low() - prev)));
        }
        double atr = mean(tr, 0, 13);
        for (int i = 14; i <= LAST; i++) {
            atr = (atr * 13 + tr[i]) / 14;
        }
        assertThat(IND.atr14[LAST]).isCloseTo(atr, TIGHT);
        assertThat(IND.atrPercent[LAST]).isCloseTo(atr / CLOSE[LAST] * 100, TIGHT);
    }

    @Test
    void vwapIsTheVolumeWeightedTypicalPriceOfTwentyBars() {
        double pv = 0;
        double v = 0;
        for (int i = LAST - 19; i <= LAST; i++) {
            Bar b = AAPL.bars().get(i);
            double typical = (b.high() + b.low() + b.close()) / 3;
            pv += typical * b.volume();
            v += b.volume();
        }
        assertThat(IND.vwap20[LAST]).isCloseTo(pv / v, TIGHT);
    }

    @Test
    void volumeRatioAndVolatility() {
        double avgVolume = 0;
        for (int i = LAST - 19; i <= LAST; i++) {
            avgVolume += AAPL.bars().get(i).volume();
        }
        avgVolume /= 20;
        assertThat(IND.volumeRatio[LAST]).isCloseTo(AAPL.last().volume() / avgVolume, TIGHT);

        double[] returns = new double[30];
        for (int k = 0; k < 30; k++) {
            int i = LAST - 29 + k;
            returns[k] = CLOSE[i] / CLOSE[i - 1] - 1;
        }
        double m = mean(returns, 0, 29);
        double ss = 0;
        for (double r : returns) {
            ss += (r - m) * (r - m);
        }
        assertThat(IND.volatility30[LAST]).isCloseTo(Math.sqrt(ss / 30) * Math.sqrt(252) * 100, TIGHT);
    }

    @Test
    void returnsDrawdownAndPercentiles() {
        assertThat(IND.returnPercent(1)).isCloseTo((561.02 / CLOSE[LAST - 1] - 1) * 100, TIGHT);
        assertThat(IND.returnPercent(21)).isCloseTo((561.02 / CLOSE[LAST - 21] - 1) * 100, TIGHT);
        assertThat(IND.returnPercent(252)).isNaN();
        assertThat(IND.yearToDatePercent()).isNaN(); // the history starts in 2013: no prior year-end close

        // brute force over every (earlier high, later close) pair
        double worst = 0;
        for (int i = 0; i <= LAST; i++) {
            for (int j = i; j <= LAST; j++) {
                worst = Math.min(worst, CLOSE[j] / CLOSE[i] - 1);
            }
        }
        assertThat(IND.maxDrawdownPercent(252)).isCloseTo(worst * 100, TIGHT).isNegative();

        assertThat(TechnicalIndicators.percentileOfLast(new double[] {Double.NaN, 1, 2, 3, 4})).isEqualTo(100.0);
        assertThat(TechnicalIndicators.percentileOfLast(new double[] {4, 3, 2, 1})).isEqualTo(25.0);
        assertThat(TechnicalIndicators.percentileOfLast(new double[] {1, 2, Double.NaN})).isNaN();
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += values[i];
        }
        return sum / (to - from + 1);
    }

    /** Textbook EMA: seeded with the SMA of the first {@code period} values, then k = 2 / (period + 1). */
    private static double[] ema(double[] values, int period) {
        double[] out = new double[values.length];
        double k = 2.0 / (period + 1);
        double e = mean(values, 0, period - 1);
        out[period - 1] = e;
        for (int i = period; i < values.length; i++) {
            e = values[i] * k + e * (1 - k);
            out[i] = e;
        }
        return out;
    }
}
