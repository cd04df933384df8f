package com.drdailyreport.scheduler;

import com.drdailyreport.shared.market.CsvPriceSource;
import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Benchmark main (not a test): the whole nightly pipeline in-process — fetch 56 tickers × 250
 * bars from CSV files, both worker Maps, summary — against the test database server (DB_URL, else
 * embedded MariaDB). Prints the wall time of each run; the first runs warm the JVM.
 * Run: mvn -q -pl scheduler test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.drdailyreport.scheduler.PipelineBenchmark
 */
public final class PipelineBenchmark {

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int concurrency = Math.max(2, Runtime.getRuntime().availableProcessors());
        Path prices = Files.createTempDirectory("dr-prices");
        try (TestSchema db = TestDatabase.freshSchema("pipelinebench")) {
            SchedulerFixture f = new SchedulerFixture(db);
            PricesOnDisk.write(prices, f.tickers.findActive(), SchedulerFixture.TODAY, 250);
            InProcessPipeline pipeline = new InProcessPipeline(f, f.fetcher(new CsvPriceSource(prices), concurrency), concurrency,
                    concurrency);
            for (int run = 1; run <= runs; run++) {
                long start = System.nanoTime();
                InProcessPipeline.Result result = pipeline.run();
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "run %d: %.2f s wall — %s, %d reports, %d pattern rows (%d cores, Map concurrency %d, %s)%n",
                        run, seconds, result.summary().get("status").asText(),
                        result.summary().get("reports").get("rows_in_database").asInt(),
                        result.summary().get("patterns").get("rows_in_database").asInt(),
                        Runtime.getRuntime().availableProcessors(), concurrency, TestDatabase.description());
            }
        }
        System.exit(0);
    }
}
