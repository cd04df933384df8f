package com.drdailyreport.shared.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A {@code chart_pattern_data} row.
 *
 * @param patternDate    the Bangkok analysis date
 * @param implementation which detector produced it (custom, stock_pattern, talib, ml_detector)
 */
public record StoredPattern(long id, int tickerId, String symbol, LocalDate patternDate, String implementation,
                           String implVersion, ChartPattern pattern, Instant detectedAt) {
}
