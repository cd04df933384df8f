-- One row per instrument in the DR universe. Rows are never deleted: a ticker that leaves the
-- universe is deactivated (is_active = 0), so its history and foreign keys stay valid.
-- id is INT because the reference schema's chart_pattern_data.ticker_id (INT) references it.
CREATE TABLE ticker_master (
    id           INT          NOT NULL AUTO_INCREMENT,
    company_name VARCHAR(255) NULL,
    exchange     VARCHAR(100) NULL,
    currency     VARCHAR(10)  NULL,
    sector       VARCHAR(100) NULL,
    industry     VARCHAR(100) NULL,
    quote_type   VARCHAR(50)  NOT NULL DEFAULT 'equity',
    is_active    TINYINT(1)   NOT NULL DEFAULT 1,
    created_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at   TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    KEY idx_ticker_master_company_name (company_name),
    KEY idx_ticker_master_is_active (is_active),
    KEY idx_ticker_master_exchange (exchange)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
