package com.drdailyreport.scheduler;

import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.time.BusinessClock;
import java.security.SecureRandom;
import javax.sql.DataSource;

/**
 * The scheduler's five handlers wired over an existing pool, for running them outside Lambda
 * ({@code local}): the same classes the functions run, with the caller's price source, the way a
 * run is started (in AWS: Step Functions), and the way ticker-scheduler asks for one (in AWS: an
 * async Lambda invocation of precompute-controller).
 */
public final class SchedulerFunctions {

    /** One handler per scheduler function. */
    public record Handlers(TickerSchedulerHandler tickerScheduler, PrecomputeControllerHandler precomputeController,
                           GetTickerListHandler getTickerList, ReportWorkerHandler reportWorker,
                           PatternPrecomputeHandler patternPrecompute) {
    }

    private SchedulerFunctions() {
    }

    public static Handlers wire(DataSource ds, PriceSource prices, int fetchConcurrency, ReportBuilder builder, ControllerTrigger trigger,
                                PrecomputeStarter starter, BusinessClock clock) {
        TickerRepository tickers = new TickerRepository(ds);
        PriceHistoryRepository history = new PriceHistoryRepository(ds);
        ChartPatternRepository patterns = new ChartPatternRepository(ds);
        ReportRepository reports = new ReportRepository(ds);
        TrackRecordRepository trackRecords = new TrackRecordRepository(ds);
        PatternDetector detector = new PatternDetector();
        return new Handlers(
                new TickerSchedulerHandler(new PriceFetchService(tickers, history, prices, clock, fetchConcurrency), trigger,
                        new ReportJobRetention(new ReportJobRepository(ds), clock, DatabaseRetry.standard())),
                new PrecomputeControllerHandler(new PrecomputeController(starter, clock, new SecureRandom()),
                        new RunSummarizer(tickers, reports, patterns, trackRecords, clock)),
                new GetTickerListHandler(tickers, DatabaseRetry.standard()),
                new ReportWorkerHandler(new ReportWorkerService(tickers, history, patterns, reports, new ReportJobRepository(ds), detector,
                        builder, clock)),
                new PatternPrecomputeHandler(new PatternWorkerService(tickers, history, patterns, trackRecords, detector, clock)));
    }
}
