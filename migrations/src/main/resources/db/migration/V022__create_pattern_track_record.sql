-- Migration 022: the chart-pattern detector's own track record (issue 13). Both tables are
-- rewritten by every nightly run (idempotent upserts; a re-run leaves the row counts unchanged).
--
-- pattern_track_events: every past pattern of a ticker, counted once on the bar it was first
-- reported (walk-forward over the stored year, no look-ahead), with what happened within the
-- horizon and the base rate it is compared with.
CREATE TABLE pattern_track_events (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    ticker_id       INT         NOT NULL,
    symbol          VARCHAR(20) NOT NULL COMMENT 'DR symbol',
    pattern_type    VARCHAR(50) NOT NULL,
    start_date      DATE        NOT NULL COMMENT 'first point of the pattern',
    reported_date   DATE        NOT NULL COMMENT 'bar it was first reported on (the entry)',
    impl_version    VARCHAR(20) NOT NULL,
    confidence      ENUM ('high', 'medium', 'low') NOT NULL,
    quality         DECIMAL(6, 4) NOT NULL,
    outcome         ENUM ('hit', 'failed', 'no_result', 'open') NOT NULL,
    bars_to_outcome INT         NULL,
    return_pct      DOUBLE      NULL COMMENT 'return at the horizon in the pattern''s direction',
    target_pct      DOUBLE      NULL,
    stop_pct        DOUBLE      NULL,
    base_rate       DECIMAL(6, 4) NULL,
    demo            BOOLEAN     NOT NULL DEFAULT FALSE COMMENT 'computed from demo (synthetic) prices',
    computed_at     TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_track_event (symbol, pattern_type, start_date),
    KEY idx_track_event_type (pattern_type),
    KEY idx_track_event_ticker (ticker_id),
    CONSTRAINT fk_pattern_track_events_ticker FOREIGN KEY (ticker_id) REFERENCES ticker_master (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- pattern_track_record: the aggregate per scope (a DR symbol, or '*' for the whole universe),
-- pattern type and confidence ('all' = every confidence), separately for demo and real prices.
CREATE TABLE pattern_track_record (
    id                    BIGINT      NOT NULL AUTO_INCREMENT,
    scope                 VARCHAR(20) NOT NULL COMMENT 'DR symbol, or * for the universe',
    pattern_type          VARCHAR(50) NOT NULL,
    confidence            ENUM ('all', 'high', 'medium', 'low') NOT NULL,
    demo                  BOOLEAN     NOT NULL DEFAULT FALSE,
    as_of                 DATE        NOT NULL COMMENT 'last bar the record covers',
    impl_version          VARCHAR(20) NOT NULL,
    cases                 INT         NOT NULL,
    hits                  INT         NOT NULL,
    failures              INT         NOT NULL,
    hit_rate              DECIMAL(6, 4) NULL,
    base_rate             DECIMAL(6, 4) NULL,
    z_score               DOUBLE      NULL,
    median_bars_to_target INT         NULL,
    mean_return_pct       DOUBLE      NULL,
    horizon_bars          INT         NOT NULL,
    verdict               ENUM ('better_than_chance', 'not_better_than_chance', 'too_few_cases') NOT NULL,
    computed_at           TIMESTAMP   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (id),
    UNIQUE KEY uk_track_record (scope, pattern_type, confidence, demo),
    KEY idx_track_record_scope (scope)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
