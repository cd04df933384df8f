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
}
