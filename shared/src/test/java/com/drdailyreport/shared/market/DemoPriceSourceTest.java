package com.drdailyreport.shared.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DemoPriceSourceTest {

    @Test
    void aYearOfWeekdayBarsEndingOnTheLastWeekdayDeterministically() {
        // Sunday 2026-01-18 in Bangkok: the series ends on Friday the 16th
        BusinessClock sunday = BusinessClock.fixed(Instant.parse("2026-01-18T03:00:00Z"));
        Ticker vnm = new Ticker(3, "VNM19", "VNM.VN", "Vinamilk", "HOSE", "VND", null, "equity", true);
        PriceHistory a = new DemoPriceSource(sunday).fetch(vnm).history();
        PriceHistory b = new DemoPriceSource(sunday).fetch(vnm).history();

        assertThat(a).isEqualTo(b);
        assertThat(a.size()).isEqualTo(252);
        assertThat(a.endDate()).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(a.bars()).allSatisfy(bar -> assertThat(bar.date().getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        assertThat(a.last().close()).isGreaterThan(5_000); // VND-scale prices
        assertThat(new DemoPriceSource(sunday).name()).isEqualTo("demo");
    }

    @Test
    void tickersGetDifferentSeries() {
        LocalDate end = LocalDate.of(2026, 1, 16);
        assertThat(DemoPriceSource.series("NVDA19", "USD", end, 50).bars().stream().map(Bar::close).toList())
                .isNotEqualTo(DemoPriceSource.series("AAPL19", "USD", end, 50).bars().stream().map(Bar::close).toList());
    }
}
