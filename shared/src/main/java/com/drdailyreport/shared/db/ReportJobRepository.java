package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.JobStatus;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.domain.Ticker;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/**
 * {@code report_jobs}: asynchronous report requests. A job moves pending → in_progress →
 * completed | failed; a move from any other state is refused, so a redelivered worker invocation
 * cannot reopen a finished job.
 */
public final class ReportJobRepository {

    private static final String SELECT = "SELECT job_id, ticker_id, ticker, status, report_date, error, source,"
            + " created_at, started_at, finished_at FROM report_jobs";

    private final Jdbc jdbc;
    private final RandomGenerator random;

    public ReportJobRepository(DataSource dataSource) {
        this(dataSource, new SecureRandom());
    }

    ReportJobRepository(DataSource dataSource, RandomGenerator random) {
        this.jdbc = new Jdbc(dataSource);
        this.random = random;
    }

    /**
     * Records a new pending job for {@code ticker}.
     *
     * @throws ConstraintViolationException when the ticker does not exist
     */
    public ReportJob create(Ticker ticker, String source, Instant createdAt) {
        String from = Checks.text("source", source, 50);
        Checks.present("created_at", createdAt);
        for (int attempt = 0; ; attempt++) {
            String jobId = ReportJob.newJobId(random);
            try {
                jdbc.update("report_jobs", "job_id=" + jobId + ", ticker_id=" + ticker.id(),
                        "INSERT INTO report_jobs (job_id, ticker_id, ticker, status, source, created_at) VALUES (?, ?, ?, 'pending', ?, ?)",
                        jobId, ticker.id(), ticker.drSymbol(), from, createdAt);
                return new ReportJob(jobId, ticker.id(), ticker.drSymbol(), JobStatus.PENDING, null, null, from, createdAt, null, null);
            } catch (ConstraintViolationException e) {
                // 48 random bits: a collision is astronomically rare, but it must not lose the request.
                if (e.kind() != ConstraintViolationException.Kind.DUPLICATE_KEY || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    public Optional<ReportJob> find(String jobId) {
        if (!ReportJob.isValidJobId(jobId)) {
            return Optional.empty();
        }
        return jdbc.queryOne("report_jobs", SELECT + " WHERE job_id = ?", ReportJobRepository::map, jobId);
    }

    /** pending → in_progress. */
    public ReportJob markInProgress(String jobId, Instant at) {
        return transition(jobId, JobStatus.IN_PROGRESS, "started_at = ?", new Object[] {at}, JobStatus.PENDING);
    }

    /** pending | in_progress → completed, naming the date of the report it produced. */
    public ReportJob markCompleted(String jobId, LocalDate reportDate, Instant at) {
        Checks.present("report_date", reportDate);
        return transition(jobId, JobStatus.COMPLETED, "report_date = ?, error = NULL, finished_at = ?",
                new Object[] {reportDate, at}, JobStatus.PENDING, JobStatus.IN_PROGRESS);
    }

    /** pending | in_progress → failed, with the reason shown to the user. */
    public ReportJob markFailed(String jobId, String error, Instant at) {
        String reason = Checks.text("error", error, 60_000);
        return transition(jobId, JobStatus.FAILED, "error = ?, finished_at = ?",
                new Object[] {reason, at}, JobStatus.PENDING, JobStatus.IN_PROGRESS);
    }

    private ReportJob transition(String jobId, JobStatus to, String assignments, Object[] values, JobStatus... from) {
        if (!ReportJob.isValidJobId(jobId)) {
            throw new InvalidValueException("job_id", "must be rpt_ followed by 12 lowercase hex digits, was '" + jobId + "'");
        }
        Checks.present("at", values[values.length - 1]);
        Object[] params = new Object[values.length + 2 + from.length];
        params[0] = to.wireName();
        System.arraycopy(values, 0, params, 1, values.length);
        params[values.length + 1] = jobId;
        StringBuilder states = new StringBuilder();
        for (int i = 0; i < from.length; i++) {
            params[values.length + 2 + i] = from[i].wireName();
            states.append(i == 0 ? "?" : ", ?");
        }
        int rows = jdbc.update("report_jobs", "job_id=" + jobId,
                "UPDATE report_jobs SET status = ?, " + assignments + " WHERE job_id = ? AND status IN (" + states + ")", params);
        ReportJob job = find(jobId).orElseThrow(() -> new RecordNotFoundException("report_jobs", "job_id=" + jobId));
        if (rows == 0) {
            throw new IllegalJobTransitionException(jobId, job.status(), to);
        }
        return job;
    }

    private static ReportJob map(ResultSet rs) throws SQLException {
        return new ReportJob(rs.getString("job_id"), rs.getInt("ticker_id"), rs.getString("ticker"),
                JobStatus.fromName(rs.getString("status")), rs.getObject("report_date", LocalDate.class),
                rs.getString("error"), rs.getString("source"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"));
    }
}
