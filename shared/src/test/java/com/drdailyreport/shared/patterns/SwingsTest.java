package com.drdailyreport.shared.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.PriceHistory;
import java.util.List;
import org.junit.jupiter.api.Test;

class SwingsTest {

    @Test
    void alternatingSwingsAtThePlantedBarsWithTheLastOneProvisional() {
        // up 10 % to bar 29, down 8 % to 39, up 9 % to 49, down 3 % (less than the 5 % threshold) to 59
        PriceHistory h = Synthetic.from(100).leg(30, 10).leg(10, -8).leg(10, 9).leg(10, -3).noise(0.0005).build();
        Prices p = new Prices(h);
        List<Pivot> pivots = Swings.of(p, 0.05);

        assertThat(pivots).extracting(Pivot::high).containsExactly(false, true, false, true);
        assertThat(pivots.get(1).index()).isBetween(28, 31);
        assertThat(pivots.get(2).index()).isBetween(38, 41);
        assertThat(pivots.get(3).index()).isBetween(48, 51);
        assertThat(pivots.get(0).confirmed()).isFalse(); // the data's first bar is no proven swing
        assertThat(pivots.get(1).confirmed()).isTrue();
        assertThat(pivots.get(3).confirmed()).isFalse(); // the −3 % since then does not confirm it
        assertThat(pivots.get(1).log()).isEqualTo(p.logHigh[pivots.get(1).index()]);
        assertThat(pivots.get(2).log()).isEqualTo(p.logLow[pivots.get(2).index()]);
    }

    @Test
    void theThresholdIsRelativeSoScaleDoesNotMatter() {
        Synthetic s = Synthetic.from(100).leg(30, 10).leg(10, -8).leg(10, 9).leg(10, -6);
        PriceHistory small = s.build(0.001);
        PriceHistory large = s.build(1000);
        assertThat(Swings.of(new Prices(small), 0.05)).extracting(Pivot::index)
                .isEqualTo(Swings.of(new Prices(large), 0.05).stream().map(Pivot::index).toList());
    }
}
