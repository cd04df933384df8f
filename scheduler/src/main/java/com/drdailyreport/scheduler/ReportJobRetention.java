package com.drdailyreport.scheduler;

import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly housekeeping of {@code report_jobs}, run by ticker-scheduler at 05:00: jobs still
 * pending or in progress after {@link ReportJob#STALE_AFTER} lost their worker and are failed with
 * the reason; finished jobs older than {@link #RETENTION} are deleted. With the API returning a
 * requester's running job instead of adding one, the table holds at most a week of requests.
 */
final class ReportJobRetention {

    /** How long a finished job stays readable through {@code GET report/status/{job_id}}. */
    static final Duration RETENTION = Duration.ofDays(7);

    private static final Logger LOG = LoggerFactory.getLogger(ReportJobRetention.class);

    private final ReportJobRepository jobs;
    private final BusinessClock clock;
    private final DatabaseRetry retry;

    ReportJobRetention(ReportJobRepository jobs, BusinessClock clock, DatabaseRetry retry) {
        this.jobs = jobs;
        this.clock = clock;
        this.retry = retry;
    }

    /** {@code {status: success, expired, purged}}, or {@code {status: error, error}} (never thrown: the fetch's result matters more). */
    Map<String, Object> run() {
        Map<String, Object> result = new LinkedHashMap<>();
        try {
            Instant now = clock.instant();
            int expired = retry.call(() -> jobs.expireStale(now.minus(ReportJob.STALE_AFTER), ReportJob.STALE_REASON, now));
            int purged = retry.call(() -> jobs.purgeFinishedBefore(now.minus(RETENTION)));
            LOG.info("report_jobs_retention: {} stale jobs failed, {} finished jobs older than {} days deleted", expired, purged,
                    RETENTION.toDays());
            result.put("status", "success");
            result.put("expired", expired);
            result.put("purged", purged);
        } catch (RuntimeException e) {
            LOG.error("report_jobs_retention failed", e);
            result.put("status", "error");
            result.put("error", PriceFetchService.describe(e));
        }
        return result;
    }
}
