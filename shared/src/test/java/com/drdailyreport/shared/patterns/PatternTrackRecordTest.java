package com.drdailyreport.shared.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.TrackRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternTrackRecordTest {

    /** Three templates strung together: about a year and a half with several patterns in it. */
    private static PriceHistory series() {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2024, 1, 1);
        for (Synthetic t : List.of(Templates.doubleTop(), Templates.bullishFlag(), Templates.headShoulders())) {
            PriceHistory h = t.build();
            double k = bars.isEmpty() ? 1 : bars.getLast().close() / h.first().open();
            for (Bar b : h.bars()) {
                bars.add(new Bar(day, b.open() * k, b.high() * k, b.low() * k, b.close() * k, b.volume()));
                day = day.plusDays(1);
            }
        }
        return new PriceHistory("TEST19", bars);
    }

    @Test
    void whatWasRecordedUpToADayDoesNotChangeWhenLaterBarsChange() {
        PriceHistory h = series();
        List<PatternEvent> events = PatternTrackRecord.events(h);
        assertThat(events).as("the strung templates hold past patterns").hasSizeGreaterThanOrEqualTo(3);
        for (int t : new int[] {150, 250, 350}) {
            LocalDate cut = h.bars().get(t).date();
            // the future after t replaced by a crash and a wild ride
            List<Bar> altered = new ArrayList<>(h.bars().subList(0, t + 1));
            Random random = new Random(t);
            double close = altered.getLast().close();
            for (int i = t + 1; i < h.size(); i++) {
                double next = close * Math.exp(-0.01 + 0.04 * random.nextGaussian());
                altered.add(new Bar(h.bars().get(i).date(), close, Math.max(close, next) * 1.01, Math.min(close, next) * 0.99, next,
                        5_000_000));
                close = next;
            }
            List<PatternEvent> again = PatternTrackRecord.events(new PriceHistory("TEST19", altered));
            List<PatternEvent> before = events.stream().filter(e -> !e.reported().isAfter(cut)).toList();
            List<PatternEvent> beforeAgain = again.stream().filter(e -> !e.reported().isAfter(cut)).toList();
            // the same patterns reported on the same days with the same targets and stops…
            assertThat(beforeAgain).extracting(PatternEvent::type, PatternEvent::start, PatternEvent::reported, PatternEvent::confidence,
                    PatternEvent::quality, PatternEvent::targetPct, PatternEvent::stopPct, PatternEvent::baseRate)
                    .isEqualTo(before.stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.type(), e.start(), e.reported(), e.confidence(),
                            e.quality(), e.targetPct(), e.stopPct(), e.baseRate())).toList());
            // …and every outcome that was decided by that day is the same
            for (int i = 0; i < before.size(); i++) {
                PatternEvent e = before.get(i);
                boolean decidedByCut = e.barsToOutcome() != null && index(h, e.reported()) + e.barsToOutcome() <= t;
                if (decidedByCut) {
                    assertThat(beforeAgain.get(i).outcome()).isEqualTo(e.outcome());
                    assertThat(beforeAgain.get(i).barsToOutcome()).isEqualTo(e.barsToOutcome());
                }
            }
        }
    }

    private static int index(PriceHistory h, LocalDate date) {
        for (int i = 0; i < h.size(); i++) {
            if (h.bars().get(i).date().equals(date)) {
                return i;
            }
        }
        throw new AssertionError(date);
    }

    @Test
    void eachPatternIsCountedOnceOnTheBarItWasFirstReported() {
        PriceHistory h = series();
        List<PatternEvent> events = PatternTrackRecord.events(h);
        assertThat(events).extracting(e -> e.type() + "|" + e.start()).doesNotHaveDuplicates();
        for (PatternEvent e : events) {
            // on the day before its report the detector did not show it; on the day itself it did
            int day = index(h, e.reported());
            PriceHistory upTo = new PriceHistory("TEST19", h.bars().subList(Math.max(0, day + 1 - PatternTrackRecord.WINDOW), day + 1));
            assertThat(new PatternDetector().detect(upTo)).anySatisfy(p -> {
                assertThat(p.type()).isEqualTo(e.type());
                assertThat(p.start()).isEqualTo(e.start());
                assertThat(p.live()).isTrue();
            });
        }
    }

    @Test
    void theBaseRateIsTheShareOfEarlierDaysOnWhichTheSameTargetCameBeforeTheSameStop() {
        // closes 100, 101, 102 … : every day's high (close + 0.5) reaches +1 % within the horizon and no close falls 1 %
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            double c = 100 + i;
            bars.add(new Bar(LocalDate.of(2026, 1, 1).plusDays(i), c, c + 0.5, c - 0.5, c, 1));
        }
        Prices p = new Prices(new PriceHistory("UP19", bars));
        assertThat(PatternTrackRecord.baseRate(p, 119, 1, Math.log(1.01), Math.log(1.01))).isEqualTo(1.0);
        assertThat(PatternTrackRecord.baseRate(p, 119, -1, Math.log(1.01), Math.log(1.01))).as("a fall never comes").isEqualTo(0.0);
        assertThat(PatternTrackRecord.baseRate(p, 119, 1, Math.log(2), Math.log(1.01))).as("+100 % never comes within 40 bars")
                .isEqualTo(0.0);
        assertThat(PatternTrackRecord.baseRate(p, 50, 1, Math.log(1.01), Math.log(1.01))).as("too few earlier days (11)").isNull();
    }

    @Test
    void aggregatesCountDecidedCasesAndSayWhatTheFiguresAllow() {
        List<PatternEvent> events = new ArrayList<>();
        LocalDate d = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 30; i++) {
            PatternEvent.Outcome o = i < 20 ? PatternEvent.Outcome.HIT : i < 28 ? PatternEvent.Outcome.FAILED : PatternEvent.Outcome.OPEN;
            events.add(new PatternEvent(PatternType.DOUBLE_TOP, d.plusDays(i), d.plusDays(i + 30), i % 2 == 0 ? Confidence.MEDIUM : Confidence.LOW,
                    0.6, o, o == PatternEvent.Outcome.OPEN ? null : 5 + i % 3, 2.0, 8.0, 4.0, 0.3));
        }
        for (int i = 0; i < 4; i++) {
            events.add(new PatternEvent(PatternType.VCP, d.plusDays(i), d.plusDays(i + 30), Confidence.MEDIUM, 0.7,
                    PatternEvent.Outcome.HIT, 3, 1.0, 5.0, 5.0, 0.5));
        }
        List<TrackRecord> records = PatternTrackRecord.aggregate("NVDA19", events, d.plusDays(90), false);
        TrackRecord doubles = records.stream().filter(r -> r.type() == PatternType.DOUBLE_TOP && r.confidence() == null).findFirst()
                .orElseThrow();
        assertThat(doubles.cases()).as("open cases are not decided yet").isEqualTo(28);
        assertThat(doubles.hits()).isEqualTo(20);
        assertThat(doubles.failures()).isEqualTo(8);
        assertThat(doubles.hitRate()).isEqualTo(0.7143);
        assertThat(doubles.baseRate()).isEqualTo(0.3);
        // expected 8.4 hits of 28 at 30 %; 20 is (20 − 8.4) / √(28 · 0.3 · 0.7) = 11.6 / 2.4249 = 4.784 standard deviations above
        assertThat(doubles.zScore()).isCloseTo(11.6 / Math.sqrt(5.88), org.assertj.core.data.Offset.offset(1e-4));
        assertThat(doubles.verdict()).isEqualTo(TrackRecord.Verdict.BETTER_THAN_CHANCE);
        assertThat(doubles.medianBarsToTarget()).isEqualTo(6);
        assertThat(records).anySatisfy(r -> {
            assertThat(r.type()).isEqualTo(PatternType.DOUBLE_TOP);
            assertThat(r.confidence()).isEqualTo(Confidence.MEDIUM);
            assertThat(r.cases()).isEqualTo(14);
        });
        TrackRecord vcp = records.stream().filter(r -> r.type() == PatternType.VCP && r.confidence() == null).findFirst().orElseThrow();
        assertThat(vcp.verdict()).as("4 cases are too few, however good").isEqualTo(TrackRecord.Verdict.TOO_FEW_CASES);
    }
}
