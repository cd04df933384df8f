package com.drdailyreport.scheduler;

import com.drdailyreport.shared.analysis.ChatCompletionsNarrator;
import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.market.PriceSources;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.time.BusinessClock;
import java.security.SecureRandom;
import java.util.Map;
import javax.sql.DataSource;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Production wiring for the scheduler's handlers, built once per Lambda container (the first
 * handler constructed creates it) and shared by every invocation. Each piece is created the first
 * time a handler needs it, so a container runs only what its function uses, and a handler whose
 * settings are missing fails at start-up naming every missing key.
 *
 * <p>Environment: DB_URL, DB_USER, DB_PASSWORD, DB_POOL_SIZE (default 1 — one connection per
 * worker), DB_SOCKET_TIMEOUT_SECONDS / DB_QUERY_TIMEOUT_SECONDS (30 / 25), all read once with the
 * workers' defaults ({@link DatabaseConfig.Workload#WORKERS}), PRICE_SOURCE (yahoo | csv:DIR | demo), FETCH_CONCURRENCY (default 5),
 * PRECOMPUTE_STATE_MACHINE_ARN (controller), PRECOMPUTE_CONTROLLER_FUNCTION (scheduler),
 * LLM_API_URL / LLM_API_KEY / LLM_MODEL (optional narrator). AWS clients honour AWS_REGION and
 * the SDK's endpoint settings (AWS_ENDPOINT_URL…).
 */
final class SchedulerRuntime {

    private static SchedulerRuntime instance;

    private final Map<String, String> env;
    private final BusinessClock clock = BusinessClock.system();
    private DataSource dataSource;
    private PatternDetector detector;

    SchedulerRuntime(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    static synchronized SchedulerRuntime instance() {
        if (instance == null) {
            instance = new SchedulerRuntime(System.getenv());
        }
        return instance;
    }

    synchronized DataSource dataSource() {
        if (dataSource == null) {
            EnvironmentReader reader = new EnvironmentReader(env);
            DatabaseConfig db = DatabaseConfig.read(reader, DatabaseConfig.Workload.WORKERS);
            reader.validate();
            dataSource = DataSources.create(db, "scheduler");
        }
        return dataSource;
    }

    TickerRepository tickers() {
        return new TickerRepository(dataSource());
    }

    synchronized PatternDetector detector() {
        if (detector == null) {
            detector = new PatternDetector();
        }
        return detector;
    }

    ReportWorkerService reportWorkerService() {
        DataSource ds = dataSource();
        return new ReportWorkerService(new TickerRepository(ds), new PriceHistoryRepository(ds), new ChartPatternRepository(ds),
                new ReportRepository(ds), new ReportJobRepository(ds), detector(),
                new ReportBuilder(ChatCompletionsNarrator.fromEnvironment(validated())), clock);
    }

    PatternWorkerService patternWorkerService() {
        DataSource ds = dataSource();
        return new PatternWorkerService(new TickerRepository(ds), new PriceHistoryRepository(ds), new ChartPatternRepository(ds),
                new TrackRecordRepository(ds), detector(), clock);
    }

    PriceFetchService priceFetchService() {
        EnvironmentReader reader = new EnvironmentReader(env);
        PriceSource source = PriceSources.fromEnvironment(reader);
        int concurrency = reader.optionalInt("FETCH_CONCURRENCY", 5, 1, 20);
        reader.validate();
        DataSource ds = dataSource();
        return new PriceFetchService(new TickerRepository(ds), new PriceHistoryRepository(ds), source, clock, concurrency);
    }

    ReportJobRetention reportJobRetention() {
        return new ReportJobRetention(new ReportJobRepository(dataSource()), clock, DatabaseRetry.standard());
    }

    ControllerTrigger controllerTrigger() {
        EnvironmentReader reader = new EnvironmentReader(env);
        String function = reader.required("PRECOMPUTE_CONTROLLER_FUNCTION");
        reader.validate();
        LambdaClient lambda = LambdaClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new LambdaControllerTrigger(lambda, function);
    }

    PrecomputeController precomputeController() {
        EnvironmentReader reader = new EnvironmentReader(env);
        String arn = reader.required("PRECOMPUTE_STATE_MACHINE_ARN");
        reader.validate();
        SfnClient sfn = SfnClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
        return new PrecomputeController(new StepFunctionsStarter(sfn, arn), clock, new SecureRandom());
    }

    RunSummarizer runSummarizer() {
        DataSource ds = dataSource();
        return new RunSummarizer(new TickerRepository(ds), new ReportRepository(ds), new ChartPatternRepository(ds),
                new TrackRecordRepository(ds), clock);
    }

    private EnvironmentReader validated() {
        EnvironmentReader reader = new EnvironmentReader(env);
        ChatCompletionsNarrator.Config.read(reader);
        reader.validate();
        return new EnvironmentReader(env);
    }
}
