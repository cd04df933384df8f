-- Migration 020 keeps the number it has in the earlier system, where chart_pattern_data was
-- introduced; versions 008-019 are unused. The schema is the reference one: detected chart
-- patterns per DR symbol and Bangkok analysis date, one row per (pattern type, implementation).
CREATE TABLE chart_pattern_data (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    ticker_id      INT         NOT NULL,
    symbol         VARCHAR(20) NOT NULL COMMENT 'DR symbol',
    pattern_date   DATE        NOT NULL COMMENT 'Asia/Bangkok analysis date',
    pattern_type   VARCHAR(50) NOT NULL,
    pattern_code   VARCHAR(20) NOT NULL,
    implementation VARCHAR(50) NOT NULL DEFAULT 'custom',
    impl_version   VARCHAR(20) NOT NULL DEFAULT '1.0.0',
    confidence     ENUM ('high', 'medium', 'low') NOT NULL DEFAULT 'medium',
    start_date     DATE        NULL,
    end_date       DATE        NULL,
    pattern_data   JSON        NOT NULL,
    detected_at    TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    created_at     TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at     TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_symbol_date_pattern_impl (symbol, pattern_date, pattern_type, implementation),
    KEY idx_symbol (symbol),
    KEY idx_pattern_date (pattern_date DESC),
    KEY idx_pattern_type (pattern_type),
    KEY idx_implementation (implementation),
    KEY idx_ticker_id (ticker_id),
    CONSTRAINT fk_chart_pattern_data_ticker FOREIGN KEY (ticker_id) REFERENCES ticker_master (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
