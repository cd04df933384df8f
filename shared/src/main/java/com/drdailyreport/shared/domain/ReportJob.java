package com.drdailyreport.shared.domain;

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
