package com.drdailyreport.line;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestReports;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark main (not a test): one signed text event ("NVDA19", a stored report with patterns)
 * through the warm handler — signature check, parse, event-id insert, ticker resolution, report
 * and pattern reads, Flex card, the SDK's reply call to a loopback Messaging API and its answer —
 * one thread, against the test database server (DB_URL, else embedded MariaDB); then deliveries of
 * 1,000 events each, of which the first {@link LineBot#MAX_EVENTS_PER_DELIVERY} are answered.
 * Run: mvn -q -pl line-bot test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.drdailyreport.line.LineReplyBenchmark
 */
public final class LineReplyBenchmark {

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
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int warmup = 2_000;
        try (TestSchema db = TestDatabase.freshSchema("linebench"); LineFixture bot = new LineFixture(db)) {
            TestReports.store(db, "NVDA19", LineFixture.TODAY, true, LineFixture.NOW);
            var serializer = LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LineReplyBenchmark.class.getClassLoader());
            APIGatewayV2HTTPEvent[] events = new APIGatewayV2HTTPEvent[warmup + n];
            for (int i = 0; i < events.length; i++) {
                byte[] body = Json.write(LineFixture.text("NVDA19", "bench-" + i)).getBytes(StandardCharsets.UTF_8);
                ObjectNode event = (ObjectNode) Json.read(LambdaHarness.fixture("events/apigw/line-webhook.json"));
                ((ObjectNode) event.get("headers")).put("x-line-signature", LineSigner.sign(body, LineFixture.SECRET));
                event.put("body", new String(body, StandardCharsets.UTF_8));
                events[i] = serializer.fromJson(Json.write(event));
            }
            for (int i = 0; i < warmup; i++) {
                bot.handler.handleRequest(events[i], LambdaHarness.context("line-bot"));
            }
            long[] latencies = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                var response = bot.handler.handleRequest(events[warmup + i], LambdaHarness.context("line-bot"));
                latencies[i] = System.nanoTime() - t0;
                if (response.getStatusCode() != 200) {
                    throw new IllegalStateException("status " + response.getStatusCode());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (bot.line.replies().size() != warmup + n) {
                throw new IllegalStateException("replies " + bot.line.replies().size() + " != events " + (warmup + n));
            }
            Arrays.sort(latencies);
            System.out.printf(Locale.ROOT, "LINE text event \"NVDA19\" → Flex reply, warm, 1 thread, %d events against %s:%n", n,
                    TestDatabase.description());
            System.out.printf(Locale.ROOT, "  p50 %.3f ms, p99 %.3f ms, max %.3f ms; %.0f events/s%n",
                    latencies[n / 2] / 1e6, latencies[(int) (n * 0.99)] / 1e6, latencies[n - 1] / 1e6, n / seconds);

            // one delivery of 1,000 events (a flood): the first LineBot.MAX_EVENTS_PER_DELIVERY are answered, the rest acknowledged
            long[] floods = new long[5];
            for (int round = 0; round < floods.length; round++) {
                ObjectNode callback = LineFixture.callback("text-user.json");
                var list = callback.putArray("events");
                for (int i = 0; i < 1_000; i++) {
                    list.add(LineFixture.text(i % 2 == 0 ? "help" : "NVDA19", "flood-" + round + "-" + i).get("events").get(0));
                }
                byte[] body = Json.write(callback).getBytes(StandardCharsets.UTF_8);
                ObjectNode event = (ObjectNode) Json.read(LambdaHarness.fixture("events/apigw/line-webhook.json"));
                ((ObjectNode) event.get("headers")).put("x-line-signature", LineSigner.sign(body, LineFixture.SECRET));
                event.put("body", new String(body, StandardCharsets.UTF_8));
                APIGatewayV2HTTPEvent flood = serializer.fromJson(Json.write(event));
                int before = bot.line.replies().size();
                long t0 = System.nanoTime();
                var response = bot.handler.handleRequest(flood, LambdaHarness.context("line-bot"));
                floods[round] = System.nanoTime() - t0;
                if (response.getStatusCode() != 200 || bot.line.replies().size() - before != LineBot.MAX_EVENTS_PER_DELIVERY) {
                    throw new IllegalStateException("flood: status " + response.getStatusCode() + ", " + (bot.line.replies().size() - before)
                            + " replies");
                }
            }
            Arrays.sort(floods);
            System.out.printf(Locale.ROOT, "one delivery of 1,000 events (%d answered, the rest acknowledged), %d deliveries:%n",
                    LineBot.MAX_EVENTS_PER_DELIVERY, floods.length);
            System.out.printf(Locale.ROOT, "  median %.0f ms, max %.0f ms (function timeout 29,000 ms)%n", floods[floods.length / 2] / 1e6,
                    floods[floods.length - 1] / 1e6);
        }
    }
}
