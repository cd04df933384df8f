package com.drdailyreport.scheduler;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What a report or pattern worker returns to Step Functions (and to the summary): always a
 * {@code status} — success or error — and, on error, the {@code error}; null fields are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerResult(String ticker, String status, String error, Integer tickerId, LocalDate date, String jobId,
                           Long generationTimeMs, Integer patternsFound, Integer patternsStored, List<String> patternTypes,
                           String patternsSource) {

    static WorkerResult error(String ticker, String error) {
        return new WorkerResult(ticker, "error", error, null, null, null, null, null, null, null, null);
    }

    WorkerResult withJob(String id) {
        return new WorkerResult(ticker, status, error, tickerId, date, id, generationTimeMs, patternsFound, patternsStored,
                patternTypes, patternsSource);
    }

    boolean succeeded() {
        return "success".equals(status);
    }
}
