-- Every symbol a ticker is known by (DR symbol on the SET, Yahoo symbol, ...). A symbol names
-- exactly one ticker across all types, hence the global unique key.
CREATE TABLE ticker_aliases (
    id          INT         NOT NULL AUTO_INCREMENT,
    ticker_id   INT         NOT NULL,
    symbol      VARCHAR(50) NOT NULL,
    symbol_type ENUM ('dr', 'yahoo', 'bloomberg', 'eikon', 'other') NOT NULL,
    is_primary  TINYINT(1)  NOT NULL DEFAULT 0,
    created_at  TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_ticker_aliases_symbol (symbol),
    KEY idx_ticker_aliases_symbol_type (symbol, symbol_type),
    KEY idx_ticker_aliases_ticker_id (ticker_id),
    CONSTRAINT fk_ticker_aliases_ticker FOREIGN KEY (ticker_id) REFERENCES ticker_master (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
