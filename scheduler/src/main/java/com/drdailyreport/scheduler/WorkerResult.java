package com.drdailyreport.scheduler;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * What a report or pattern worker returns to Step Functions (and to the summary): always a
 * {@code status} — success or error — and, on error, the {@code error}; null fields are left out.
 * A pattern worker also says how many past patterns its walk-forward track record counted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkerResult(String ticker, String status, String error, Integer tickerId, LocalDate date, String jobId,
                           Long generationTimeMs, Integer patternsFound, Integer patternsStored, List<String> patternTypes,
                           String patternsSource, Integer trackRecordEvents) {

    static WorkerResult error(String ticker, String error) {
        return new WorkerResult(ticker, "error", error, null, null, null, null, null, null, null, null, null);
    }

    WorkerResult withJob(String id) {
        return new WorkerResult(ticker, status, error, tickerId, date, id, generationTimeMs, patternsFound, patternsStored,
                patternTypes, patternsSource, trackRecordEvents);
    }

    boolean succeeded() {
        return "success".equals(status);
    }
}
