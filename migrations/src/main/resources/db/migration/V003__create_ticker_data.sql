-- The daily price snapshot: one row per ticker and Bangkok business date, holding about a year
-- of daily bars as a JSON array of {date, open, high, low, close, volume}.
CREATE TABLE ticker_data (
    id                 BIGINT      NOT NULL AUTO_INCREMENT,
    ticker_master_id   INT         NOT NULL,
    symbol             VARCHAR(20) NOT NULL COMMENT 'DR symbol',
    date               DATE        NOT NULL COMMENT 'Asia/Bangkok business date of the snapshot',
    price_history      JSON        NOT NULL,
    row_count          INT         NOT NULL,
    history_start_date DATE        NULL,
    history_end_date   DATE        NULL,
    source             VARCHAR(50) NOT NULL DEFAULT 'yahoo',
    fetched_at         TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at         TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_symbol_date (symbol, date),
    KEY idx_ticker_data_fetched_at (fetched_at),
    KEY idx_ticker_data_ticker_master_id (ticker_master_id),
    CONSTRAINT fk_ticker_data_ticker FOREIGN KEY (ticker_master_id) REFERENCES ticker_master (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
