-- One report per DR symbol and Bangkok business date; user requests read this table only.
CREATE TABLE precomputed_reports (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    ticker_id          INT          NOT NULL,
    symbol             VARCHAR(20)  NOT NULL COMMENT 'DR symbol',
    report_date        DATE         NOT NULL COMMENT 'Asia/Bangkok business date',
    report_json        JSON         NULL,
    report_text        MEDIUMTEXT   NULL,
    status             ENUM ('pending', 'completed', 'failed') NOT NULL DEFAULT 'pending',
    error_message      TEXT         NULL,
    generation_time_ms INT UNSIGNED NULL,
    computed_at        TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at         TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_precomputed_reports_symbol_date (symbol, report_date),
    KEY idx_precomputed_reports_report_date (report_date DESC),
    KEY idx_precomputed_reports_status (status),
    KEY idx_precomputed_reports_ticker_id (ticker_id),
    CONSTRAINT fk_precomputed_reports_ticker FOREIGN KEY (ticker_id) REFERENCES ticker_master (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
