package com.drdailyreport.local.asl;

import com.drdailyreport.local.asl.State.Graph;
import com.drdailyreport.local.asl.State.MapState;
import com.drdailyreport.local.asl.State.ParallelState;
import com.drdailyreport.local.asl.State.TaskState;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An Amazon States Language definition (JSONPath mode) that runs in-process: Task states call a
 * {@link TaskInvoker} instead of Lambda. Supports Task, Pass, Choice, Parallel, Map (inline),
 * Succeed and Fail; InputPath, Parameters, ResultSelector, ResultPath and OutputPath;
 * Retry and Catch; the context object and the common intrinsic functions.
 *
 * <p>Immutable and thread-safe: the {@code with…} methods return a modified copy, and several
 * executions may run at once.
 *
 * <pre>{@code
 * StateMachine machine = StateMachine.parse(definition, Map.of("report_worker_arn", "local:report-worker"))
 *         .withListener(event -> log.info("{} {}", event.kind(), event.qualifiedName()));
 * Execution execution = machine.run("nightly-2026-01-10", input, (resource, payload) -> handlers.get(resource).apply(payload));
 * }</pre>
 */
public final class StateMachine {

    /** Default cap on the threads of one Map or Parallel state (AWS runs up to 40 inline Map iterations at once). */
    public static final int DEFAULT_MAX_THREADS = 40;

    private final Graph graph;
    private final String name;
    private final Sleeper sleeper;
    private final ExecutionListener listener;
    private final int maxThreads;
    private final Clock clock;

    private StateMachine(Graph graph, String name, Sleeper sleeper, ExecutionListener listener, int maxThreads, Clock clock) {
        this.graph = graph;
        this.name = name;
        this.sleeper = sleeper;
        this.listener = listener;
        this.maxThreads = maxThreads;
        this.clock = clock;
    }

    /**
     * Parses and validates a definition. Each {@code ${name}} placeholder is first replaced by
     * {@code templateVars.get(name)} as plain text, like Terraform's templatefile ({@code $${}
     * stays a literal {@code ${}).
     *
     * @throws AslException for an unknown placeholder, invalid JSON, an unsupported state type or
     *                      field, a missing StartAt/Next/Default/Catch target, an unreachable state
     *                      or a malformed path, template, intrinsic, choice rule, retrier or catcher
     */
    public static StateMachine parse(String definitionJson, Map<String, String> templateVars) {
        Objects.requireNonNull(definitionJson, "definitionJson");
        JsonNode root;
        try {
            root = Json.read(fillPlaceholders(definitionJson, templateVars == null ? Map.of() : templateVars));
        } catch (IllegalArgumentException e) {
            throw new AslException("the definition is not valid JSON: " + e.getMessage(), e);
        }
        return new StateMachine(DefinitionParser.parse(root), "StateMachine", Sleeper.THREAD_SLEEP, ExecutionListener.NONE,
                DEFAULT_MAX_THREADS, Clock.systemUTC());
    }

    /** {@link #parse(String, Map)} for a definition without placeholders. */
    public static StateMachine parse(String definitionJson) {
        return parse(definitionJson, Map.of());
    }

    /** A copy that waits between retries with {@code sleeper}. */
    public StateMachine withSleeper(Sleeper sleeper) {
        return new StateMachine(graph, name, Objects.requireNonNull(sleeper, "sleeper"), listener, maxThreads, clock);
    }

    /** A copy that reports every state entered, exited, retried, caught or failed to {@code listener}. */
    public StateMachine withListener(ExecutionListener listener) {
        return new StateMachine(graph, name, sleeper, Objects.requireNonNull(listener, "listener"), maxThreads, clock);
    }

    /**
     * A copy where one Map or Parallel state runs at most {@code maxThreads} items or branches at
     * once (on top of MaxConcurrency). Nested Map/Parallel states each get their own cap.
     */
    public StateMachine withMaxThreads(int maxThreads) {
        if (maxThreads < 1) {
            throw new IllegalArgumentException("maxThreads must be at least 1, got " + maxThreads);
        }
        return new StateMachine(graph, name, sleeper, listener, maxThreads, clock);
    }

    /** A copy that reads time (context object timestamps, event times) from {@code clock}. */
    public StateMachine withClock(Clock clock) {
        return new StateMachine(graph, name, sleeper, listener, maxThreads, Objects.requireNonNull(clock, "clock"));
    }

    /** A copy named {@code name} in the context object ({@code $$.StateMachine.Name}, {@code $$.Execution.Id}). */
    public StateMachine withName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a state machine needs a name");
        }
        return new StateMachine(graph, name, sleeper, listener, maxThreads, clock);
    }

    /** Every Task Resource in the definition, nested ones included, so a runner can check it maps them all. */
    public Set<String> taskResources() {
        Set<String> resources = new TreeSet<>();
        collectResources(graph, resources);
        return Set.copyOf(resources);
    }

    /**
     * Runs an execution to completion on the calling thread (plus pool threads for Map, Parallel
     * and TimeoutSeconds). Task and state failures end up in the returned {@link Execution}; only
     * errors thrown by the listener or by the JVM ({@link Error}) escape.
     *
     * @param executionName {@code $$.Execution.Name}
     * @param input         the execution input; null means {@code {}}
     * @param tasks         runs the Task states
     */
    public Execution run(String executionName, JsonNode input, TaskInvoker tasks) {
        Objects.requireNonNull(executionName, "executionName");
        Objects.requireNonNull(tasks, "tasks");
        JsonNode data = input == null || input.isMissingNode() ? JsonNodeFactory.instance.objectNode() : input.deepCopy();
        long start = System.nanoTime();
        try (Interpreter interpreter = new Interpreter(name, executionName, data, tasks, sleeper, listener, clock, maxThreads)) {
            try {
                JsonNode output = interpreter.run(graph, data);
                return new Execution(Execution.Status.SUCCEEDED, output, null, null, Duration.ofNanos(System.nanoTime() - start), interpreter.events());
            } catch (StatesError e) {
                return new Execution(Execution.Status.FAILED, null, e.error(), e.cause(), Duration.ofNanos(System.nanoTime() - start), interpreter.events());
            }
        }
    }

    private static void collectResources(Graph graph, Set<String> resources) {
        for (State state : graph.states().values()) {
            switch (state.kind()) {
                case TaskState task -> resources.add(task.resource());
                case ParallelState parallel -> parallel.branches().forEach(branch -> collectResources(branch, resources));
                case MapState map -> collectResources(map.processor(), resources);
                default -> { }
            }
        }
    }

    /** Replaces {@code ${name}} placeholders; all unknown names are reported together. */
    static String fillPlaceholders(String text, Map<String, String> vars) {
        StringBuilder out = new StringBuilder(text.length());
        Set<String> unknown = new TreeSet<>();
        int i = 0;
        while (true) {
            int at = text.indexOf("${", i);
            if (at < 0) {
                return finish(out.append(text, i, text.length()).toString(), unknown, vars);
            }
            if (at > i && text.charAt(at - 1) == '$') {
                out.append(text, i, at - 1).append("${");
                i = at + 2;
                continue;
            }
            int close = text.indexOf('}', at);
            if (close < 0) {
                throw new AslException("unterminated placeholder at offset " + at + " of the definition");
            }
            String key = text.substring(at + 2, close).trim();
            out.append(text, i, at);
            String value = vars.get(key);
            if (value == null) {
                unknown.add(key);
            } else {
                out.append(value);
            }
            i = close + 1;
        }
    }

    private static String finish(String filled, Set<String> unknown, Map<String, String> vars) {
        if (!unknown.isEmpty()) {
            throw new AslException("unknown placeholder " + unknown.stream().map(k -> "${" + k + "}").collect(Collectors.joining(", "))
                    + " in the definition (given: " + new TreeSet<>(vars.keySet()) + ")");
        }
        return filled;
    }
}
