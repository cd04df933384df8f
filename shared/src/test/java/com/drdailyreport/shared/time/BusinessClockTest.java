package com.drdailyreport.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BusinessClockTest {

    @Test
    void halfPastMidnightInBangkokIsStillTheEveningBeforeInUtcButTodayHereIsBangkoks() {
        // 2025-12-29T17:30Z is 2025-12-30 00:30 in Bangkok (UTC+7): the incident of 2025-12-30 stored the UTC date.
        BusinessClock clock = BusinessClock.fixed(Instant.parse("2025-12-29T17:30:00Z"));
        assertThat(clock.today()).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(clock.now().getHour()).isZero();
        assertThat(clock.now().getMinute()).isEqualTo(30);
    }

    @Test
    void theDayTurnsAt1700Utc() {
        assertThat(BusinessClock.dateOf(Instant.parse("2026-03-01T16:59:59Z"))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(BusinessClock.dateOf(Instant.parse("2026-03-01T17:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void theSystemClockAnswersInBangkok() {
        assertThat(BusinessClock.system().clock().getZone()).isEqualTo(BusinessClock.ZONE);
        assertThat(BusinessClock.ZONE.getId()).isEqualTo("Asia/Bangkok");
    }
}
