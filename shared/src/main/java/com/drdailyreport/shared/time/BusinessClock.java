package com.drdailyreport.shared.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The one source of "now" and "today" for business purposes. Every business date in the system
 * (snapshot date, report date, pattern date) is a date in Asia/Bangkok, whatever the JVM's or
 * the database's zone is (Lambda runs in UTC: a run at 00:30 Bangkok is still the previous day
 * in UTC). Inject a fixed instance in tests.
 */
public final class BusinessClock {

    /** The business time zone: Asia/Bangkok (UTC+7, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

    private final Clock clock;

    private BusinessClock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock").withZone(ZONE);
    }

    /** The system clock, viewed in Asia/Bangkok. */
    public static BusinessClock system() {
        return new BusinessClock(Clock.systemUTC());
    }

    /** A clock that always answers {@code instant}; for tests and replays. */
    public static BusinessClock fixed(Instant instant) {
        return new BusinessClock(Clock.fixed(instant, ZONE));
    }

    /** Any clock, viewed in Asia/Bangkok. */
    public static BusinessClock of(Clock clock) {
        return new BusinessClock(clock);
    }

    /** The current instant. */
    public Instant instant() {
        return clock.instant();
    }

    /** The current Bangkok date-time. */
    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }

    /** The current Bangkok business date. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The Bangkok date of an instant. */
    public static LocalDate dateOf(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    /** The underlying clock (zone Asia/Bangkok). */
    public Clock clock() {
        return clock;
    }
}
