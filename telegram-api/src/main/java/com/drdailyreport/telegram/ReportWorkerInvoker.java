package com.drdailyreport.telegram;

/** Starts report generation for a job, asynchronously (the report-worker function in AWS). */
public interface ReportWorkerInvoker {

    /** @throws RuntimeException when the request could not be handed over */
    void invoke(String jobId, String drSymbol);
}
