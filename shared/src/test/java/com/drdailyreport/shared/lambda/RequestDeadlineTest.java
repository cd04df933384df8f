package com.drdailyreport.shared.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestDeadlineTest {

    private final RequestDeadline deadline = new RequestDeadline("test");

    @Test
    void workThatFinishesInTimeIsTheAnswer() {
        assertThat(deadline.call(context(Duration.ofSeconds(3)), () -> "done", () -> "fallback")).isEqualTo("done");
    }

    @Test
    void workThatOutlivesTheContextIsAnsweredByTheFallbackAMarginBeforeTheDeadline() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        long start = System.nanoTime();
        String answer = deadline.call(context(Duration.ofMillis(2_500)), () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            } finally {
                ended.countDown();
            }
            return "too late";
        }, () -> "503");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(answer).isEqualTo("503");
        // 2.5 s remaining less the 1 s margin
        assertThat(elapsedMs).isBetween(1_400L, 2_000L);
        assertThat(ended.await(2, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isTrue();
    }

    @Test
    void theBudgetIsTheRemainingTimeLessTheMargin() {
        assertThat(RequestDeadline.budget(context(Duration.ofSeconds(29)))).isBetween(Duration.ofMillis(27_900), Duration.ofSeconds(28));
        assertThat(RequestDeadline.budget(context(Duration.ofMillis(500)))).isEqualTo(Duration.ofMillis(100));
        assertThat(RequestDeadline.budget(null)).isEqualTo(RequestDeadline.WITHOUT_CONTEXT);
    }

    @Test
    void failuresOfTheWorkAreThrownAndTheRequestsLogTagsFollowIt() {
        assertThatThrownBy(() -> deadline.call(context(Duration.ofSeconds(3)), () -> {
            throw new IllegalStateException("boom");
        }, () -> "fallback")).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        MDC.put("request_id", "req-1");
        try {
            assertThat(deadline.call(context(Duration.ofSeconds(3)), () -> MDC.get("request_id"), () -> "fallback")).isEqualTo("req-1");
        } finally {
            MDC.remove("request_id");
        }
    }

    private static InvocationContext context(Duration timeout) {
        return new InvocationContext("test-function", timeout, 512);
    }
}
