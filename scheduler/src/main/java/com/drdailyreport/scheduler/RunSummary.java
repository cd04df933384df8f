package com.drdailyreport.scheduler;

import java.time.LocalDate;
import java.util.List;

/**
 * The workflow's last step: what the workers reported and what the database holds for the day.
 * {@code status} is success only when every active ticker has today's completed report and no
 * worker failed; otherwise error, naming each ticker at fault.
 */
public record RunSummary(String status, String error, String executionId, LocalDate date, int activeTickers,
                         Branch reports, Branch patterns, List<String> missingReports, TrackRecordRows trackRecord) {

    /**
     * The chart-pattern track record after the run: past patterns stored (every ticker's walk-forward)
     * and aggregate rows (per ticker and for the universe).
     */
    public record TrackRecordRows(int events, int records) {
    }

    /**
     * One branch's truth.
     *
     * @param reported        worker results received
     * @param succeeded       of them with status success
     * @param failed          the others, with their reasons
     * @param rowsInDatabase  today's rows in the branch's table (completed reports / pattern rows)
     * @param tickersInDatabase tickers with at least one of today's rows
     */
    public record Branch(int reported, int succeeded, List<TickerFailure> failed, int rowsInDatabase, int tickersInDatabase) {
    }
}
