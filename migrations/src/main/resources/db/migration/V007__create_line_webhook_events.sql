-- LINE redelivers webhook events; every webhookEventId handled is recorded so none is answered twice.
CREATE TABLE line_webhook_events (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    webhook_event_id VARCHAR(64) NOT NULL,
    event_type       VARCHAR(32) NOT NULL,
    is_redelivery    TINYINT(1)  NOT NULL DEFAULT 0,
    received_at      TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_line_webhook_events_event_id (webhook_event_id),
    KEY idx_line_webhook_events_received_at (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
