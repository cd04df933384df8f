package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class LineWebhookEventRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-01-15T03:00:00Z");

    private final TestSchema db;
    private final LineWebhookEventRepository events;

    LineWebhookEventRepositoryIT(TestSchema db) {
        this.db = db;
        this.events = new LineWebhookEventRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    @Test
    void anEventIdIsNewOnceAndARedeliveryIsNot() {
        assertThat(events.recordIfNew("01FZ74A0TDDPYRVKNK77XKC3ZR", "message", false, T0)).isTrue();
        assertThat(events.recordIfNew("01FZ74A0TDDPYRVKNK77XKC3ZR", "message", true, T0.plusSeconds(30))).isFalse();
        assertThat(db.count("line_webhook_events", "is_redelivery = 0")).isEqualTo(1);
    }

    @Test
    void concurrentDeliveriesOfOneIdClaimItExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                claims.add(pool.submit(() -> events.recordIfNew("01RACE", "message", false, T0)));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRejectedBeforeSql() {
        assertThatThrownBy(() -> events.recordIfNew("", "message", false, T0)).isInstanceOf(InvalidValueException.class)
                .hasMessage("webhook_event_id must not be empty");
        assertThatThrownBy(() -> events.recordIfNew("x".repeat(10_001), "message", false, T0))
                .hasMessageStartingWith("webhook_event_id must be at most 10000");
        assertThat(db.count("line_webhook_events", null)).isZero();
    }

    @Test
    void anIdLongerThanTheColumnIsRecordedAsItsDigestAndStillRecognised() {
        String longId = "E".repeat(64) + "-and-then-some";
        assertThat(events.recordIfNew(longId, "message", false, T0)).isTrue();
        assertThat(events.recordIfNew(longId, "message", true, T0.plusSeconds(30))).isFalse();
        assertThat(events.recordIfNew(longId + "2", "message", false, T0)).isTrue();
        assertThat(events.recordIfNew("E".repeat(64), "message", false, T0)).as("64 characters are stored as they are").isTrue();
        assertThat(db.count("line_webhook_events", "webhook_event_id LIKE 'sha256:%'")).isEqualTo(2);
        assertThat(db.count("line_webhook_events", "webhook_event_id = '" + "E".repeat(64) + "'")).isEqualTo(1);
    }
}
