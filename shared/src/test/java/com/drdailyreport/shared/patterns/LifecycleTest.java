package com.drdailyreport.shared.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the lifecycle on bars written out by hand: a formation complete on bar 9 with
 * resistance at 110 and support at 100 (flat lines), a 10-point height, five bars to break out.
 */
class LifecycleTest {

    private static final double RESISTANCE = Math.log(110);
    private static final double SUPPORT = Math.log(100);

    /** Closes from bar 10 on (bars 0–9 close at 105); each bar's high and low 0.5 around its close. */
    private static Prices bars(double... after) {
        List<Bar> bars = new ArrayList<>();
        LocalDate day = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < 10 + after.length; i++) {
            double c = i < 10 ? 105 : after[i - 10];
            bars.add(new Bar(day.plusDays(i), c, c + 0.5, c - 0.5, c, 1000));
        }
        return new Prices(new PriceHistory("TEST19", bars));
    }

    private static Formation formation(PatternType type) {
        return new Formation(type, 0.6, List.of(), 0, 9, Line.flat(RESISTANCE), Line.flat(SUPPORT), Math.log(110) - Math.log(100),
                Double.NaN, 5, Map.of());
    }

    private static Lifecycle.Outcome follow(PatternType type, double... closes) {
        Prices p = bars(closes);
        return Lifecycle.follow(p, formation(type), p.n - 1);
    }

    @Test
    void formingUntilACloseLeavesTheRangeAndItsDateIsTheFormationsEnd() {
        Lifecycle.Outcome o = follow(PatternType.ASCENDING_TRIANGLE, 106, 108, 109.9);
        assertThat(o.state()).isEqualTo(PatternState.FORMING);
        assertThat(o.stateIndex()).isEqualTo(9);
        assertThat(Math.exp(o.breakoutLevel())).isCloseTo(110, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.exp(o.target())).as("projected from today's breakout level").isCloseTo(121, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aCloseBeyondTheBreakoutLevelConfirmsOnThatBarAndSetsTheTargetFromIt() {
        Lifecycle.Outcome o = follow(PatternType.ASCENDING_TRIANGLE, 106, 110.5, 112);
        assertThat(o.state()).isEqualTo(PatternState.CONFIRMED);
        assertThat(o.stateIndex()).isEqualTo(11);
        assertThat(o.breakoutIndex()).isEqualTo(11);
        assertThat(Math.exp(o.target())).isCloseTo(121, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.exp(o.stop())).as("the opposite line, frozen at the breakout").isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aHighAtTheTargetAfterTheBreakoutReachesIt() {
        Lifecycle.Outcome o = follow(PatternType.ASCENDING_TRIANGLE, 111, 115, 120.6, 118);
        assertThat(o.state()).isEqualTo(PatternState.TARGET_REACHED);
        assertThat(o.stateIndex()).isEqualTo(12); // high 121.1 ≥ 121
    }

    @Test
    void aCloseBeyondTheOppositeSideFailsItBeforeOrAfterTheBreakout() {
        Lifecycle.Outcome before = follow(PatternType.ASCENDING_TRIANGLE, 104, 99.5, 112);
        assertThat(before.state()).isEqualTo(PatternState.FAILED);
        assertThat(before.stateIndex()).isEqualTo(11);
        assertThat(before.breakoutIndex()).isEqualTo(-1);

        Lifecycle.Outcome after = follow(PatternType.ASCENDING_TRIANGLE, 111, 105, 99.9, 130);
        assertThat(after.state()).isEqualTo(PatternState.FAILED);
        assertThat(after.stateIndex()).isEqualTo(12);
        assertThat(after.breakoutIndex()).isEqualTo(10);
    }

    @Test
    void aBearishPatternBreaksDownAndFailsUp() {
        assertThat(follow(PatternType.DOUBLE_TOP, 104, 99, 95).state()).isEqualTo(PatternState.CONFIRMED);
        assertThat(Math.exp(follow(PatternType.DOUBLE_TOP, 104, 99).target())).isCloseTo(100 * 100 / 110.0,
                org.assertj.core.data.Offset.offset(1e-9));
        Lifecycle.Outcome failed = follow(PatternType.DOUBLE_TOP, 108, 110.2);
        assertThat(failed.state()).isEqualTo(PatternState.FAILED);
        assertThat(failed.stateIndex()).isEqualTo(11);
    }

    @Test
    void noBreakoutInTimeOrNoTargetWithinTheHorizonExpires() {
        Lifecycle.Outcome waited = follow(PatternType.ASCENDING_TRIANGLE, 105, 105, 105, 105, 105, 105, 111);
        assertThat(waited.state()).isEqualTo(PatternState.EXPIRED);
        assertThat(waited.stateIndex()).isEqualTo(15); // six bars after the formation, one more than it allows

        double[] drift = new double[Lifecycle.HORIZON + 2];
        java.util.Arrays.fill(drift, 112);
        Lifecycle.Outcome stalled = follow(PatternType.ASCENDING_TRIANGLE, drift);
        assertThat(stalled.state()).isEqualTo(PatternState.EXPIRED);
        assertThat(stalled.stateIndex()).isEqualTo(10 + Lifecycle.HORIZON);
    }

    @Test
    void aSymmetricalTriangleHasNoTargetUntilItBreaksAndThenPointsTheWayItBroke() {
        Lifecycle.Outcome forming = follow(PatternType.SYMMETRICAL_TRIANGLE, 106, 104);
        assertThat(forming.sign()).isZero();
        assertThat(forming.target()).isNaN();
        assertThat(forming.stop()).isNaN();

        Lifecycle.Outcome down = follow(PatternType.SYMMETRICAL_TRIANGLE, 104, 99);
        assertThat(down.state()).isEqualTo(PatternState.CONFIRMED);
        assertThat(down.sign()).isEqualTo(-1);
        assertThat(Math.exp(down.target())).isCloseTo(100 * 100 / 110.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Math.exp(down.stop())).isCloseTo(110, org.assertj.core.data.Offset.offset(1e-9));

        Lifecycle.Outcome up = follow(PatternType.SYMMETRICAL_TRIANGLE, 111);
        assertThat(up.sign()).isEqualTo(1);
        assertThat(Math.exp(up.target())).isCloseTo(121, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theStateAsOfADayUsesNoLaterBar() {
        Prices p = bars(106, 111, 99, 130);
        Lifecycle.Outcome asOfBreakout = Lifecycle.follow(p, formation(PatternType.ASCENDING_TRIANGLE), 11);
        assertThat(asOfBreakout.state()).isEqualTo(PatternState.CONFIRMED);
        assertThat(Lifecycle.follow(p, formation(PatternType.ASCENDING_TRIANGLE), 12).state()).isEqualTo(PatternState.FAILED);
    }
}
