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
 * cannot reopen a finished job. While a job is pending or in progress it holds its requester's
 * {@code active_key} (requester, ticker, Bangkok date): a second request for the same returns it
 * ({@link #submit}) instead of adding a row. Jobs whose worker is gone are failed
 * ({@link #expireStale}), finished ones purged after a while ({@link #purgeFinishedBefore}).
 */
public final class ReportJobRepository {

    /** What {@link #submit} did: the requester's active job, and whether this call created it. */
    public record Submission(ReportJob job, boolean created) {
    }

    /** Jobs pending or in progress: in all, and of one requester. */
    public record ActiveJobs(int total, int ofRequester) {
    }

    private static final String ACTIVE = "status IN ('pending', 'in_progress')";
    private static final int PURGE_BATCH = 5_000;

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
        return insert(ticker, from, null, null, createdAt).orElseThrow();
    }

    /**
     * The job of {@code requester} for {@code ticker} on the Bangkok {@code date}: the one already
     * pending or in progress, else a new pending one. Two simultaneous calls get the same job.
     *
     * @param requester who asks: {@code user:<telegram id>} or {@code ip:<address>}
     */
    public Submission submit(Ticker ticker, String requester, LocalDate date, String source, Instant now) {
        String who = Checks.text("requester", requester, 80);
        String from = Checks.text("source", source, 50);
        Checks.present("date", date);
        Checks.present("created_at", now);
        String key = who + "|" + ticker.id() + "|" + date;
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<ReportJob> existing = findByActiveKey(key);
            if (existing.isPresent()) {
                return new Submission(existing.get(), false);
            }
            Optional<ReportJob> created = insert(ticker, from, who, key, now);
            if (created.isPresent()) {
                return new Submission(created.get(), true);
            }
            // another request inserted the active job between our read and our insert: read it
        }
        throw new DatabaseUnavailableException("report_jobs: the active job for " + ticker.drSymbol() + " kept changing; retry", null);
    }

    /** The job of {@code requester} for {@code ticker} on {@code date} that is pending or in progress. */
    public Optional<ReportJob> findActive(Ticker ticker, String requester, LocalDate date) {
        return findByActiveKey(Checks.text("requester", requester, 80) + "|" + ticker.id() + "|" + Checks.present("date", date));
    }

    private Optional<ReportJob> findByActiveKey(String key) {
        return jdbc.queryOne("report_jobs", SELECT + " WHERE active_key = ?", ReportJobRepository::map, key);
    }

    /** The new pending job, or empty when {@code activeKey} is taken by another active job. */
    private Optional<ReportJob> insert(Ticker ticker, String source, String requester, String activeKey, Instant createdAt) {
        for (int attempt = 0; ; attempt++) {
            String jobId = ReportJob.newJobId(random);
            try {
                jdbc.update("report_jobs", "job_id=" + jobId + ", ticker_id=" + ticker.id(),
                        "INSERT INTO report_jobs (job_id, ticker_id, ticker, status, source, requester, active_key, created_at)"
                                + " VALUES (?, ?, ?, 'pending', ?, ?, ?, ?)",
                        jobId, ticker.id(), ticker.drSymbol(), source, requester, activeKey, createdAt);
                return Optional.of(new ReportJob(jobId, ticker.id(), ticker.drSymbol(), JobStatus.PENDING, null, null, source, createdAt,
                        null, null));
            } catch (ConstraintViolationException e) {
                if (e.kind() != ConstraintViolationException.Kind.DUPLICATE_KEY) {
                    throw e;
                }
                if (activeKey != null && findByActiveKey(activeKey).isPresent()) {
                    return Optional.empty();
                }
                // 48 random bits: a job id collision is astronomically rare, but it must not lose the request.
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /** How many jobs are pending or in progress, in all and of {@code requester}. */
    public ActiveJobs countActive(String requester) {
        String who = Checks.text("requester", requester, 80);
        return jdbc.queryOne("report_jobs", "SELECT COUNT(*) AS total, COALESCE(SUM(requester = ?), 0) AS mine FROM report_jobs WHERE " + ACTIVE,
                rs -> new ActiveJobs(rs.getInt("total"), rs.getInt("mine")), who).orElse(new ActiveJobs(0, 0));
    }

    /**
     * Fails every job pending or in progress since before {@code cutoff} (its started time, else its
     * creation): its worker timed out, died or never ran.
     *
     * @return the jobs failed
     */
    public int expireStale(Instant cutoff, String reason, Instant now) {
        Checks.present("cutoff", cutoff);
        Checks.present("at", now);
        return jdbc.update("report_jobs", "stale jobs",
                "UPDATE report_jobs SET status = 'failed', error = ?, finished_at = ?, active_key = NULL WHERE " + ACTIVE
                        + " AND COALESCE(started_at, created_at) < ?", Checks.text("error", reason, 60_000), now, cutoff);
    }

    /**
     * Fails the job {@code jobId} when it is pending or in progress since before {@code cutoff}.
     *
     * @return the job as it is now (empty when unknown)
     */
    public Optional<ReportJob> expireIfStale(String jobId, Instant cutoff, String reason, Instant now) {
        if (!ReportJob.isValidJobId(jobId)) {
            return Optional.empty();
        }
        jdbc.update("report_jobs", "job_id=" + jobId,
                "UPDATE report_jobs SET status = 'failed', error = ?, finished_at = ?, active_key = NULL WHERE job_id = ? AND " + ACTIVE
                        + " AND COALESCE(started_at, created_at) < ?", Checks.text("error", reason, 60_000), Checks.present("at", now),
                jobId, Checks.present("cutoff", cutoff));
        return find(jobId);
    }

    /**
     * Deletes completed and failed jobs created before {@code cutoff}, a batch at a time so no
     * statement holds many locks.
     *
     * @return the jobs deleted
     */
    public int purgeFinishedBefore(Instant cutoff) {
        Checks.present("cutoff", cutoff);
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.update("report_jobs", "finished jobs",
                    "DELETE FROM report_jobs WHERE status IN ('completed', 'failed') AND created_at < ? LIMIT " + PURGE_BATCH, cutoff);
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
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
        return transition(jobId, JobStatus.COMPLETED, "report_date = ?, error = NULL, finished_at = ?, active_key = NULL",
                new Object[] {reportDate, at}, JobStatus.PENDING, JobStatus.IN_PROGRESS);
    }

    /** pending | in_progress → failed, with the reason shown to the user. */
    public ReportJob markFailed(String jobId, String error, Instant at) {
        String reason = Checks.text("error", error, 60_000);
        return transition(jobId, JobStatus.FAILED, "error = ?, finished_at = ?, active_key = NULL",
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
