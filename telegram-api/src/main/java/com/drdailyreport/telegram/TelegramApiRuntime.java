package com.drdailyreport.telegram;

import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.db.WatchlistRepository;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.time.BusinessClock;
import java.util.Map;
import javax.sql.DataSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Production wiring, built once per container: configuration (every missing key named at once;
 * a development user header is refused in staging and prod), the connection pool (the request
 * workload's: 2 connections, 6 s socket and 5 s query timeouts),
 * repositories, services, the Lambda client for report-worker.
 */
final class TelegramApiRuntime {

    private static TelegramApiRuntime instance;

    private final MiniAppApi api;

    private TelegramApiRuntime(Map<String, String> env) {
        EnvironmentReader reader = new EnvironmentReader(env);
        TelegramApiConfig config = TelegramApiConfig.read(reader);
        DatabaseConfig db = DatabaseConfig.read(reader, DatabaseConfig.Workload.REQUESTS);
        reader.validate();
        DataSource ds = DataSources.create(db, "telegram-api");
        LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        this.api = wire(config, ds, new LambdaReportWorkerInvoker(lambda, config.reportWorkerFunction()), BusinessClock.system());
    }

    /** The API over {@code ds}; also used by local and the tests. */
    static MiniAppApi wire(TelegramApiConfig config, DataSource ds, ReportWorkerInvoker worker, BusinessClock clock) {
        return wire(config, ds, worker, clock, MiniAppApi.RATE_LIMITS);
    }

    static MiniAppApi wire(TelegramApiConfig config, DataSource ds, ReportWorkerInvoker worker, BusinessClock clock,
                           Map<String, Integer> rateLimits) {
        ReportRepository reports = new ReportRepository(ds);
        return new MiniAppApi(config, ds, new TickerDirectory(new TickerRepository(ds), System::nanoTime),
                new ReportQueryService(reports, new ChartPatternRepository(ds), new TrackRecordRepository(ds), new PriceHistoryRepository(ds),
                        new PatternDetector(), clock),
                new RankingsService(reports, clock, System::nanoTime), new ReportJobRepository(ds), new WatchlistRepository(ds), worker,
                new RateLimiter(rateLimits, System::nanoTime), clock);
    }

    static synchronized TelegramApiRuntime instance() {
        if (instance == null) {
            instance = new TelegramApiRuntime(System.getenv());
        }
        return instance;
    }

    MiniAppApi api() {
        return api;
    }
}
