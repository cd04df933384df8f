package com.drdailyreport.scheduler;

import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.market.DemoPriceSource;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.testing.TestSchema;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;

/** The scheduler's services wired onto a test schema with a fixed clock, as SchedulerRuntime wires them in Lambda. */
final class SchedulerFixture {

    /** 05:10 in Bangkok on 2026-01-15 (22:10 UTC the day before). */
    static final Instant RUN_TIME = Instant.parse("2026-01-14T22:10:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    final TestSchema db;
    final BusinessClock clock;
    final DataSource ds;
    final TickerRepository tickers;
    final PriceHistoryRepository prices;
    final ChartPatternRepository patterns;
    final ReportRepository reports;
    final ReportJobRepository jobs;
    final TrackRecordRepository trackRecords;
    final PatternDetector detector = new PatternDetector();
    /** Never sleeps: transient-error retries run at once in tests. */
    final DatabaseRetry retry = new DatabaseRetry(3, 1, RandomGenerator.getDefault(), millis -> { });

    SchedulerFixture(TestSchema db, Instant now) {
        this.db = db;
        this.clock = BusinessClock.fixed(now);
        this.ds = db.dataSource();
        this.tickers = new TickerRepository(ds);
        this.prices = new PriceHistoryRepository(ds);
        this.patterns = new ChartPatternRepository(ds);
        this.reports = new ReportRepository(ds);
        this.jobs = new ReportJobRepository(ds);
        this.trackRecords = new TrackRecordRepository(ds);
    }

    SchedulerFixture(TestSchema db) {
        this(db, RUN_TIME);
    }

    ReportWorkerService reportWorker() {
        return new ReportWorkerService(tickers, prices, patterns, reports, jobs, detector, new ReportBuilder(), clock, retry);
    }

    PatternWorkerService patternWorker() {
        return new PatternWorkerService(tickers, prices, patterns, trackRecords, detector, clock, retry);
    }

    PriceFetchService fetcher(PriceSource source, int concurrency) {
        return new PriceFetchService(tickers, prices, source, clock, concurrency, retry);
    }

    ReportJobRetention retention() {
        return new ReportJobRetention(jobs, clock, retry);
    }

    RunSummarizer summarizer() {
        return new RunSummarizer(tickers, reports, patterns, trackRecords, clock);
    }

    /** Stores today's demo snapshot for one ticker, as the nightly fetch would. */
    Ticker storeDemoPrices(String drSymbol) {
        Ticker ticker = db.ticker(drSymbol);
        prices.upsert(ticker, clock.today(), DemoPriceSource.series(drSymbol, ticker.currency(), clock.today(), 252), "demo",
                clock.instant());
        return ticker;
    }
}
