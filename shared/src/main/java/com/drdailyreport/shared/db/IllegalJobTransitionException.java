package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.JobStatus;

/** A report job was asked to move to a state it cannot reach from where it is (e.g. completed → in_progress). */
public final class IllegalJobTransitionException extends DataAccessException {

    private final JobStatus current;

    IllegalJobTransitionException(String jobId, JobStatus current, JobStatus requested) {
        super("report_jobs: job " + jobId + " is " + current.wireName() + " and cannot become " + requested.wireName());
        this.current = current;
    }

    public JobStatus current() {
        return current;
    }
}
