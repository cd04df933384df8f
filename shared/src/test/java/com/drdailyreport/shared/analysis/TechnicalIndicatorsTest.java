package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.testing.TestBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The indicators on the 252 real AAPL bars of 2013 against R's TTR 0.24.3 and TA-Lib (npm talib
 * 2.0.5) — {@link ReferenceValues}: values those libraries computed over the whole file, committed
 * with the scripts that produced them — and the simple ones against their formulas written out here.
 */
class TechnicalIndicatorsTest {

    private static final PriceHistory AAPL = TestBars.aapl2013("AAPL19");
    private static final TechnicalIndicators IND = new TechnicalIndicators(AAPL);
    private static final ReferenceValues TTR = ReferenceValues.ttr();
    private static final ReferenceValues TALIB = ReferenceValues.talib();
    private static final double[] CLOSE = AAPL.bars().stream().mapToDouble(Bar::close).toArray();
    private static final int LAST = CLOSE.length - 1;
    private static final Offset<Double> TIGHT = within(1e-6);

    @Test
    void theFixtureIsTheWholeOf2013AndMatchesTheReferenceFile() {
        assertThat(AAPL.size()).isEqualTo(252);
        assertThat(AAPL.first().date()).hasToString("2013-01-02");
        assertThat(CLOSE[LAST]).isEqualTo(561.02);
        assertThat(TTR.size()).isEqualTo(252);
        for (int i = 0; i < 252; i++) {
            assertThat(TTR.date(i)).isEqualTo(AAPL.bars().get(i).date().toString());
        }
    }

    /**
     * The acceptance test of issue 13: a report built from the first N bars (every N from 21, the
     * fewest a report accepts, to 60) publishes, at every one of its bars, either TTR's value over
     * the whole history within 1e-6 or nothing — and nothing only before the warm-up (RSI and ATR
     * 42 bars, MACD 52), so the test cannot pass by publishing nothing.
     */
    @Test
    void onTheFirst21To60BarsEveryPublishedRsiMacdAtrIsTtrsValueOverTheFullHistory() {
        Map<String, Integer> warmUp = Map.of("rsi_14", 42, "atr_14", 42, "macd", 52, "macd_signal", 52, "macd_histogram", 52);
        int compared = 0;
        for (int n = ReportBuilder.MIN_BARS; n <= 60; n++) {
            TechnicalIndicators ind = new TechnicalIndicators(new PriceHistory("AAPL19", AAPL.bars().subList(0, n)));
            assertThat(ind.size).isEqualTo(n);
            Map<String, double[]> published = Map.of("rsi_14", ind.rsi14, "atr_14", ind.atr14, "macd", ind.macd,
                    "macd_signal", ind.macdSignal, "macd_histogram", ind.macdHistogram);
            for (Map.Entry<String, double[]> e : published.entrySet()) {
                double[] reference = TTR.column(e.getKey());
                int needs = warmUp.get(e.getKey());
                for (int i = 0; i < n; i++) {
                    double value = e.getValue()[i];
                    if (i + 1 < needs) {
                        assertThat(value).as("%s at bar %d of %d (warm-up)", e.getKey(), i + 1, n).isNaN();
                    } else {
                        assertThat(value).as("%s at bar %d of %d", e.getKey(), i + 1, n).isCloseTo(reference[i], TIGHT);
                        compared++;
                    }
                }
            }
        }
        // RSI/ATR: bars 42..N for N = 42..60; MACD ×3: bars 52..N for N = 52..60
        assertThat(compared).isEqualTo(2 * (19 * 20 / 2) + 3 * (9 * 10 / 2));
    }

    /**
     * TA-Lib, a second library: RSI, ATR and Bollinger agree with it at every published bar. Its
     * MACD starts the fast EMA at the slow one's lookback, so it differs from TTR's (the convention
     * followed here) until the two references themselves agree; from there ours agrees with it too.
     */
    @Test
    void rsiAtrAndBollingerAreTaLibsValuesAndTheMacdIsOnceTaLibsAgreesWithTtrs() {
        Map<String, double[]> ours = Map.of("rsi_14", IND.rsi14, "atr_14", IND.atr14, "bb_upper", IND.bollingerUpper,
                "bb_middle", IND.bollingerMiddle, "bb_lower", IND.bollingerLower);
        for (Map.Entry<String, double[]> e : ours.entrySet()) {
            double[] reference = TALIB.column(e.getKey());
            for (int i = 0; i <= LAST; i++) {
                if (!Double.isNaN(e.getValue()[i])) {
                    assertThat(e.getValue()[i]).as("%s at %s", e.getKey(), TTR.date(i)).isCloseTo(reference[i], TIGHT);
                }
            }
        }
        for (String column : List.of("macd", "macd_signal", "macd_histogram")) {
            double[] talib = TALIB.column(column);
            double[] ttr = TTR.column(column);
            int agreeFrom = LAST + 1;
            while (agreeFrom > 0 && !Double.isNaN(talib[agreeFrom - 1]) && Math.abs(talib[agreeFrom - 1] - ttr[agreeFrom - 1]) <= 1e-6) {
                agreeFrom--;
            }
            assertThat(agreeFrom).as("%s: the references agree from bar %d", column, agreeFrom + 1).isBetween(60, 140);
            double[] mine = column.equals("macd") ? IND.macd : column.equals("macd_signal") ? IND.macdSignal : IND.macdHistogram;
            for (int i = agreeFrom; i <= LAST; i++) {
                assertThat(mine[i]).as("%s at %s", column, TTR.date(i)).isCloseTo(talib[i], TIGHT);
            }
        }
    }

    @Test
    void aTwentyOneBarSeriesPublishesNoRsiMacdOrAtr() {
        PriceHistory window = new PriceHistory("AAPL19", AAPL.bars().subList(100, 121));
        TechnicalIndicators ind = new TechnicalIndicators(window);
        assertThat(ind.size).isEqualTo(21);
        for (double[] series : List.of(ind.rsi14, ind.atr14, ind.macd, ind.macdSignal, ind.macdHistogram)) {
            assertThat(java.util.Arrays.stream(series).allMatch(Double::isNaN)).isTrue();
        }
        // what can be computed from 21 bars still is
        assertThat(ind.sma20[20]).isCloseTo(mean(CLOSE, 101, 120), TIGHT);
    }

    @Test
    void overTheWholeYearRsiMacdAtrBollingerVwapAndVolatilityAreTtrsValues() {
        Map<String, double[]> ours = Map.of("rsi_14", IND.rsi14, "atr_14", IND.atr14, "macd", IND.macd, "macd_signal", IND.macdSignal,
                "macd_histogram", IND.macdHistogram, "bb_upper", IND.bollingerUpper, "bb_middle", IND.bollingerMiddle,
                "bb_lower", IND.bollingerLower, "volatility_30d", IND.volatility30, "volatility_90d", IND.volatility90);
        for (Map.Entry<String, double[]> e : ours.entrySet()) {
            double[] reference = TTR.column(e.getKey());
            int published = 0;
            for (int i = 0; i <= LAST; i++) {
                if (!Double.isNaN(e.getValue()[i])) {
                    assertThat(e.getValue()[i]).as("%s at %s", e.getKey(), TTR.date(i)).isCloseTo(reference[i], TIGHT);
                    published++;
                }
            }
            assertThat(published).as(e.getKey()).isGreaterThan(150);
        }
        // ta4j's VWAP over the typical price: TTR's VWAP of (H + L + C) / 3
        double[] vwap = TTR.column("vwap_20");
        for (int i = 19; i <= LAST; i++) {
            assertThat(IND.vwap20[i]).isCloseTo(vwap[i], TIGHT);
        }
    }

    @Test
    void volatilityIsTheSampleStandardDeviationAndBollingerThePopulationOne() {
        // written out: n − 1 for volatility (industry convention), n for Bollinger (as TTR's BBands and TA-Lib's BBANDS)
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
        assertThat(IND.volatility30[LAST]).isCloseTo(Math.sqrt(ss / 29) * Math.sqrt(252) * 100, TIGHT);

        double mean = mean(CLOSE, LAST - 19, LAST);
        double sumSq = 0;
        for (int i = LAST - 19; i <= LAST; i++) {
            sumSq += (CLOSE[i] - mean) * (CLOSE[i] - mean);
        }
        double sigma = Math.sqrt(sumSq / 20);
        assertThat(IND.bollingerUpper[LAST]).isCloseTo(mean + 2 * sigma, TIGHT);
        assertThat(IND.percentB[LAST]).isCloseTo((CLOSE[LAST] - (mean - 2 * sigma)) / (4 * sigma), TIGHT);
    }

    @Test
    void simpleMovingAverages() {
        assertThat(IND.sma20[LAST]).isCloseTo(mean(CLOSE, LAST - 19, LAST), TIGHT);
        assertThat(IND.sma50[LAST]).isCloseTo(mean(CLOSE, LAST - 49, LAST), TIGHT);
        assertThat(IND.sma200[LAST]).isCloseTo(mean(CLOSE, LAST - 199, LAST), TIGHT);
        assertThat(IND.sma20[19]).isCloseTo(mean(CLOSE, 0, 19), TIGHT);
        assertThat(IND.sma20[18]).isNaN();
        assertThat(IND.sma200[198]).isNaN();
    }

    @Test
    void addingBarsNeverChangesAnEarlierValue() {
        TechnicalIndicators shorter = new TechnicalIndicators(new PriceHistory("AAPL19", AAPL.bars().subList(0, 120)));
        // Arrays.equals compares bit patterns: NaN (not published) equals NaN
        assertThat(java.util.Arrays.equals(shorter.rsi14, java.util.Arrays.copyOf(IND.rsi14, 120))).isTrue();
        assertThat(java.util.Arrays.equals(shorter.macdHistogram, java.util.Arrays.copyOf(IND.macdHistogram, 120))).isTrue();
        assertThat(java.util.Arrays.equals(shorter.atr14, java.util.Arrays.copyOf(IND.atr14, 120))).isTrue();
        assertThat(shorter.rsi14[119]).isFinite();
    }

    @Test
    void volumeRatioReturnsAndDrawdown() {
        double avgVolume = 0;
        for (int i = LAST - 19; i <= LAST; i++) {
            avgVolume += AAPL.bars().get(i).volume();
        }
        avgVolume /= 20;
        assertThat(IND.volumeRatio[LAST]).isCloseTo(AAPL.last().volume() / avgVolume, TIGHT);

        assertThat(IND.returnPercent(1)).isCloseTo((561.02 / CLOSE[LAST - 1] - 1) * 100, TIGHT);
        assertThat(IND.returnPercent(21)).isCloseTo((561.02 / CLOSE[LAST - 21] - 1) * 100, TIGHT);
        assertThat(IND.returnPercent(252)).isNaN();
        assertThat(IND.yearToDatePercent()).isNaN(); // the history starts in 2013: no prior year-end close

        double worst = 0;
        for (int i = 0; i <= LAST; i++) {
            for (int j = i; j <= LAST; j++) {
                worst = Math.min(worst, CLOSE[j] / CLOSE[i] - 1);
            }
        }
        assertThat(IND.maxDrawdownPercent(252)).isCloseTo(worst * 100, TIGHT).isNegative();
    }

    @Test
    void percentilesNeedSixtyValuesAndCountTiesHalf() {
        double[] fiftyNine = new double[59];
        double[] sixty = new double[60];
        for (int i = 0; i < 60; i++) {
            sixty[i] = i;
            if (i < 59) {
                fiftyNine[i] = i;
            }
        }
        TechnicalIndicators.Percentile tooFew = TechnicalIndicators.percentileOfLast(fiftyNine);
        assertThat(tooFew.value()).isNaN();
        assertThat(tooFew.window()).isEqualTo(59);
        assertThat(tooFew.known()).isFalse();
        // the highest of 60 distinct values: 59 below + half of itself
        assertThat(TechnicalIndicators.percentileOfLast(sixty)).isEqualTo(new TechnicalIndicators.Percentile(100 * 59.5 / 60, 60));

        double[] withGaps = new double[300];
        java.util.Arrays.fill(withGaps, Double.NaN);
        for (int i = 200; i < 300; i++) {
            withGaps[i] = 300 - i; // falling: today's is the lowest
        }
        TechnicalIndicators.Percentile lowest = TechnicalIndicators.percentileOfLast(withGaps);
        assertThat(lowest.window()).isEqualTo(100); // only the valid values of the last 252 bars
        assertThat(lowest.value()).isEqualTo(0.5);

        double[] flat = new double[80];
        assertThat(TechnicalIndicators.percentileOfLast(flat).value()).isEqualTo(50.0); // all equal: the middle, not the top
        double[] nanToday = sixty.clone();
        nanToday[59] = Double.NaN;
        assertThat(TechnicalIndicators.percentileOfLast(nanToday)).isEqualTo(new TechnicalIndicators.Percentile(Double.NaN, 0));
    }

    @Test
    void aFlatCloseHasNoRsiAndIsNamedFlatOrHalted() {
        List<Bar> bars = new ArrayList<>(AAPL.bars().subList(0, 80));
        double last = bars.getLast().close();
        LocalDate date = bars.getLast().date();
        for (int i = 1; i <= 20; i++) {
            bars.add(new Bar(date.plusDays(i), last, last, last, last, 0));
        }
        TechnicalIndicators halted = new TechnicalIndicators(new PriceHistory("AAPL19", bars));
        int end = halted.last();
        assertThat(halted.unchangedBars).isEqualTo(20);
        assertThat(halted.zeroVolumeBars).isEqualTo(20);
        assertThat(halted.flat()).isTrue();
        assertThat(halted.halted()).isTrue();
        assertThat(halted.unchangedSince()).isEqualTo(date);
        assertThat(halted.rsi14[end]).isNaN();
        assertThat(halted.rsi14[80 + 13]).isNaN(); // the 14th unchanged close
        assertThat(halted.rsi14[80 + 12]).isFinite(); // 13 unchanged: still a Wilder value from the earlier moves
        assertThat(halted.volatility30[end]).isPositive(); // 10 of its 30 returns still moved
        assertThat(halted.volumeRatio[end]).isNaN();

        bars.set(bars.size() - 1, new Bar(date.plusDays(20), last, last, last, last, 1_000));
        TechnicalIndicators flat = new TechnicalIndicators(new PriceHistory("AAPL19", bars));
        assertThat(flat.flat()).isTrue();
        assertThat(flat.halted()).isFalse();
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i <= to; i++) {
            sum += values[i];
        }
        return sum / (to - from + 1);
    }
}
