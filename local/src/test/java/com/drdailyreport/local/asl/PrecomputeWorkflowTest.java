package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real {@code terraform/step_functions/precompute_workflow.json}. The four Lambdas are
 * replaced by an in-process fake ({@link FakeLambdas}): the interpreter is what is under test here,
 * not the workers, so the fake only answers in the shapes the workflow reads.
 */
class PrecomputeWorkflowTest {

    private static final Map<String, String> VARS = Map.of(
            "get_ticker_list_arn", "local:get-ticker-list",
            "report_worker_arn", "local:report-worker",
            "pattern_worker_arn", "local:pattern-worker",
            "precompute_controller_arn", "local:precompute-controller",
            "report_max_concurrency", "3",
            "pattern_max_concurrency", "3");
    private static final List<String> TICKERS = List.of("AAPL19", "NVDA19", "TSLA19", "MSFT19", "GOOG19");

    private static String definition;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void loadDefinition() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("terraform"))) {
            dir = dir.getParent();
        }
        assertThat(dir).as("a parent of user.dir holding terraform/").isNotNull();
        definition = Files.readString(dir.resolve("terraform/step_functions/precompute_workflow.json"));
    }

    @Test
    void placeholdersAreStrictLikeTemplatefile() {
        assertThatThrownBy(() -> StateMachine.parse(definition, Map.of("report_worker_arn", "x")))
                .isInstanceOf(AslException.class).hasMessageContaining("${get_ticker_list_arn}").hasMessageContaining("${pattern_max_concurrency}");
    }

    private Execution run(FakeLambdas lambdas) {
        StateMachine machine = StateMachine.parse(definition, VARS).withSleeper(sleeps::add);
        assertThat(machine.taskResources()).containsExactlyInAnyOrder("local:get-ticker-list", "local:report-worker",
                "local:pattern-worker", "local:precompute-controller");
        return machine.run("nightly-test", Json.read("{}"), lambdas);
    }

    @Test
    void allTickersSucceed() {
        FakeLambdas lambdas = new FakeLambdas(TICKERS);

        Execution execution = run(lambdas);

        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(Json.read("""
                {"status": "success", "execution_id": "nightly-test",
                 "reports": {"succeeded": 5, "failed": 0}, "patterns": {"succeeded": 5, "failed": 0}}"""));
        JsonNode summarize = lambdas.summarizeInputs.get(0);
        assertThat(summarize.get("action").asText()).isEqualTo("summarize");
        assertThat(summarize.get("report_results")).extracting(result -> result.get("ticker").asText()).containsExactlyElementsOf(TICKERS);
        assertThat(summarize.get("pattern_results")).extracting(result -> result.get("patterns").intValue()).containsOnly(2);
        assertThat(lambdas.reportPeak.get()).isBetween(1, 3);
        assertThat(execution.statesVisited()).startsWith("LoadSettings", "PrepareTickerList", "CheckTickerList", "ParallelProcessing")
                .endsWith("SummarizeResults", "CheckSummary", "PrecomputeSucceeded")
                .contains("ParallelProcessing[0]/FanOutToReportWorkers[4]/ReportWorkerSucceeded");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aReportWorkerExceptionIsCaughtPerTickerAndTheRunFailsIncomplete() {
        FakeLambdas lambdas = new FakeLambdas(TICKERS);
        lambdas.failingReports = Set.of("NVDA19");

        Execution execution = run(lambdas);

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("PrecomputeIncomplete");
        assertThat(execution.cause()).contains("missing_reports");
        JsonNode failed = lambdas.summarizeInputs.get(0).get("report_results").get(1);
        assertThat(failed.get("ticker").asText()).isEqualTo("NVDA19");
        assertThat(failed.get("status").asText()).isEqualTo("error");
        assertThat(Json.read(failed.get("error").asText())).isEqualTo(Json.read("""
                {"errorMessage": "no prices for NVDA19", "errorType": "java.lang.IllegalStateException"}"""));
        assertThat(lambdas.summarizeInputs.get(0).get("report_results")).filteredOn(r -> r.get("status").asText().equals("success")).hasSize(4);
        assertThat(sleeps).as("an IllegalStateException is not in the Retry list").isEmpty();
    }

    @Test
    void anEmptyTickerListFailsWithTickerListUnavailable() {
        FakeLambdas lambdas = new FakeLambdas(List.of());

        Execution execution = run(lambdas);

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("TickerListUnavailable");
        assertThat(lambdas.workerCalls).hasValue(0);
        assertThat(execution.statesVisited()).containsExactly("LoadSettings", "PrepareTickerList", "CheckTickerList", "TickerListFailed");
    }

    @Test
    void aTransientLambdaServiceExceptionIsRetriedAfterTwoSeconds() {
        FakeLambdas lambdas = new FakeLambdas(TICKERS);
        lambdas.tickerListTransientFailures = 1;

        Execution execution = run(lambdas);

        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(lambdas.tickerListCalls).hasValue(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(lambdas.executionIds).containsOnly("nightly-test");
    }

    @Test
    void aFailingControllerEndsWithSummaryUnavailable() {
        FakeLambdas lambdas = new FakeLambdas(TICKERS);
        lambdas.controllerFails = true;

        Execution execution = run(lambdas);

        assertThat(execution.error()).isEqualTo("SummaryUnavailable");
    }

    /** Stands in for the four Lambdas, answering in the shapes the workflow reads. */
    private static final class FakeLambdas implements TaskInvoker {
        private final List<String> tickers;
        Set<String> failingReports = Set.of();
        int tickerListTransientFailures;
        boolean controllerFails;
        final AtomicInteger tickerListCalls = new AtomicInteger();
        final AtomicInteger workerCalls = new AtomicInteger();
        final AtomicInteger reportsRunning = new AtomicInteger();
        final AtomicInteger reportPeak = new AtomicInteger();
        final List<String> executionIds = new CopyOnWriteArrayList<>();
        final List<JsonNode> summarizeInputs = new CopyOnWriteArrayList<>();

        FakeLambdas(List<String> tickers) {
            this.tickers = tickers;
        }

        @Override
        public JsonNode invoke(String resource, JsonNode input) throws Exception {
            executionIds.add(input.get("execution_id").asText());
            return switch (resource) {
                case "local:get-ticker-list" -> {
                    if (tickerListCalls.incrementAndGet() <= tickerListTransientFailures) {
                        throw new TaskFailedException("Lambda.ServiceException", "{\"errorMessage\": \"Rate exceeded\"}");
                    }
                    ObjectNode list = Json.mapper().createObjectNode().put("status", "success").put("count", tickers.size());
                    list.putArray("tickers").addAll(tickers.stream().map(JsonNodeFactory.instance::textNode).toList());
                    yield list;
                }
                case "local:report-worker" -> {
                    workerCalls.incrementAndGet();
                    reportPeak.accumulateAndGet(reportsRunning.incrementAndGet(), Math::max);
                    try {
                        Thread.sleep(5);
                        String ticker = input.get("ticker").asText();
                        if (failingReports.contains(ticker)) {
                            throw new IllegalStateException("no prices for " + ticker);
                        }
                        yield Json.read("{\"ticker\": \"" + ticker + "\", \"status\": \"success\"}");
                    } finally {
                        reportsRunning.decrementAndGet();
                    }
                }
                case "local:pattern-worker" -> {
                    workerCalls.incrementAndGet();
                    yield Json.read("{\"ticker\": \"" + input.get("ticker").asText() + "\", \"status\": \"success\", \"patterns\": 2}");
                }
                case "local:precompute-controller" -> {
                    if (controllerFails) {
                        throw new IllegalStateException("database unavailable");
                    }
                    summarizeInputs.add(input);
                    ObjectNode summary = Json.mapper().createObjectNode().put("execution_id", input.get("execution_id").asText());
                    summary.set("reports", counts((ArrayNode) input.get("report_results")));
                    summary.set("patterns", counts((ArrayNode) input.get("pattern_results")));
                    boolean complete = summary.at("/reports/failed").intValue() == 0 && summary.at("/patterns/failed").intValue() == 0;
                    yield summary.put("status", complete ? "success" : "error");
                }
                default -> throw new IllegalArgumentException("unknown resource " + resource);
            };
        }

        private static ObjectNode counts(ArrayNode results) {
            int ok = 0;
            for (JsonNode result : results) {
                ok += result.path("status").asText().equals("success") ? 1 : 0;
            }
            return Json.mapper().createObjectNode().put("succeeded", ok).put("failed", results.size() - ok);
        }
    }
}
