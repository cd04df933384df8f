-- report_jobs stays bounded: POST /report/{ticker} returns a requester's job already pending or in
-- progress for the same ticker and Bangkok date instead of inserting another row, and the nightly
-- run purges old rows. active_key is set only while a job is pending or in progress (NULL once it
-- is completed or failed), so the unique key allows one active job per (requester, ticker, date)
-- and any number of finished ones; it is what makes two simultaneous requests share one job.
ALTER TABLE report_jobs
    ADD COLUMN requester  VARCHAR(80)  NULL COMMENT 'who asked: user:<telegram id> or ip:<client address>',
    ADD COLUMN active_key VARCHAR(120) NULL COMMENT 'requester|ticker_id|date while pending or in_progress, else NULL',
    ADD UNIQUE KEY uk_report_jobs_active_key (active_key);
