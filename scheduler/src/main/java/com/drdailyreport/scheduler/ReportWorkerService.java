package com.drdailyreport.scheduler;

import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.IllegalJobTransitionException;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.RecordNotFoundException;
import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PriceSnapshot;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.domain.StoredPattern;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * report-worker: builds a ticker's report for the Bangkok business date from the day's
 * {@code ticker_data} and the day's chart patterns, and upserts {@code precomputed_reports}.
 *
 * <p>Patterns: the day's {@code chart_pattern_data} rows when the pattern worker has stored them;
 * otherwise (the two Map branches run in parallel) the same deterministic detector is run here on
 * the same bars, so a report never shows "no patterns" because it was built first.
 */
public final class ReportWorkerService {

    /** How old a price snapshot an on-demand (job) report may use. */
    static final int JOB_MAX_SNAPSHOT_AGE_DAYS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(ReportWorkerService.class);

    private final TickerRepository tickers;
    private final PriceHistoryRepository prices;
    private final ChartPatternRepository patterns;
    private final ReportRepository reports;
    private final ReportJobRepository jobs;
    private final PatternDetector detector;
    private final ReportBuilder builder;
    private final BusinessClock clock;
    private final DatabaseRetry retry;

    public ReportWorkerService(TickerRepository tickers, PriceHistoryRepository prices, ChartPatternRepository patterns,
                               ReportRepository reports, ReportJobRepository jobs, PatternDetector detector,
                               ReportBuilder builder, BusinessClock clock) {
        this(tickers, prices, patterns, reports, jobs, detector, builder, clock, DatabaseRetry.standard());
    }

    ReportWorkerService(TickerRepository tickers, PriceHistoryRepository prices, ChartPatternRepository patterns,
                        ReportRepository reports, ReportJobRepository jobs, PatternDetector detector, ReportBuilder builder,
                        BusinessClock clock, DatabaseRetry retry) {
        this.tickers = tickers;
        this.prices = prices;
        this.patterns = patterns;
        this.reports = reports;
        this.jobs = jobs;
        this.detector = detector;
        this.builder = builder;
        this.clock = clock;
        this.retry = retry;
    }

    /** The nightly path: today's snapshot is required. */
    public WorkerResult generate(String drSymbol) {
        return generate(drSymbol, 0);
    }

    /**
     * The on-demand path for a Mini App job: moves the job pending → in_progress → completed or
     * failed. A snapshot up to {@value #JOB_MAX_SNAPSHOT_AGE_DAYS} days old is accepted.
     */
    public WorkerResult runJob(String jobId, String drSymbol) {
        Optional<ReportJob> job = retry.call(() -> jobs.find(jobId));
        if (job.isEmpty()) {
            return WorkerResult.error(drSymbol, "unknown job " + jobId);
        }
        if (!job.get().ticker().equals(drSymbol)) {
            return WorkerResult.error(drSymbol, "job " + jobId + " is for " + job.get().ticker() + ", not " + drSymbol).withJob(jobId);
        }
        try {
            retry.call(() -> jobs.markInProgress(jobId, clock.instant()));
        } catch (IllegalJobTransitionException e) {
            // a redelivered invocation: the job is already being handled or finished
            return WorkerResult.error(drSymbol, "job " + jobId + " is already " + e.current().wireName()).withJob(jobId);
        } catch (RecordNotFoundException e) {
            return WorkerResult.error(drSymbol, "unknown job " + jobId);
        }
        WorkerResult result = generate(drSymbol, JOB_MAX_SNAPSHOT_AGE_DAYS);
        try {
            if (result.succeeded()) {
                retry.call(() -> jobs.markCompleted(jobId, result.date(), clock.instant()));
            } else {
                retry.call(() -> jobs.markFailed(jobId, result.error(), clock.instant()));
            }
        } catch (IllegalJobTransitionException e) {
            // the job outlived ReportJob.STALE_AFTER and was failed meanwhile; the report (if any) is stored all the same
            LOG.warn("job {} was already {} when its report finished", jobId, e.current().wireName());
        }
        return result.withJob(jobId);
    }

    private WorkerResult generate(String drSymbol, int maxSnapshotAgeDays) {
        LocalDate today = clock.today();
        Optional<Ticker> found;
        try {
            found = retry.call(() -> tickers.findBySymbol(drSymbol));
        } catch (RuntimeException e) {
            return WorkerResult.error(drSymbol, PriceFetchService.describe(e));
        }
        if (found.isEmpty() || !found.get().active()) {
            return WorkerResult.error(drSymbol, "unknown ticker " + drSymbol + ": not an active DR symbol");
        }
        Ticker ticker = found.get();
        long started = System.nanoTime();
        try {
            Optional<PriceSnapshot> snapshot = retry.call(() -> maxSnapshotAgeDays == 0
                    ? prices.find(ticker.drSymbol(), today)
                    : prices.findLatest(ticker.drSymbol(), today).filter(s -> !s.date().isBefore(today.minusDays(maxSnapshotAgeDays))));
            if (snapshot.isEmpty()) {
                String error = "no price data for " + ticker.drSymbol() + " on " + today + " (the nightly fetch has not stored it)";
                retry.run(() -> reports.upsertFailed(ticker, today, error, clock.instant()));
                return WorkerResult.error(ticker.drSymbol(), error);
            }
            PriceSnapshot prices1 = snapshot.get();
            List<StoredPattern> stored = retry.call(() -> patterns.findForDate(ticker.drSymbol(), today));
            String patternsSource = stored.isEmpty() ? "computed" : "cache";
            List<ChartPattern> dayPatterns = stored.isEmpty()
                    ? detector.detect(prices1.history())
                    : stored.stream().map(StoredPattern::pattern).toList();
            ReportBuilder.BuiltReport report = builder.build(new ReportBuilder.Input(ticker, prices1.history(), prices1.source(),
                    dayPatterns, today, clock.instant()));
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            retry.run(() -> reports.upsertCompleted(ticker, today, report.json(), report.narrative().thai(), elapsedMs, clock.instant()));
            return new WorkerResult(ticker.drSymbol(), "success", null, ticker.id(), today, null, elapsedMs, dayPatterns.size(), null,
                    null, patternsSource, null);
        } catch (RuntimeException e) {
            String error = PriceFetchService.describe(e);
            LOG.warn("report {} failed: {}", ticker.drSymbol(), error);
            try {
                retry.run(() -> reports.upsertFailed(ticker, today, error, clock.instant()));
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            return WorkerResult.error(ticker.drSymbol(), error);
        }
    }
}
