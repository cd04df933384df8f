-- Asynchronous report requests from the Mini App (the earlier system kept these in DynamoDB).
CREATE TABLE report_jobs (
    job_id      CHAR(16)    NOT NULL COMMENT 'rpt_ + 12 lowercase hex',
    ticker_id   INT         NOT NULL,
    ticker      VARCHAR(20) NOT NULL COMMENT 'DR symbol',
    status      ENUM ('pending', 'in_progress', 'completed', 'failed') NOT NULL DEFAULT 'pending',
    report_date DATE        NULL COMMENT 'date of the report the job produced',
    error       TEXT        NULL,
    source      VARCHAR(50) NOT NULL DEFAULT 'telegram_api',
    created_at  TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    started_at  TIMESTAMP   NULL,
    finished_at TIMESTAMP   NULL,
    updated_at  TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
    PRIMARY KEY (job_id),
    KEY idx_report_jobs_status (status),
    KEY idx_report_jobs_created_at (created_at),
    KEY idx_report_jobs_ticker_id (ticker_id),
    CONSTRAINT fk_report_jobs_ticker FOREIGN KEY (ticker_id) REFERENCES ticker_master (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
