package com.drdailyreport.local;

import com.drdailyreport.line.LineBotConfig;
import com.drdailyreport.line.LineWebhookHandler;
import com.drdailyreport.local.http.LocalHttpServer;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.drdailyreport.migrations.MigrationReport;
import com.drdailyreport.migrations.Migrator;
import com.drdailyreport.scheduler.SchedulerFunctions;
import com.drdailyreport.shared.analysis.ChatCompletionsNarrator;
import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.market.PriceSources;
import com.drdailyreport.shared.time.BusinessClock;
import com.drdailyreport.telegram.TelegramApiConfig;
import com.drdailyreport.telegram.TelegramApiHandler;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code bin/dr-local}: the whole system on one machine. Starts the database (DB_URL, else an
 * embedded MariaDB under {@code .dr-local/}), migrates it, wires the same handlers the Lambda
 * functions run with the same environment variables (development values where unset, printed),
 * runs the precompute workflow when today's reports are missing and then daily at 05:00
 * Asia/Bangkok, and serves {@code /api/v1/*} (telegram-api), {@code /line/webhook} (line-bot) and
 * the Mini App at {@code /} from one HTTP server.
 */
public final class DrLocal {

    static final String USAGE = """
            Usage: bin/dr-local [--once] [--offline] [--port N] [--help]

              (no option)  start everything and serve http://localhost:8080/ until Ctrl-C
              --once       run the nightly pipeline once, print the workflow's summary as JSON,
                           exit 0 only if the summary is green
              --offline    never call Yahoo: bundled prices (real 2013 AAPL bars for AAPL19,
                           labelled demo series for the rest)
              --port N     HTTP port (default 8080)
              --help       this text

            Environment (as in AWS; development values are used and printed when unset):
              DB_URL, DB_USER, DB_PASSWORD      a MySQL/MariaDB server instead of the embedded one
              PRICE_SOURCE                      yahoo | demo | csv:DIR (default: yahoo when reachable)
              TELEGRAM_BOT_TOKEN, LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN, LINE_API_BASE_URL,
              MINIAPP_URL, ALLOWED_ORIGINS, DR_LOCAL_HOME (default .dr-local)
            """;

    static {
        // The JDK HTTP server of the LINE reply stand-in reads this once, when its first server is
        // created: without it small responses on kept-alive connections wait for the peer's
        // delayed ACK, ~40 ms each.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** LINE_API_BASE_URL's development value: replies go to a local stand-in that prints them. */
    static final String LOCAL_LINE_SINK = "local-reply-printer";

    record Options(boolean once, boolean offline, int port) {
    }

    private DrLocal() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("dr-local: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(USAGE);
            return;
        }
        int code;
        try {
            // --once keeps stdout for the summary JSON; progress goes to stderr
            code = run(options, System.getenv(), options.once() ? System.err : System.out);
        } catch (RuntimeException e) {
            System.err.println("dr-local: " + e.getMessage());
            code = 1;
        }
        if (code >= 0) {
            System.exit(code);
        }
    }

    static Options parse(String[] args) {
        boolean once = false;
        boolean offline = false;
        int port = 8080;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--once" -> once = true;
                case "--offline" -> offline = true;
                case "--port" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--port needs a number");
                    }
                    try {
                        port = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--port needs a number, got '" + args[i] + "'");
                    }
                    if (port < 1 || port > 65_535) {
                        throw new IllegalArgumentException("--port must be 1-65535, got " + port);
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + args[i] + "'");
            }
        }
        return new Options(once, offline, port);
    }

    /**
     * Runs the system. With {@code --once}: the exit code. Otherwise serves until the process is
     * stopped and returns -1 only if interrupted.
     */
    static int run(Options options, Map<String, String> systemEnv, PrintStream out) {
        if (options.once()) {
            try (Core core = Core.open(options, systemEnv, out)) {
                LocalPipeline.Run run = core.pipeline().runNow("--once");
                System.out.println(Json.write(run.summary()));
                return run.green() ? 0 : 1;
            }
        }
        LocalSystem system = start(options, systemEnv, out);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        system.close();
        return -1;
    }

    /**
     * Database, migrations, price source and the pipeline: what both modes need. {@code requests} is
     * the pool of the API and LINE handlers, with the request workload's timeouts as in AWS (a
     * database that stops answering costs a request seconds); the pipeline and migrations use {@code ds}.
     */
    record Core(LocalDatabase database, HikariDataSource ds, HikariDataSource requests, LocalPipeline pipeline, Map<String, String> env,
                BusinessClock clock, String base, long startedNanos) implements AutoCloseable {

        static Core open(Options options, Map<String, String> systemEnv, PrintStream out) {
            long started = System.nanoTime();
            List<String> missing = LocalHttpServer.missingPageFiles();
            if (!missing.isEmpty()) {
                // e.g. a build that left the chart library's WebJar out: the page would load without its chart
                throw new IllegalStateException("the Mini App build is incomplete, missing " + String.join(", ", missing)
                        + " under miniapp/ on the classpath; rebuild it: mvn -pl local -am package -DskipTests");
            }
            BusinessClock clock = BusinessClock.system();
            Map<String, String> env = new LinkedHashMap<>(systemEnv);
            Path home = Path.of(env.getOrDefault("DR_LOCAL_HOME", ".dr-local"));
            String base = "http://localhost:" + options.port();
            defaults(env, base, out);
            LocalDatabase database = LocalDatabase.open(env, home, out);
            HikariDataSource ds = DataSources.create(database.config(), "dr-local");
            HikariDataSource requests = DataSources.create(database.config().withTimeoutsOf(DatabaseConfig.Workload.REQUESTS),
                    "dr-local-requests");
            try {
                MigrationReport migration = Migrator.forDataSource(ds).migrate();
                out.println("database: " + database.description() + "; schema " + migration.currentVersion()
                        + (migration.applied().isEmpty() ? " (up to date)" : ", applied " + migration.applied().size() + " migrations"));
                PriceSource prices = priceSource(options, env, clock, out);
                ReportBuilder builder = new ReportBuilder(ChatCompletionsNarrator.fromEnvironment(new EnvironmentReader(env)));
                LocalPipeline pipeline = new LocalPipeline(
                        (trigger, starter) -> SchedulerFunctions.wire(ds, prices, 5, builder, trigger, starter, clock), clock, out);
                return new Core(database, ds, requests, pipeline, env, clock, base, started);
            } catch (RuntimeException e) {
                requests.close();
                ds.close();
                database.close();
                throw e;
            }
        }

        @Override
        public void close() {
            pipeline.close();
            requests.close();
            ds.close();
            database.close();
        }
    }

    /** The running system: its HTTP server and the pipeline behind it. */
    record LocalSystem(Core core, LocalHttpServer server, Thread firstRun, LineReplySink lineSink) implements AutoCloseable {

        int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.close();
            if (lineSink != null) {
                lineSink.close();
            }
            core.close();
        }
    }

    /** Starts serving; runs the pipeline in the background when today's reports are missing; schedules 05:00. */
    static LocalSystem start(Options options, Map<String, String> systemEnv, PrintStream out) {
        Core core = Core.open(options, systemEnv, out);
        Map<String, String> env = core.env();
        ExecutorService async = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "report-worker-async");
            t.setDaemon(true);
            return t;
        });
        EnvironmentReader apiEnv = new EnvironmentReader(env);
        TelegramApiConfig apiConfig = TelegramApiConfig.read(apiEnv);
        apiEnv.validate();
        TelegramApiHandler api = TelegramApiHandler.over(apiConfig, core.requests(), (jobId, ticker) -> async.submit(() ->
                        core.pipeline().handlers().reportWorker().handleRequest(new LinkedHashMap<>(Map.of("job_id", jobId, "ticker", ticker)),
                                new InvocationContext("report-worker", Duration.ofMinutes(5), 1024))),
                core.clock(), false);
        LineReplySink sink = null;
        if (LOCAL_LINE_SINK.equals(env.get("LINE_API_BASE_URL"))) {
            sink = new LineReplySink(out);
            env.put("LINE_API_BASE_URL", sink.uri().toString());
        }
        EnvironmentReader lineEnv = new EnvironmentReader(env);
        LineBotConfig lineConfig = LineBotConfig.read(lineEnv);
        lineEnv.validate();
        LineWebhookHandler line = LineWebhookHandler.over(lineConfig, core.requests(), core.clock());

        LocalHttpServer server = new LocalHttpServer(options.port(), api, line, InvocationContext.factory()).start();
        String base = "http://localhost:" + server.port();
        out.println();
        out.println("DR Daily Report is running (" + String.format("%.1f", (System.nanoTime() - core.startedNanos()) / 1e9) + " s to start):");
        out.println("  Mini App      " + base + "/");
        out.println("  API           " + base + "/api/v1/health   (e.g. " + base + "/api/v1/report/AAPL19)");
        out.println("  LINE webhook  " + base + "/line/webhook   (replies go to " + lineConfig.apiBaseUrl() + ")");
        out.println();

        Thread first = null;
        if (!todayComplete(core.ds(), core.clock())) {
            first = new Thread(() -> {
                try {
                    core.pipeline().runNow("today's reports are missing");
                } catch (RuntimeException e) {
                    out.println("pipeline: the first run failed: " + e);
                }
            }, "first-run");
            first.setDaemon(true);
            first.start();
        } else {
            out.println("pipeline: today's reports are already there (" + core.clock().today() + ")");
        }
        core.pipeline().scheduleDaily();
        return new LocalSystem(core, server, first, sink);
    }

    /** Development values for what AWS would set, printed so nobody mistakes them for real ones. */
    static void defaults(Map<String, String> env, String base, PrintStream out) {
        Map<String, String> dev = new LinkedHashMap<>();
        dev.put("APP_ENV", "local");
        dev.put("ALLOW_DEV_USER_HEADER", "true");
        dev.put("TELEGRAM_BOT_TOKEN", "0000000000:local-development-token");
        dev.put("REPORT_WORKER_FUNCTION", "local:report-worker");
        dev.put("ALLOWED_ORIGINS", base + ",http://127.0.0.1:" + base.substring(base.lastIndexOf(':') + 1));
        dev.put("LINE_CHANNEL_SECRET", "local-line-channel-secret");
        dev.put("LINE_CHANNEL_ACCESS_TOKEN", "local-line-channel-access-token");
        dev.put("LINE_API_BASE_URL", LOCAL_LINE_SINK);
        dev.put("MINIAPP_URL", base + "/");
        List<String> used = new java.util.ArrayList<>();
        dev.forEach((k, v) -> {
            if (env.get(k) == null || env.get(k).isBlank()) {
                env.put(k, v);
                used.add(k + "=" + v);
            }
        });
        if (!used.isEmpty()) {
            out.println("development values (set these variables to override):");
            used.forEach(u -> out.println("  " + u));
        }
    }

    static PriceSource priceSource(Options options, Map<String, String> env, BusinessClock clock, PrintStream out) {
        if (options.offline()) {
            out.println("prices: offline — real 2013 AAPL bars (ta4j-examples) for AAPL19, labelled demo series for the rest");
            return new OfflinePriceSource(clock);
        }
        if (env.get("PRICE_SOURCE") != null && !env.get("PRICE_SOURCE").isBlank()) {
            EnvironmentReader reader = new EnvironmentReader(env);
            PriceSource source = PriceSources.fromEnvironment(reader);
            reader.validate();
            out.println("prices: PRICE_SOURCE=" + env.get("PRICE_SOURCE"));
            return source;
        }
        String yahoo = env.getOrDefault("YAHOO_BASE_URL", "https://query1.finance.yahoo.com");
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(yahoo)).timeout(Duration.ofSeconds(4))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            out.println("prices: Yahoo (" + yahoo + " answered " + response.statusCode() + ")");
            EnvironmentReader reader = new EnvironmentReader(Map.of("PRICE_SOURCE", "yahoo", "YAHOO_BASE_URL", yahoo));
            return PriceSources.fromEnvironment(reader);
        } catch (Exception e) {
            out.println("prices: Yahoo is not reachable (" + e.getClass().getSimpleName() + ") — using the bundled offline set");
            return new OfflinePriceSource(clock);
        }
    }

    private static boolean todayComplete(javax.sql.DataSource ds, BusinessClock clock) {
        LocalDate today = clock.today();
        int active = new TickerRepository(ds).findActive().size();
        return new ReportRepository(ds).completedSymbols(today).size() >= active;
    }
}
