package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.JobStatus;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class ReportJobRepositoryIT {

    private static final Instant T0 = Instant.parse("2026-01-15T03:00:00Z");

    private final TestSchema db;
    private final ReportJobRepository jobs;

    ReportJobRepositoryIT(TestSchema db) {
        this.db = db;
        this.jobs = new ReportJobRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    @Test
    void aJobMovesFromPendingThroughInProgressToCompleted() {
        Ticker nvda = db.ticker("NVDA19");
        ReportJob created = jobs.create(nvda, "telegram_api", T0);
        assertThat(created.jobId()).matches("rpt_[0-9a-f]{12}");
        assertThat(jobs.find(created.jobId())).contains(created);

        ReportJob running = jobs.markInProgress(created.jobId(), T0.plusSeconds(1));
        assertThat(running.status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(running.startedAt()).isEqualTo(T0.plusSeconds(1));

        ReportJob done = jobs.markCompleted(created.jobId(), LocalDate.of(2026, 1, 15), T0.plusSeconds(3));
        assertThat(done).extracting(ReportJob::status, ReportJob::reportDate, ReportJob::finishedAt, ReportJob::error, ReportJob::ticker)
                .containsExactly(JobStatus.COMPLETED, LocalDate.of(2026, 1, 15), T0.plusSeconds(3), null, "NVDA19");
    }

    @Test
    void aFinishedJobCannotBeReopenedOrFinishedTwice() {
        ReportJob job = jobs.create(db.ticker("DBS19"), "telegram_api", T0);
        jobs.markFailed(job.jobId(), "no price data for DBS19 today", T0.plusSeconds(2));

        assertThatThrownBy(() -> jobs.markInProgress(job.jobId(), T0.plusSeconds(5)))
                .isInstanceOf(IllegalJobTransitionException.class)
                .hasMessage("report_jobs: job " + job.jobId() + " is failed and cannot become in_progress");
        assertThatThrownBy(() -> jobs.markCompleted(job.jobId(), LocalDate.of(2026, 1, 15), T0.plusSeconds(5)))
                .isInstanceOf(IllegalJobTransitionException.class);
        assertThat(jobs.find(job.jobId()).orElseThrow())
                .extracting(ReportJob::status, ReportJob::error).containsExactly(JobStatus.FAILED, "no price data for DBS19 today");
    }

    @Test
    void unknownAndMalformedIdsAreNotFoundOrRejected() {
        assertThat(jobs.find("rpt_000000000000")).isEmpty();
        assertThat(jobs.find("'; DROP TABLE report_jobs;--")).isEmpty();
        assertThatThrownBy(() -> jobs.markInProgress("rpt_000000000000", T0)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> jobs.markInProgress("nope", T0)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("job_id must be rpt_");
    }

    @Test
    void aCollidingIdIsRetriedNotLost() {
        // Two repositories with identically seeded generators produce the same first id.
        ReportJobRepository first = new ReportJobRepository(db.dataSource(), new Random(1));
        ReportJobRepository second = new ReportJobRepository(db.dataSource(), new Random(1));
        ReportJob a = first.create(db.ticker("NVDA19"), "telegram_api", T0);
        ReportJob b = second.create(db.ticker("NVDA19"), "telegram_api", T0);
        assertThat(b.jobId()).isNotEqualTo(a.jobId());
        assertThat(db.count("report_jobs", null)).isEqualTo(2);
    }

    @Test
    void aJobForAnUnknownTickerIsAForeignKeyViolation() {
        Ticker ghost = new Ticker(999_999, "GHOST19", "GHOST", null, null, null, null, null, true);
        assertThatThrownBy(() -> jobs.create(ghost, "telegram_api", T0)).isInstanceOf(ConstraintViolationException.class)
                .hasMessageContaining("report_jobs: foreign key violated for job_id=rpt_").hasMessageContaining("ticker_id=999999");
        assertThatThrownBy(() -> jobs.create(db.ticker("NVDA19"), "", T0)).isInstanceOf(InvalidValueException.class);
        assertThat(db.count("report_jobs", null)).isZero();
    }

    @Test
    void aRequestersSecondAskForTheSameTickerAndDayGetsItsRunningJob() {
        Ticker nvda = db.ticker("NVDA19");
        LocalDate day = LocalDate.of(2026, 1, 15);
        ReportJobRepository.Submission first = jobs.submit(nvda, "ip:203.0.113.7", day, "telegram_api", T0);
        ReportJobRepository.Submission again = jobs.submit(nvda, "ip:203.0.113.7", day, "telegram_api", T0.plusSeconds(1));
        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.job().jobId()).isEqualTo(first.job().jobId());
        assertThat(jobs.findActive(nvda, "ip:203.0.113.7", day)).map(ReportJob::jobId).contains(first.job().jobId());

        // another requester, ticker or day is another job
        assertThat(jobs.submit(nvda, "user:424242", day, "telegram_api", T0).created()).isTrue();
        assertThat(jobs.submit(db.ticker("DBS19"), "ip:203.0.113.7", day, "telegram_api", T0).created()).isTrue();
        assertThat(jobs.submit(nvda, "ip:203.0.113.7", day.plusDays(1), "telegram_api", T0).created()).isTrue();
        assertThat(jobs.countActive("ip:203.0.113.7")).isEqualTo(new ReportJobRepository.ActiveJobs(4, 3));

        // in progress it is still the running job; once finished, the next ask is a new one
        jobs.markInProgress(first.job().jobId(), T0.plusSeconds(2));
        assertThat(jobs.submit(nvda, "ip:203.0.113.7", day, "telegram_api", T0.plusSeconds(3)).job().jobId()).isEqualTo(first.job().jobId());
        jobs.markCompleted(first.job().jobId(), day, T0.plusSeconds(4));
        ReportJobRepository.Submission next = jobs.submit(nvda, "ip:203.0.113.7", day, "telegram_api", T0.plusSeconds(5));
        assertThat(next.created()).isTrue();
        assertThat(next.job().jobId()).isNotEqualTo(first.job().jobId());
        assertThat(db.count("report_jobs", null)).isEqualTo(5);
    }

    @Test
    void simultaneousAsksOfOneRequesterShareOneJob() throws Exception {
        Ticker nvda = db.ticker("NVDA19");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<ReportJobRepository.Submission>> asks = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                asks.add(pool.submit(() -> jobs.submit(nvda, "user:1", LocalDate.of(2026, 1, 15), "telegram_api", T0)));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            int created = 0;
            for (var ask : asks) {
                ids.add(ask.get().job().jobId());
                created += ask.get().created() ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(created).isEqualTo(1);
            assertThat(db.count("report_jobs", null)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void jobsWhoseWorkerIsGoneAreFailedAndOldFinishedJobsPurged() {
        Ticker nvda = db.ticker("NVDA19");
        Instant now = T0.plus(java.time.Duration.ofDays(10));
        ReportJob neverStarted = jobs.create(nvda, "telegram_api", now.minusSeconds(600));
        ReportJob timedOut = jobs.create(nvda, "telegram_api", now.minusSeconds(900));
        jobs.markInProgress(timedOut.jobId(), now.minusSeconds(181));
        ReportJob running = jobs.create(nvda, "telegram_api", now.minusSeconds(900));
        jobs.markInProgress(running.jobId(), now.minusSeconds(60));
        ReportJob fresh = jobs.create(nvda, "telegram_api", now.minusSeconds(5));
        ReportJob oldDone = jobs.create(nvda, "telegram_api", now.minus(java.time.Duration.ofDays(8)));
        jobs.markCompleted(oldDone.jobId(), LocalDate.of(2026, 1, 17), now.minus(java.time.Duration.ofDays(8)));
        ReportJob recentDone = jobs.create(nvda, "telegram_api", now.minus(java.time.Duration.ofDays(2)));
        jobs.markFailed(recentDone.jobId(), "no price data", now.minus(java.time.Duration.ofDays(2)));

        int expired = jobs.expireStale(now.minus(ReportJob.STALE_AFTER), ReportJob.STALE_REASON, now);

        assertThat(expired).isEqualTo(2);
        assertThat(jobs.find(neverStarted.jobId()).orElseThrow()).extracting(ReportJob::status, ReportJob::error, ReportJob::finishedAt)
                .containsExactly(JobStatus.FAILED, ReportJob.STALE_REASON, now);
        assertThat(jobs.find(timedOut.jobId()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(jobs.find(running.jobId()).orElseThrow().status()).isEqualTo(JobStatus.IN_PROGRESS);
        assertThat(jobs.find(fresh.jobId()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);

        assertThat(jobs.purgeFinishedBefore(now.minus(java.time.Duration.ofDays(7)))).isEqualTo(1);
        assertThat(jobs.find(oldDone.jobId())).isEmpty();
        assertThat(jobs.find(recentDone.jobId())).isPresent();
        assertThat(db.count("report_jobs", null)).isEqualTo(5);
    }

    @Test
    void oneStaleJobIsFailedOnItsOwnWhenRead() {
        ReportJob job = jobs.create(db.ticker("NVDA19"), "telegram_api", T0);
        ReportJob other = jobs.create(db.ticker("DBS19"), "telegram_api", T0);
        Instant later = T0.plus(ReportJob.STALE_AFTER).plusSeconds(1);
        assertThat(jobs.find(job.jobId()).orElseThrow().isStale(later)).isTrue();

        assertThat(jobs.expireIfStale(job.jobId(), later.minus(ReportJob.STALE_AFTER), ReportJob.STALE_REASON, later).orElseThrow())
                .extracting(ReportJob::status, ReportJob::error).containsExactly(JobStatus.FAILED, ReportJob.STALE_REASON);
        assertThat(jobs.find(other.jobId()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
        // a finished job is left as it is
        assertThat(jobs.expireIfStale(job.jobId(), later, "other reason", later).orElseThrow().error()).isEqualTo(ReportJob.STALE_REASON);
    }
}
