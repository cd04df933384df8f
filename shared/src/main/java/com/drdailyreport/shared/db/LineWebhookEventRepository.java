package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import javax.sql.DataSource;

/** {@code line_webhook_events}: the LINE webhook event ids already handled, so a redelivery is not answered twice. */
public final class LineWebhookEventRepository {

    private final Jdbc jdbc;

    public LineWebhookEventRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** The longest id stored as it is; a longer one is stored as its digest ({@link #key}). */
    static final int MAX_ID_LENGTH = 64;

    /**
     * Records an event id.
     *
     * @return true the first time an id is seen, false for every later delivery of it
     */
    public boolean recordIfNew(String webhookEventId, String eventType, boolean redelivery, Instant receivedAt) {
        String id = key(Checks.text("webhook_event_id", webhookEventId, 10_000));
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

    /**
     * What is stored for an event id: the id itself up to {@value #MAX_ID_LENGTH} characters (LINE's
     * are 26-character ULIDs), else {@code sha256:} and 48 hex digits of its SHA-256 — the same for
     * every delivery of the same id, so a redelivery of a long id is still recognised.
     */
    static String key(String webhookEventId) {
        if (webhookEventId.length() <= MAX_ID_LENGTH) {
            return webhookEventId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(webhookEventId.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
