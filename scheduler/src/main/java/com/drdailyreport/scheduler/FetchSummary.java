package com.drdailyreport.scheduler;

import java.time.LocalDate;
import java.util.List;

/**
 * What a price-fetch run did: {@code status} is success when every requested ticker was stored,
 * partial when some failed, error when none succeeded (or the run could not start).
 *
 * @param date the Bangkok business date the snapshots were stored under
 */
public record FetchSummary(String status, LocalDate date, int total, int successCount, int failedCount,
                           List<String> succeeded, List<TickerFailure> failed, boolean precomputeTriggered,
                           String precomputeError, long durationMs) {

    FetchSummary withPrecompute(boolean triggered, String error) {
        return new FetchSummary(status, date, total, successCount, failedCount, succeeded, failed, triggered, error, durationMs);
    }
}
