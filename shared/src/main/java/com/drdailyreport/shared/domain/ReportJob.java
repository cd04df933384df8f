package com.drdailyreport.shared.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * An asynchronous report request from the Mini App.
 *
 * @param jobId      {@code rpt_} followed by 12 lowercase hex digits
 * @param ticker     the DR symbol
 * @param reportDate the Bangkok date of the report the job produced, once completed
 */
public record ReportJob(String jobId, int tickerId, String ticker, JobStatus status, LocalDate reportDate,
                        String error, String source, Instant createdAt, Instant startedAt, Instant finishedAt) {

    private static final Pattern JOB_ID = Pattern.compile("rpt_[0-9a-f]{12}");

    /**
     * How long a job may stay pending or in progress: report-worker's timeout (120 s in
     * deploy/functions.json) plus room for Lambda's asynchronous queue. A job older than that has
     * lost its worker (timed out, crashed, never started) and is failed with {@link #STALE_REASON}.
     */
    public static final Duration STALE_AFTER = Duration.ofSeconds(180);
    public static final String STALE_REASON = "report generation did not finish within " + STALE_AFTER.toSeconds()
            + " s (the worker timed out or stopped); ask again";

    /** Whether the job is pending or in progress and has been for longer than {@link #STALE_AFTER} at {@code now}. */
    public boolean isStale(Instant now) {
        Instant since = startedAt != null ? startedAt : createdAt;
        return !status.isFinal() && since != null && since.plus(STALE_AFTER).isBefore(now);
    }

    /** A fresh job id: {@code rpt_} + 12 random lowercase hex digits. */
    public static String newJobId(RandomGenerator random) {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return "rpt_" + HexFormat.of().formatHex(bytes);
    }

    /** Whether {@code jobId} has the shape of a job id (checked before any lookup). */
    public static boolean isValidJobId(String jobId) {
        return jobId != null && JOB_ID.matcher(jobId).matches();
    }
}
