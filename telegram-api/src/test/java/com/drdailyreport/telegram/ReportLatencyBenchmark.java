package com.drdailyreport.telegram;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark main (not a test): {@code GET /api/v1/report/{ticker}} on a warm handler, in-process,
 * one thread, against the test database server (DB_URL, else embedded MariaDB): p50/p99 latency
 * and throughput. The event is deserialized once; each call is handleRequest → response.
 * Run: mvn -q -pl telegram-api test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.drdailyreport.telegram.ReportLatencyBenchmark
 */
public final class ReportLatencyBenchmark {

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // also on failure: the embedded database's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (TestSchema db = TestDatabase.freshSchema("latencybench")) {
            ApiFixture api = new ApiFixture(db, false);
            String symbol = ApiFixture.symbolWithPatterns(db);
            api.storeReport(symbol, ApiFixture.TODAY, true);
            // Requests come from 4,000 distinct client addresses, so the per-client rate limiter is on
            // the measured path (as in production) without refusing the benchmark's own traffic.
            var serializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class,
                    ReportLatencyBenchmark.class.getClassLoader());
            APIGatewayV2HTTPEvent[] events = new APIGatewayV2HTTPEvent[4_000];
            for (int i = 0; i < events.length; i++) {
                ObjectNode node = ApiFixture.withPath(ApiFixture.event("report-get.json"), "/api/v1/report/" + symbol);
                ((ObjectNode) node.path("requestContext").path("http")).put("sourceIp", "10.1." + (i / 250) + "." + (i % 250));
                events[i] = serializer.fromJson(Json.write(node));
            }
            long bytes = 0;
            for (int i = 0; i < n; i++) {
                bytes += api.handler.handleRequest(events[i % events.length], LambdaHarness.context("telegram-api")).getBody().length();
            }
            long[] latencies = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                var response = api.handler.handleRequest(events[(i + 2_000) % events.length], LambdaHarness.context("telegram-api"));
                latencies[i] = System.nanoTime() - t0;
                if (response.getStatusCode() != 200) {
                    throw new IllegalStateException("status " + response.getStatusCode());
                }
                bytes += response.getBody().length();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "GET /api/v1/report/%s, warm, 1 thread, %d requests against %s:%n", symbol, n, TestDatabase.description());
            System.out.printf(Locale.ROOT, "  p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.0f requests/s; %d-byte body%n",
                    latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6, latencies[n - 1] / 1e6, n / seconds, bytes / (2L * n));
        }
    }
}
