package com.drdailyreport.scheduler;

import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.patterns.PatternTrackRecord;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Counts a precompute run truthfully: the workers' own results (a missing or error status is a
 * failure, whatever Step Functions thought) and {@code COUNT(*)} of today's rows. A run with any
 * active ticker lacking today's report, or any failed worker, is not green. It also refreshes the
 * universe's chart-pattern track record from every ticker's stored events (real and demo prices
 * apart), once all pattern workers are done.
 */
public final class RunSummarizer {

    private final TickerRepository tickers;
    private final ReportRepository reports;
    private final ChartPatternRepository patterns;
    private final TrackRecordRepository trackRecords;
    private final BusinessClock clock;

    public RunSummarizer(TickerRepository tickers, ReportRepository reports, ChartPatternRepository patterns,
                         TrackRecordRepository trackRecords, BusinessClock clock) {
        this.tickers = tickers;
        this.reports = reports;
        this.patterns = patterns;
        this.trackRecords = trackRecords;
        this.clock = clock;
    }

    /**
     * @param reportResults  the report Map's item results (each should carry ticker and status)
     * @param patternResults the pattern Map's item results
     */
    public RunSummary summarize(String executionId, List<Map<String, Object>> reportResults, List<Map<String, Object>> patternResults) {
        LocalDate today = clock.today();
        for (boolean demo : new boolean[] {false, true}) {
            trackRecords.replaceRecords(TrackRecord.UNIVERSE, demo,
                    PatternTrackRecord.aggregate(TrackRecord.UNIVERSE, trackRecords.events(demo), today, demo), PatternDetector.VERSION,
                    clock.instant());
        }
        List<Ticker> active = tickers.findActive();
        List<String> completed = reports.completedSymbols(today);
        Map<String, Integer> patternRows = patterns.countsForDate(today);

        RunSummary.Branch reportBranch = branch(reportResults, completed.size(), completed.size());
        RunSummary.Branch patternBranch = branch(patternResults, patternRows.values().stream().mapToInt(Integer::intValue).sum(),
                patternRows.size());
        Set<String> done = new TreeSet<>(completed);
        List<String> missing = active.stream().map(Ticker::drSymbol).filter(s -> !done.contains(s)).sorted().toList();

        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " of " + active.size() + " active tickers have no report for " + today + ": "
                    + String.join(", ", missing));
        }
        if (!reportBranch.failed().isEmpty()) {
            problems.add(reportBranch.failed().size() + " report workers failed");
        }
        if (!patternBranch.failed().isEmpty()) {
            problems.add(patternBranch.failed().size() + " pattern workers failed");
        }
        return new RunSummary(problems.isEmpty() ? "success" : "error", problems.isEmpty() ? null : String.join("; ", problems),
                executionId, today, active.size(), reportBranch, patternBranch, missing, trackRecordRows());
    }

    private RunSummary.TrackRecordRows trackRecordRows() {
        int[] counts = trackRecords.counts();
        return new RunSummary.TrackRecordRows(counts[0], counts[1]);
    }

    private static RunSummary.Branch branch(List<Map<String, Object>> results, int rows, int tickersWithRows) {
        List<Map<String, Object>> items = results == null ? List.of() : results;
        List<TickerFailure> failed = new ArrayList<>();
        int succeeded = 0;
        for (Map<String, Object> item : items) {
            Object status = item == null ? null : item.get("status");
            if ("success".equals(status)) {
                succeeded++;
            } else {
                Object ticker = item == null ? null : item.get("ticker");
                Object error = item == null ? null : item.get("error");
                failed.add(new TickerFailure(ticker == null ? "(unknown)" : ticker.toString(),
                        error == null ? "worker returned no status" : error.toString()));
            }
        }
        failed.sort(Comparator.comparing(TickerFailure::ticker));
        return new RunSummary.Branch(items.size(), succeeded, List.copyOf(failed), rows, tickersWithRows);
    }
}
