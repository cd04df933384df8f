-- Mini App watchlists; user_id is the Telegram user id taken from validated initData.
CREATE TABLE watchlist (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    VARCHAR(64) NOT NULL,
    ticker_id  INT         NOT NULL,
    ticker     VARCHAR(20) NOT NULL COMMENT 'DR symbol',
    created_at TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_watchlist_user_ticker (user_id, ticker),
    KEY idx_watchlist_ticker_id (ticker_id),
    CONSTRAINT fk_watchlist_ticker FOREIGN KEY (ticker_id) REFERENCES ticker_master (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
