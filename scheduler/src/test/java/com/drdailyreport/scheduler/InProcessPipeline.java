package com.drdailyreport.scheduler;

import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The nightly pipeline run in one process, in the workflow's order and with its bounds:
 * ticker-scheduler → get-ticker-list → (report workers ∥ pattern workers, each Map at its own
 * MaxConcurrency) → precompute-controller summarize. Every hop goes through the Lambda
 * serializer as JSON, as it does between Step Functions and Lambda; a worker that throws is
 * turned into {ticker, status:"error", error} as the workflow's Catch does.
 */
final class InProcessPipeline {

    private final TickerSchedulerHandler scheduler;
    private final GetTickerListHandler tickerList;
    private final ReportWorkerHandler reportWorker;
    private final PatternPrecomputeHandler patternWorker;
    private final PrecomputeControllerHandler controller;
    private final int reportConcurrency;
    private final int patternConcurrency;

    InProcessPipeline(SchedulerFixture f, PriceFetchService fetcher, int reportConcurrency, int patternConcurrency) {
        this.scheduler = new TickerSchedulerHandler(fetcher, payload -> { }, f.retention());
        this.tickerList = new GetTickerListHandler(f.tickers, f.retry);
        this.reportWorker = new ReportWorkerHandler(f.reportWorker());
        this.patternWorker = new PatternPrecomputeHandler(f.patternWorker());
        this.controller = new PrecomputeControllerHandler(new PrecomputeController((name, input) -> name, f.clock,
                new java.util.Random(1)), f.summarizer());
        this.reportConcurrency = reportConcurrency;
        this.patternConcurrency = patternConcurrency;
    }

    /** The fetch summary and the run summary. */
    record Result(JsonNode fetch, JsonNode summary) {
    }

    Result run() throws Exception {
        JsonNode fetch = LambdaHarness.invokeJson(scheduler, "{}");
        JsonNode list = LambdaHarness.invokeJson(tickerList, "{\"execution_id\":\"precompute-local\"}");
        List<String> tickers = new ArrayList<>();
        list.get("tickers").forEach(t -> tickers.add(t.asText()));
        ExecutorService reports = Executors.newFixedThreadPool(reportConcurrency);
        ExecutorService patterns = Executors.newFixedThreadPool(patternConcurrency);
        try {
            List<Future<JsonNode>> reportResults = new ArrayList<>();
            List<Future<JsonNode>> patternResults = new ArrayList<>();
            for (String ticker : tickers) {
                String item = Json.write(Map.of("ticker", ticker, "execution_id", "precompute-local"));
                reportResults.add(reports.submit(() -> invokeCaught(reportWorker, item, ticker)));
                patternResults.add(patterns.submit(() -> invokeCaught(patternWorker, item, ticker)));
            }
            List<JsonNode> reportOut = new ArrayList<>();
            List<JsonNode> patternOut = new ArrayList<>();
            for (Future<JsonNode> f : reportResults) {
                reportOut.add(f.get());
            }
            for (Future<JsonNode> f : patternResults) {
                patternOut.add(f.get());
            }
            String summarize = Json.write(Map.of("action", "summarize", "execution_id", "precompute-local",
                    "report_results", reportOut, "pattern_results", patternOut));
            return new Result(fetch, LambdaHarness.invokeJson(controller, summarize));
        } finally {
            reports.shutdownNow();
            patterns.shutdownNow();
        }
    }

    private static JsonNode invokeCaught(com.amazonaws.services.lambda.runtime.RequestHandler<?, ?> handler, String item, String ticker) {
        try {
            return LambdaHarness.invokeJson(handler, item);
        } catch (RuntimeException e) {
            return Json.tree(Map.of("ticker", ticker, "status", "error", "error", String.valueOf(e.getMessage())));
        }
    }
}
