package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aClientMayBurstItsAllowanceThenRefillsAtTheRate() {
        AtomicLong now = new AtomicLong(1_000_000_000_000L);
        RateLimiter limiter = new RateLimiter(Map.of("search", 60), now::get);
        for (int i = 0; i < 60; i++) {
            assertThat(limiter.acquire("search", "203.0.113.7")).isZero();
        }
        assertThat(limiter.acquire("search", "203.0.113.7")).isEqualTo(1); // one token per second at 60/min
        assertThat(limiter.acquire("search", "198.51.100.1")).isZero(); // another client has its own bucket
        now.addAndGet(1_000_000_000L);
        assertThat(limiter.acquire("search", "203.0.113.7")).isZero();
        assertThat(limiter.acquire("search", "203.0.113.7")).isPositive();
        assertThat(limiter.acquire("health", "203.0.113.7")).isZero(); // groups without a limit are free
    }
}
