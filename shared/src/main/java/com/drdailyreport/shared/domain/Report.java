package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A precomputed report as stored: one per DR symbol and Bangkok date.
 *
 * @param reportJson       the full report document the API serves (null unless completed)
 * @param reportText       the narrative
 * @param generationTimeMs how long building it took
 */
public record Report(long id, int tickerId, String symbol, LocalDate reportDate, ReportStatus status,
                     JsonNode reportJson, String reportText, String errorMessage, Long generationTimeMs,
                     Instant computedAt) {

    public boolean isCompleted() {
        return status == ReportStatus.COMPLETED;
    }
}
