package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import java.time.Instant;
import javax.sql.DataSource;

/** {@code line_webhook_events}: the LINE webhook event ids already handled, so a redelivery is not answered twice. */
public final class LineWebhookEventRepository {

    private final Jdbc jdbc;

    public LineWebhookEventRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Records an event id.
     *
     * @return true the first time an id is seen, false for every later delivery of it
     */
    public boolean recordIfNew(String webhookEventId, String eventType, boolean redelivery, Instant receivedAt) {
        String id = Checks.text("webhook_event_id", webhookEventId, 64);
        String type = Checks.text("event_type", eventType, 32);
        Checks.present("received_at", receivedAt);
        try {
            jdbc.update("line_webhook_events", "webhook_event_id=" + id,
                    "INSERT INTO line_webhook_events (webhook_event_id, event_type, is_redelivery, received_at) VALUES (?, ?, ?, ?)",
                    id, type, redelivery, receivedAt);
            return true;
        } catch (ConstraintViolationException e) {
            if (e.kind() == ConstraintViolationException.Kind.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
