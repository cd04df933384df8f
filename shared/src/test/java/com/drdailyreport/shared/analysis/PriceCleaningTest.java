package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.testing.TestBars;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bad-tick guard on the real AAPL bars of 2013 with ticks planted in them, and on seeded random walks. */
class PriceCleaningTest {

    private static final PriceHistory AAPL = TestBars.aapl2013("AAPL19");

    /** AAPL with bar {@code index} scaled by {@code factor} (open, high, low and close alike, as a decimal slip does). */
    static PriceHistory withTick(PriceHistory history, int index, double factor) {
        List<Bar> bars = new ArrayList<>(history.bars());
        Bar b = bars.get(index);
        bars.set(index, new Bar(b.date(), b.open() * factor, b.high() * factor, b.low() * factor, b.close() * factor, b.volume()));
        return new PriceHistory(history.symbol(), bars);
    }

    @Test
    void realBarsAndRandomWalksAreLeftAlone() {
        PriceCleaning.Cleaned aapl = PriceCleaning.clean(AAPL);
        assertThat(aapl.flags()).isEmpty();
        assertThat(aapl.history()).isSameAs(AAPL);
        // 1.5 %/day and 4 %/day walks, 400 series of 250 bars: no false alarm
        int flagged = 0;
        for (long seed = 1; seed <= 200; seed++) {
            flagged += PriceCleaning.clean(TestBars.randomWalk("RW19", seed, 250, 100, 0, 0.015)).flags().size();
            flagged += PriceCleaning.clean(TestBars.randomWalk("RW19", seed, 250, 100, 0, 0.04)).flags().size();
        }
        assertThat(flagged).isZero();
    }

    @Test
    void aCloseTimesAHundredThatRevertsIsReplacedByThePreviousClose() {
        for (double factor : new double[] {100, 0.01, 10, 0.5}) {
            PriceHistory ticked = withTick(AAPL, 120, factor);
            PriceCleaning.Cleaned cleaned = PriceCleaning.clean(ticked);

            assertThat(cleaned.flaggedDates()).as("×%s", factor).containsExactly(AAPL.bars().get(120).date());
            PriceCleaning.Flag flag = cleaned.flags().getFirst();
            assertThat(flag.kind()).isEqualTo("close_spike");
            assertThat(flag.original()).isEqualTo(ticked.bars().get(120));
            double previous = AAPL.bars().get(119).close();
            assertThat(flag.replacement()).isEqualTo(new Bar(AAPL.bars().get(120).date(), previous, previous, previous, previous,
                    AAPL.bars().get(120).volume()));
            assertThat(flag.reason()).contains("reverted the next day", "replaced by the previous close");
            // every other bar as it was, the dates all kept
            for (int i = 0; i < AAPL.size(); i++) {
                if (i != 120) {
                    assertThat(cleaned.history().bars().get(i)).isEqualTo(AAPL.bars().get(i));
                }
            }
        }
        assertThat(PriceCleaning.clean(withTick(AAPL, 120, 100)).flags().getFirst().reason()).contains("×100");
        assertThat(PriceCleaning.clean(withTick(AAPL, 120, 0.01)).flags().getFirst().reason()).contains("×1/100");
    }

    @Test
    void theRuleIsRelativeSoItHoldsAtAnyPriceScale() {
        List<Bar> scaled = AAPL.bars().stream()
                .map(b -> new Bar(b.date(), b.open() / 1000, b.high() / 1000, b.low() / 1000, b.close() / 1000, b.volume())).toList();
        PriceHistory small = withTick(new PriceHistory("AAPL19", scaled), 200, 100);
        assertThat(PriceCleaning.clean(small).flaggedDates()).containsExactly(AAPL.bars().get(200).date());
    }

    @Test
    void movesThatDoNotRevertAreRealAndStay() {
        // a −40 % crash that holds, and a one-day +12 % jump that holds: no reversal, nothing flagged
        List<Bar> bars = new ArrayList<>(AAPL.bars());
        for (int i = 150; i < bars.size(); i++) {
            Bar b = bars.get(i);
            bars.set(i, new Bar(b.date(), b.open() * 0.6, b.high() * 0.6, b.low() * 0.6, b.close() * 0.6, b.volume()));
        }
        PriceHistory crash = new PriceHistory("AAPL19", bars);
        assertThat(PriceCleaning.clean(crash).flags()).isEmpty();
        // a ×100 tick on the last bar cannot be judged yet (nothing after it reverts): kept
        assertThat(PriceCleaning.clean(withTick(AAPL, AAPL.size() - 1, 100)).flags()).isEmpty();
        // two-bar half reversal (+50 %, then only −20 %): not a spike that reverts
        PriceHistory partial = withTick(withTick(AAPL, 100, 1.5), 101, 1.2);
        assertThat(PriceCleaning.clean(partial).flags()).isEmpty();
    }

    @Test
    void aHighOrLowFarFromEveryPriceAroundItIsCutBackToTheBody() {
        List<Bar> bars = new ArrayList<>(AAPL.bars());
        Bar b = bars.get(80);
        bars.set(80, new Bar(b.date(), b.open(), b.high() * 100, b.low(), b.close(), b.volume()));
        Bar c = bars.get(81);
        bars.set(81, new Bar(c.date(), c.open(), c.high(), c.low() / 100, c.close(), c.volume()));
        PriceCleaning.Cleaned cleaned = PriceCleaning.clean(new PriceHistory("AAPL19", bars));

        assertThat(cleaned.flaggedDates()).containsExactly(b.date(), c.date());
        assertThat(cleaned.flags()).extracting(PriceCleaning.Flag::kind).containsOnly("wick_spike");
        Bar high = cleaned.history().bars().get(80);
        assertThat(high.high()).isEqualTo(Math.max(b.open(), b.close()));
        assertThat(high.low()).isEqualTo(b.low());
        Bar low = cleaned.history().bars().get(81);
        assertThat(low.low()).isEqualTo(Math.min(c.open(), c.close()));
        assertThat(cleaned.flags().get(1).reason()).startsWith("low ");
        // ordinary wicks of the real bars are not touched
        assertThat(cleaned.history().bars().subList(0, 80)).isEqualTo(AAPL.bars().subList(0, 80));
    }

    @Test
    void tooFewMovesGiveNoScaleAndNothingIsFlagged() {
        List<Bar> bars = new ArrayList<>(AAPL.bars().subList(0, 8));
        PriceHistory tiny = withTick(new PriceHistory("AAPL19", bars), 4, 100);
        assertThat(PriceCleaning.clean(tiny).flags()).isEmpty();
    }
}
