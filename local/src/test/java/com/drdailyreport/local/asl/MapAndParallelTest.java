package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Concurrency, ordering and failure of Map items and Parallel branches. */
class MapAndParallelTest {

    private static final String MAP = """
            {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", %s
              "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "work", "End": true}}},
              "End": true}}}""";

    /**
     * Counts the invocations running at once. Each one waits (up to 2 s) until {@code expectedPeak}
     * have started, so a correct bound is reached and an unbounded Map would overshoot it; it then
     * lingers 30 ms so that extra concurrent invocations would overlap.
     */
    private static final class ConcurrencyProbe implements TaskInvoker {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger peak = new AtomicInteger();
        final CountDownLatch started;

        ConcurrencyProbe(int expectedPeak) {
            started = new CountDownLatch(expectedPeak);
        }

        @Override
        public JsonNode invoke(String resource, JsonNode input) throws Exception {
            peak.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                started.countDown();
                started.await(2, TimeUnit.SECONDS);
                Thread.sleep(30);
                return JsonNodeFactory.instance.numberNode(input.intValue() * 10);
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private static JsonNode items(int count) {
        StringBuilder list = new StringBuilder("{\"items\": [");
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ",").append(i);
        }
        return Json.read(list.append("]}").toString());
    }

    private static JsonNode timesTen(int count) {
        return JsonNodeFactory.instance.arrayNode().addAll(java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> (JsonNode) JsonNodeFactory.instance.numberNode(i * 10)).toList());
    }

    @Test
    void maxConcurrencyBoundsConcurrentInvocationsAndResultsKeepItemOrder() {
        ConcurrencyProbe probe = new ConcurrencyProbe(2);
        Execution execution = StateMachine.parse(MAP.formatted("\"MaxConcurrency\": 2,")).run("e", items(8), probe);

        assertThat(execution.succeeded()).isTrue();
        assertThat(probe.peak).hasValue(2);
        assertThat(execution.output()).isEqualTo(timesTen(8));
    }

    @Test
    void maxConcurrencyPathReadsTheBoundFromTheInput() {
        ConcurrencyProbe probe = new ConcurrencyProbe(3);
        JsonNode input = ((com.fasterxml.jackson.databind.node.ObjectNode) items(9)).set("settings", Json.read("{\"limit\": 3}"));
        Execution execution = StateMachine.parse(MAP.formatted("\"MaxConcurrencyPath\": \"$.settings.limit\",")).run("e", input, probe);

        assertThat(probe.peak).hasValue(3);
        assertThat(execution.output()).isEqualTo(timesTen(9));
    }

    @Test
    void maxConcurrencyZeroIsUnboundedUpToMaxThreads() {
        ConcurrencyProbe probe = new ConcurrencyProbe(4);
        Execution execution = StateMachine.parse(MAP.formatted("\"MaxConcurrency\": 0,")).withMaxThreads(4).run("e", items(12), probe);

        assertThat(probe.peak).hasValue(4);
        assertThat(execution.output()).isEqualTo(timesTen(12));
    }

    @Test
    void itemsWithCaughtFailuresStillProduceResults() {
        Execution execution = StateMachine.parse("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.tickers", "MaxConcurrency": 3,
                  "ItemSelector": {"ticker.$": "$$.Map.Item.Value"},
                  "ItemProcessor": {"StartAt": "Work", "States": {
                    "Work": {"Type": "Task", "Resource": "work",
                             "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}], "End": true},
                    "Failed": {"Type": "Pass", "Parameters": {"ticker.$": "$.ticker", "status": "error", "error.$": "$.error.Error"}, "End": true}}},
                  "End": true}}}""").run("e", Json.read("{\"tickers\": [\"A\", \"B\", \"C\", \"D\"]}"), (resource, input) -> {
            String ticker = input.get("ticker").asText();
            if (ticker.equals("B") || ticker.equals("D")) {
                throw new TaskFailedException("WorkerFailed", ticker);
            }
            return Json.read("{\"ticker\": \"" + ticker + "\", \"status\": \"success\"}");
        });

        assertThat(execution.output()).isEqualTo(Json.read("""
                [{"ticker": "A", "status": "success"}, {"ticker": "B", "status": "error", "error": "WorkerFailed"},
                 {"ticker": "C", "status": "success"}, {"ticker": "D", "status": "error", "error": "WorkerFailed"}]"""));
    }

    @Test
    void anUncaughtItemFailureFailsTheMapAndStopsStartingItems() {
        AtomicInteger calls = new AtomicInteger();
        Execution execution = StateMachine.parse(MAP.formatted("\"MaxConcurrency\": 1,")).run("e", items(6), (resource, input) -> {
            calls.incrementAndGet();
            if (input.intValue() == 2) {
                throw new TaskFailedException("ItemFailed", "item 2");
            }
            return input;
        });

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("ItemFailed");
        assertThat(execution.cause()).isEqualTo("item 2");
        assertThat(calls).hasValue(3);
        assertThat(execution.events()).filteredOn(e -> e.kind() == StateEvent.Kind.FAILED).extracting(StateEvent::qualifiedName)
                .containsExactly("M[2]/Work", "M");
    }

    @Test
    void parallelFailureFailsTheStateAndCancelsTheOtherBranch() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        StateMachine machine = StateMachine.parse("""
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "Slow", "States": {
                      "Slow": {"Type": "Task", "Resource": "slow", "Next": "AfterSlow"},
                      "AfterSlow": {"Type": "Pass", "End": true}}},
                    {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "boom", "End": true}}}]}}}""")
                .withListener(event -> {
                    if (event.kind() == StateEvent.Kind.FAILED && event.state().equals("Boom")) {
                        failed.countDown();
                    }
                });

        Execution execution = machine.run("e", Json.read("{}"), (resource, input) -> {
            if (resource.equals("boom")) {
                throw new TaskFailedException("BranchBoom", "branch 1 failed");
            }
            failed.await(2, TimeUnit.SECONDS);
            Thread.sleep(100);
            return input;
        });

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("BranchBoom");
        assertThat(execution.cause()).isEqualTo("branch 1 failed");
        assertThat(execution.statesVisited()).contains("Par[0]/Slow").doesNotContain("Par[0]/AfterSlow");
    }

    @Test
    void nestedMapInsideParallelUsesItsOwnBound() {
        ConcurrencyProbe probe = new ConcurrencyProbe(2);
        Execution execution = StateMachine.parse("""
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "End": true, "Branches": [
                    {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 2,
                        "ItemProcessor": {"StartAt": "Work", "States": {"Work": {"Type": "Task", "Resource": "work", "End": true}}},
                        "End": true}}},
                    {"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "side", "End": true}}}]}}}""")
                .run("e", items(5), probe);

        assertThat(probe.peak).hasValue(2);
        assertThat(execution.output()).isEqualTo(Json.read("[[0, 10, 20, 30, 40], \"side\"]"));
    }
}
