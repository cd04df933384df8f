package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.testing.TestBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Votes, ties, flat and halted series, and what the metrics say when they have no value. */
class TechnicalAssessmentTest {

    private static final PriceHistory AAPL = TestBars.aapl2013("AAPL19");

    private static TechnicalMetric metric(TechnicalAssessment a, String name) {
        return a.metrics.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    /** {@code count} bars of one unchanged price and no volume. */
    static PriceHistory halted(int count) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            bars.add(new Bar(LocalDate.of(2025, 1, 1).plusDays(i), 50, 50, 50, 50, 0));
        }
        return new PriceHistory("AAPL19", bars);
    }

    @Test
    void tiesAreDecidedToNinePlacesRelativeToThePrice() {
        assertThat(TechnicalAssessment.compare(100, 100, 100)).isZero();
        assertThat(TechnicalAssessment.compare(100 + 5e-8, 100, 100)).isZero();
        assertThat(TechnicalAssessment.compare(100.001, 100, 100)).isEqualTo(1);
        assertThat(TechnicalAssessment.compare(99.999, 100, 100)).isEqualTo(-1);
        assertThat(TechnicalAssessment.compare(1e-12, 0, 50)).isZero(); // a MACD histogram of float noise
        assertThat(TechnicalAssessment.compare(-1e-3, 0, 50)).isEqualTo(-1);
    }

    @Test
    void aCloseExactlyOnItsFiftyDayAverageVotesNeutral() {
        List<Bar> bars = new ArrayList<>(AAPL.bars().subList(0, 100));
        double sum = 0;
        for (int i = 50; i < 99; i++) {
            sum += bars.get(i).close();
        }
        double onAverage = sum / 49; // then the SMA 50 of bars 50..99 is this close itself
        Bar last = bars.getLast();
        bars.set(99, new Bar(last.date(), onAverage, onAverage, onAverage, onAverage, last.volume()));
        TechnicalIndicators ind = new TechnicalIndicators(new PriceHistory("AAPL19", bars));
        assertThat(ind.sma50[99]).isCloseTo(onAverage, org.assertj.core.api.Assertions.within(1e-9));
        TechnicalAssessment a = new TechnicalAssessment(ind);

        assertThat(a.reasons).contains("price at its 50-day average").doesNotContain("price above its 50-day average");
        assertThat(metric(a, "sma_50").status()).isEqualTo("neutral");
        assertThat(metric(a, "sma_50").explanation()).contains("the price is at it");
        // the other votes are cast as usual: the tie adds nothing
        int others = Integer.signum((int) Math.signum(ind.macdHistogram[99]))
                + (ind.rsi14[99] > 55 ? 1 : ind.rsi14[99] < 45 ? -1 : 0)
                + (int) Math.signum(ind.returnPercent(21));
        assertThat(a.stanceScore).isEqualTo(others);
        // SMA 50 (the tie), MACD, one month, and RSI when outside 45–55; no SMA 200 yet
        assertThat(a.votes).isEqualTo(3 + (ind.rsi14[99] > 55 || ind.rsi14[99] < 45 ? 1 : 0));
    }

    @Test
    void aHaltedSeriesCastsNoVoteIsNotOversoldAndZeroVolatilityIsNotElevatedRisk() {
        TechnicalAssessment a = new TechnicalAssessment(new TechnicalIndicators(halted(260)));

        assertThat(a.stance).isEqualTo(Stance.NEUTRAL);
        assertThat(a.stanceScore).isZero();
        assertThat(a.votes).isZero();
        assertThat(a.tradingNote).startsWith("no price change and no volume for 259 bars (since 2025-01-01): trading appears halted");
        assertThat(a.reasons).containsExactly(a.tradingNote);
        assertThat(a.reasonsTh).containsExactly(a.tradingNoteTh);

        TechnicalMetric rsi = metric(a, "rsi_14");
        assertThat(rsi.value()).isNull();
        assertThat(rsi.status()).isEqualTo("neutral");
        assertThat(rsi.reason()).isEqualTo("no price change in the last 14 bars: RSI is undefined");
        assertThat(rsi.reasonTh()).contains("RSI");

        TechnicalMetric vol = metric(a, "volatility_30d");
        assertThat(vol.value()).isZero();
        assertThat(vol.percentile()).isEqualTo(50.0); // every day's value is 0: the middle, not the 100th percentile
        assertThat(vol.status()).isEqualTo("neutral");
        assertThat(metric(a, "atr_percent").status()).isEqualTo("neutral");
        assertThat(a.riskLevel).isEqualTo("low");
        assertThat(metric(a, "volume_ratio").reason()).isEqualTo("no volume reported in the last 20 bars");
        assertThat(metric(a, "bollinger_percent_b").reason()).isEqualTo("the last 20 closes are equal: the bands have no width");
        assertThat(a.metrics).noneMatch(m -> m.status().equals("bullish") || m.status().equals("bearish")
                || m.status().equals("elevated_risk"));
    }

    @Test
    void aStockThatStopsTradingAfterAFallSaysHaltedRatherThanOversold() {
        List<Bar> bars = new ArrayList<>(AAPL.bars().subList(0, 100)); // AAPL fell through early 2013
        Bar last = bars.getLast();
        for (int i = 1; i <= 15; i++) {
            bars.add(new Bar(last.date().plusDays(i), last.close(), last.close(), last.close(), last.close(), 0));
        }
        TechnicalAssessment a = new TechnicalAssessment(new TechnicalIndicators(new PriceHistory("AAPL19", bars)));

        assertThat(a.stance).isEqualTo(Stance.NEUTRAL);
        assertThat(a.tradingNote).contains("15 bars (since " + last.date() + ")", "trading appears halted");
        assertThat(metric(a, "rsi_14").value()).isNull();
        assertThat(String.join(" ", a.reasons)).doesNotContain("RSI");
        // a flat close with volume is flat, not halted
        bars.set(bars.size() - 1, new Bar(bars.getLast().date(), last.close(), last.close(), last.close(), last.close(), 5_000));
        TechnicalAssessment flat = new TechnicalAssessment(new TechnicalIndicators(new PriceHistory("AAPL19", bars)));
        assertThat(flat.tradingNote).isEqualTo("no price change for 15 bars (since " + last.date() + "): the price is flat");
    }

    @Test
    void metricsWithoutAValueOrPercentileSayWhy() {
        TechnicalAssessment short21 = new TechnicalAssessment(new TechnicalIndicators(new PriceHistory("AAPL19", AAPL.bars().subList(0, 21))));
        assertThat(metric(short21, "rsi_14").reason()).isEqualTo("needs 42 bars, has 21");
        assertThat(metric(short21, "rsi_14").reasonTh()).isEqualTo("ต้องมีข้อมูลอย่างน้อย 42 วัน มี 21 วัน");
        assertThat(metric(short21, "macd").reason()).isEqualTo("needs 52 bars, has 21");
        assertThat(metric(short21, "macd_histogram").reason()).isEqualTo("needs 52 bars, has 21");
        assertThat(metric(short21, "atr_percent").reason()).isEqualTo("needs 42 bars, has 21");
        assertThat(metric(short21, "sma_50").reason()).isEqualTo("needs 50 bars, has 21");
        assertThat(metric(short21, "sma_50").explanation()).isEqualTo("50-day simple moving average.");
        assertThat(metric(short21, "volatility_30d").reason()).isEqualTo("needs 31 bars, has 21");
        // SMA 20 has a value but only 2 values to rank it among
        assertThat(metric(short21, "sma_20").value()).isNotNull();
        assertThat(metric(short21, "sma_20").percentile()).isNull();
        assertThat(metric(short21, "sma_20").reason()).isEqualTo("percentile needs 60 daily values, has 2");

        TechnicalAssessment year = new TechnicalAssessment(new TechnicalIndicators(AAPL));
        TechnicalMetric rsi = metric(year, "rsi_14");
        assertThat(rsi.percentile()).isNotNull();
        assertThat(rsi.percentileWindow()).isEqualTo(252 - 41); // RSI published from bar 42
        assertThat(rsi.reason()).isNull();
        TechnicalMetric sma200 = metric(year, "sma_200"); // 53 values from bar 200 on: too few to rank among
        assertThat(sma200.value()).isNotNull();
        assertThat(sma200.percentile()).isNull();
        assertThat(sma200.percentileWindow()).isNull();
        assertThat(sma200.reason()).isEqualTo("percentile needs 60 daily values, has 53");
        assertThat(metric(year, "volatility_90d").percentileWindow()).isEqualTo(252 - 90);
    }
}
