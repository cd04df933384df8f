package com.drdailyreport.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.drdailyreport.local.asl.Execution;
import com.drdailyreport.local.asl.StateMachine;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.drdailyreport.scheduler.SchedulerFunctions;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The nightly pipeline on one machine, the way AWS runs it: the schedule invokes ticker-scheduler,
 * which fetches prices and asks precompute-controller to start a run; the controller "starts an
 * execution" of {@code terraform/step_functions/precompute_workflow.json} — here executed by the
 * in-process States Language interpreter, its Task resources mapped to the same handler classes
 * the Lambda functions run. Concurrency comes from the dev environment's Terraform variables.
 */
final class LocalPipeline implements AutoCloseable {

    static final String DEFINITION = "step_functions/precompute_workflow.json";
    static final LocalTime DAILY_RUN = LocalTime.of(5, 0);

    /** Task resources as the definition's placeholders are filled locally. */
    static final Map<String, String> PLACEHOLDERS = Map.of(
            "get_ticker_list_arn", "local:function:get-ticker-list",
            "report_worker_arn", "local:function:report-worker",
            "pattern_worker_arn", "local:function:pattern-precompute",
            "precompute_controller_arn", "local:function:precompute-controller",
            "report_max_concurrency", "3",
            "pattern_max_concurrency", "3");

    private final StateMachine machine;
    private final Map<String, RequestHandler<Map<String, Object>, Map<String, Object>>> functions = new LinkedHashMap<>();
    private final SchedulerFunctions.Handlers handlers;
    private final ExecutorService executions = Executors.newSingleThreadExecutor(r -> daemon(r, "precompute-execution"));
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "precompute-schedule"));
    private final java.util.concurrent.atomic.AtomicReference<CompletableFuture<Execution>> lastStarted =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicReference<String> lastName = new java.util.concurrent.atomic.AtomicReference<>();
    private final Map<String, JsonNode> summaries = new ConcurrentHashMap<>();
    private final BusinessClock clock;
    private final PrintStream out;

    /** @param wiring builds the scheduler's handlers given how a run is triggered and started (both local here) */
    LocalPipeline(java.util.function.BiFunction<com.drdailyreport.scheduler.ControllerTrigger, com.drdailyreport.scheduler.PrecomputeStarter,
            SchedulerFunctions.Handlers> wiring, BusinessClock clock, PrintStream out) {
        this.clock = clock;
        this.out = out;
        this.machine = StateMachine.parse(definition(), PLACEHOLDERS);
        this.handlers = wiring.apply(this::trigger, this::startExecution);
        functions.put(PLACEHOLDERS.get("get_ticker_list_arn"), handlers.getTickerList());
        functions.put(PLACEHOLDERS.get("report_worker_arn"), handlers.reportWorker());
        functions.put(PLACEHOLDERS.get("pattern_worker_arn"), handlers.patternPrecompute());
        functions.put(PLACEHOLDERS.get("precompute_controller_arn"), handlers.precomputeController());
    }

    static String definition() {
        try (InputStream in = LocalPipeline.class.getClassLoader().getResourceAsStream(DEFINITION)) {
            if (in == null) {
                throw new IllegalStateException(DEFINITION + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SchedulerFunctions.Handlers handlers() {
        return handlers;
    }

    /**
     * One whole run as the 05:00 schedule starts it: ticker-scheduler fetches and triggers the
     * controller, which starts the workflow; waits for the workflow to end.
     *
     * @return the execution, or a FAILED one when nothing was started (the fetch stored no prices)
     */
    synchronized Run runNow(String reason) {
        out.println("pipeline: " + reason + " — fetching prices (ticker-scheduler)");
        long t0 = System.nanoTime();
        lastStarted.set(null);
        Map<String, Object> fetch = handlers.tickerScheduler().handleRequest(new LinkedHashMap<>(Map.of("source", "local")),
                new InvocationContext("ticker-scheduler", Duration.ofMinutes(15), 1024));
        CompletableFuture<Execution> execution = lastStarted.get();
        if (execution == null) {
            Run run = new Run(fetch, null, null, Duration.ofNanos(System.nanoTime() - t0));
            out.println("pipeline: " + run.line());
            return run;
        }
        Execution done = execution.join();
        Run run = new Run(fetch, done, summaries.get(lastName.get()), Duration.ofNanos(System.nanoTime() - t0));
        out.println("pipeline: " + run.line());
        return run;
    }

    /** The 05:00 Asia/Bangkok run, every day, while the process lives. */
    void scheduleDaily() {
        ZonedDateTime now = clock.now();
        ZonedDateTime next = now.with(DAILY_RUN).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        long delay = Duration.between(now, next).toMillis();
        out.println("pipeline: next scheduled run " + next + " (05:00 Asia/Bangkok)");
        schedule.schedule(() -> {
            try {
                runNow("scheduled 05:00 run");
            } catch (RuntimeException e) {
                out.println("pipeline: scheduled run failed: " + e);
            }
            scheduleDaily();
        }, delay, TimeUnit.MILLISECONDS);
    }

    /** ticker-scheduler → precompute-controller (an async Lambda invocation in AWS; the controller only starts an execution). */
    private void trigger(String payloadJson) {
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = Json.mapper().convertValue(Json.read(payloadJson), Map.class);
        Map<String, Object> result = handlers.precomputeController().handleRequest(payload,
                new InvocationContext("precompute-controller", Duration.ofMinutes(1), 512));
        if (!"success".equals(result.get("status"))) {
            throw new IllegalStateException("precompute-controller did not start a run: " + result.get("error"));
        }
    }

    /** Step Functions StartExecution: runs the definition on the execution thread and returns at once. */
    private String startExecution(String executionName, String inputJson) {
        JsonNode input = Json.read(inputJson);
        out.println("pipeline: execution " + executionName + " started (" + DEFINITION + ")");
        lastName.set(executionName);
        lastStarted.set(CompletableFuture.supplyAsync(() -> machine.run(executionName, input, this::invoke), executions));
        return "local:execution:" + executionName;
    }

    private JsonNode invoke(String resource, JsonNode input) {
        RequestHandler<Map<String, Object>, Map<String, Object>> handler = functions.get(resource);
        if (handler == null) {
            throw new IllegalArgumentException("no local function for Task resource " + resource);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> event = Json.mapper().convertValue(input, Map.class);
        String function = resource.substring(resource.lastIndexOf(':') + 1);
        Map<String, Object> result = handler.handleRequest(event, new InvocationContext(function, Duration.ofMinutes(5), 1024));
        JsonNode output = Json.mapper().valueToTree(result);
        if ("summarize".equals(event.get("action")) && event.get("execution_id") != null) {
            summaries.put(String.valueOf(event.get("execution_id")), output); // kept for --once even when the run ends Failed
        }
        return output;
    }

    /** A finished run: what the fetch said and how the workflow ended. */
    record Run(Map<String, Object> fetch, Execution execution, JsonNode summarizeOutput, Duration elapsed) {

        boolean green() {
            return execution != null && execution.status() == Execution.Status.SUCCEEDED
                    && "success".equals(execution.output().path("status").asText());
        }

        /** The workflow's summary (the SummarizeResults output) or, when the run never started, the fetch result. */
        JsonNode summary() {
            if (execution == null) {
                return Json.mapper().valueToTree(fetch);
            }
            if (execution.status() == Execution.Status.SUCCEEDED) {
                return execution.output();
            }
            var node = Json.mapper().createObjectNode();
            node.put("status", "error");
            node.put("workflow_error", execution.error());
            node.put("workflow_cause", execution.cause());
            if (summarizeOutput != null) {
                node.set("summary", summarizeOutput);
            }
            return node;
        }

        String line() {
            return (green() ? "green" : "NOT green") + " in " + elapsed.toMillis() + " ms"
                    + (execution == null ? " (no execution started: " + fetch.get("error") + ")"
                    : " — " + execution.status() + (execution.error() == null ? "" : " " + execution.error()));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        executions.shutdownNow();
    }
}
