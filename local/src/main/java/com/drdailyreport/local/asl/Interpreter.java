package com.drdailyreport.local.asl;

import com.drdailyreport.local.asl.State.Catcher;
import com.drdailyreport.local.asl.State.ChoiceState;
import com.drdailyreport.local.asl.State.FailState;
import com.drdailyreport.local.asl.State.Graph;
import com.drdailyreport.local.asl.State.Io;
import com.drdailyreport.local.asl.State.MapState;
import com.drdailyreport.local.asl.State.ParallelState;
import com.drdailyreport.local.asl.State.PassState;
import com.drdailyreport.local.asl.State.SucceedState;
import com.drdailyreport.local.asl.State.TaskState;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One execution in progress: walks the graphs, applies input/output processing in the AWS order
 * (InputPath, Parameters, work, ResultSelector, ResultPath, OutputPath), retries and catches, and
 * runs Map items and Parallel branches on a private thread pool. Nodes are never mutated in place.
 */
final class Interpreter implements AutoCloseable {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final TaskInvoker tasks;
    private final Sleeper sleeper;
    private final ExecutionListener listener;
    private final Clock clock;
    private final int maxThreads;
    private final ObjectNode executionContext;
    private final ObjectNode machineContext;
    private final List<StateEvent> events = Collections.synchronizedList(new ArrayList<>());
    private final ExecutorService threads;

    Interpreter(String machineName, String executionName, JsonNode input, TaskInvoker tasks, Sleeper sleeper,
                ExecutionListener listener, Clock clock, int maxThreads) {
        this.tasks = tasks;
        this.sleeper = sleeper;
        this.listener = listener;
        this.clock = clock;
        this.maxThreads = maxThreads;
        String arn = "arn:aws:states:local:000000000000:";
        executionContext = NODES.objectNode()
                .put("Id", arn + "execution:" + machineName + ":" + executionName)
                .put("Name", executionName)
                .put("StartTime", TIMESTAMP.format(clock.instant()))
                .set("Input", input);
        machineContext = NODES.objectNode().put("Id", arn + "stateMachine:" + machineName).put("Name", machineName);
        AtomicInteger threadCount = new AtomicInteger();
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "asl-" + executionName + "-" + threadCount.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs the top-level graph; a failure escapes as {@link StatesError}. */
    JsonNode run(Graph graph, JsonNode input) {
        return runGraph(graph, input, new Scope("", new Cancellation(null)));
    }

    List<StateEvent> events() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    private JsonNode runGraph(Graph graph, JsonNode input, Scope scope) {
        String name = graph.startAt();
        JsonNode data = input;
        while (true) {
            if (scope.cancellation().isCancelled()) {
                throw new Cancelled();
            }
            State state = graph.states().get(name);
            Instant entered = clock.instant();
            emit(StateEvent.Kind.ENTERED, scope, state.name(), data, null);
            Step step;
            try {
                step = execute(state, data, scope, entered);
            } catch (StatesError e) {
                emit(StateEvent.Kind.FAILED, scope, state.name(), null, e);
                throw e;
            }
            emit(StateEvent.Kind.EXITED, scope, state.name(), step.output(), null);
            if (step.next() == null) {
                return step.output();
            }
            name = step.next();
            data = step.output();
        }
    }

    private Step execute(State state, JsonNode input, Scope scope, Instant entered) {
        Io io = state.io();
        return switch (state.kind()) {
            case ChoiceState choice -> {
                JsonNode effective = inputPath(io, input);
                JsonNode context = context(state, entered, 0);
                String next = choice.choices().stream().filter(rule -> rule.condition().test(effective, context))
                        .map(ChoiceState.Rule::next).findFirst().orElse(choice.defaultNext());
                if (next == null) {
                    throw new StatesError(StatesError.NO_CHOICE_MATCHED,
                            "No choice rule matched in state '" + state.name() + "' and it has no Default");
                }
                yield new Step(outputPath(io, effective), next);
            }
            case PassState pass -> {
                JsonNode effective = parameters(io, inputPath(io, input), context(state, entered, 0));
                JsonNode result = pass.result() != null ? pass.result() : effective;
                yield new Step(outputPath(io, resultPath(io.resultPath(), input, result)), state.next());
            }
            case SucceedState succeed -> new Step(outputPath(io, inputPath(io, input)), null);
            case FailState fail -> {
                JsonNode context = context(state, entered, 0);
                throw new StatesError(fail.errorPath() == null ? fail.error() : text(fail.errorPath().eval(input, context), "ErrorPath"),
                        fail.causePath() == null ? fail.cause() : text(fail.causePath().eval(input, context), "CausePath"));
            }
            default -> withRetryAndCatch(state, input, scope, entered);
        };
    }

    /** Task, Parallel and Map: the attempt, then Retry (first matching retrier only), then Catch. */
    private Step withRetryAndCatch(State state, JsonNode input, Scope scope, Instant entered) {
        Io io = state.io();
        int[] retriesUsed = new int[state.retriers().size()];
        int retryCount = 0;
        while (true) {
            try {
                JsonNode context = context(state, entered, retryCount);
                JsonNode effective = inputPath(io, input);
                JsonNode result = switch (state.kind()) {
                    case TaskState task -> invoke(task, effective, parameters(io, effective, context));
                    case ParallelState parallel -> {
                        JsonNode branchInput = parameters(io, effective, context);
                        yield concurrently(state, parallel.branches().size(), 0, scope,
                                (index, branchScope) -> runGraph(parallel.branches().get(index), branchInput, branchScope));
                    }
                    case MapState map -> map(state, map, effective, context, scope);
                    default -> throw new IllegalStateException("not a task-like state: " + state.kind());
                };
                if (io.resultSelector() != null) {
                    result = io.resultSelector().eval(result, context);
                }
                return new Step(outputPath(io, resultPath(io.resultPath(), input, result)), state.next());
            } catch (StatesError e) {
                if (!e.handleable()) {
                    throw e;
                }
                int retrier = 0;
                while (retrier < retriesUsed.length && !e.matches(state.retriers().get(retrier).errorEquals())) {
                    retrier++;
                }
                if (retrier < retriesUsed.length && retriesUsed[retrier] < state.retriers().get(retrier).maxAttempts()) {
                    Duration delay = state.retriers().get(retrier).delay(retriesUsed[retrier]++);
                    retryCount++;
                    emit(StateEvent.Kind.RETRYING, scope, state.name(), null, e);
                    sleep(delay);
                    if (scope.cancellation().isCancelled()) {
                        throw new Cancelled();
                    }
                    continue;
                }
                for (Catcher catcher : state.catchers()) {
                    if (e.matches(catcher.errorEquals())) {
                        emit(StateEvent.Kind.CAUGHT, scope, state.name(), null, e);
                        ObjectNode errorOutput = NODES.objectNode().put("Error", e.error());
                        if (e.cause() != null) {
                            errorOutput.put("Cause", e.cause());
                        }
                        return new Step(resultPath(catcher.resultPath(), input, errorOutput), catcher.next());
                    }
                }
                throw e;
            }
        }
    }

    private JsonNode invoke(TaskState task, JsonNode effective, JsonNode payload) {
        Integer timeout = task.timeoutSeconds();
        if (task.timeoutSecondsPath() != null) {
            JsonNode value = task.timeoutSecondsPath().read(effective, null);
            if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < 1) {
                throw StatesError.runtime("TimeoutSecondsPath '" + task.timeoutSecondsPath() + "' must select a positive integer, got " + value);
            }
            timeout = value.intValue();
        }
        JsonNode copy = payload.deepCopy();
        Callable<JsonNode> call = () -> tasks.invoke(task.resource(), copy);
        try {
            JsonNode result = timeout == null ? call.call() : withTimeout(call, timeout);
            return result == null ? NullNode.getInstance() : result;
        } catch (StatesError e) {
            throw e;
        } catch (TaskFailedException e) {
            throw new StatesError(e.error(), e.cause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StatesError.runtime("interrupted while running " + task.resource());
        } catch (Exception e) {
            ObjectNode cause = NODES.objectNode().put("errorMessage", e.getMessage()).put("errorType", e.getClass().getName());
            throw new StatesError(e.getClass().getName(), Json.write(cause));
        }
    }

    private JsonNode withTimeout(Callable<JsonNode> call, int seconds) throws Exception {
        Future<JsonNode> future = threads.submit(call);
        try {
            return future.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StatesError(StatesError.TIMEOUT, "The task did not finish within " + seconds + " seconds");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        } finally {
            future.cancel(true);
        }
    }

    private JsonNode map(State state, MapState map, JsonNode effective, JsonNode context, Scope scope) {
        JsonNode items = map.itemsPath().read(effective, context);
        if (items == null || !items.isArray()) {
            throw StatesError.runtime("ItemsPath '" + map.itemsPath() + "' of state '" + state.name() + "' must select an array, got " + items);
        }
        int limit = map.maxConcurrency();
        if (map.maxConcurrencyPath() != null) {
            JsonNode value = map.maxConcurrencyPath().read(effective, context);
            if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < 0) {
                throw StatesError.runtime("MaxConcurrencyPath '" + map.maxConcurrencyPath() + "' must select a non-negative integer, got " + value);
            }
            limit = value.intValue();
        }
        return concurrently(state, items.size(), limit, scope, (index, itemScope) -> {
            JsonNode item = items.get(index);
            JsonNode itemInput = item;
            if (map.itemSelector() != null) {
                ObjectNode itemContext = NODES.objectNode().setAll((ObjectNode) context);
                itemContext.putObject("Map").putObject("Item").put("Index", index).set("Value", item);
                itemInput = map.itemSelector().eval(effective, itemContext);
            }
            return runGraph(map.processor(), itemInput, itemScope);
        });
    }

    /**
     * Runs {@code count} branches, at most {@code limit} (0: unbounded) and {@link #maxThreads} at a
     * time, the calling thread being one of the workers. Results keep branch order. The first failure
     * cancels the rest (they stop at their next state) and is rethrown.
     */
    private ArrayNode concurrently(State state, int count, int limit, Scope scope, Branch branch) {
        JsonNode[] results = new JsonNode[count];
        Cancellation group = new Cancellation(scope.cancellation());
        AtomicInteger nextIndex = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable worker = () -> {
            int index;
            while (!group.isCancelled() && (index = nextIndex.getAndIncrement()) < count) {
                try {
                    results[index] = branch.run(index, scope.child(state.name() + "[" + index + "]", group));
                } catch (Cancelled e) {
                    return;
                } catch (RuntimeException | Error e) {
                    if (failure.compareAndSet(null, e)) {
                        group.cancel();
                    }
                    return;
                }
            }
        };
        int workers = Math.min(count, Math.min(limit == 0 ? Integer.MAX_VALUE : limit, maxThreads));
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            futures.add(threads.submit(worker));
        }
        if (workers > 0) {
            worker.run();
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                group.cancel();
                Thread.currentThread().interrupt();
                throw StatesError.runtime("interrupted while waiting for the branches of '" + state.name() + "'");
            } catch (ExecutionException e) {
                failure.compareAndSet(null, e.getCause());
            }
        }
        switch (failure.get()) {
            case null -> { }
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            case Throwable t -> throw new IllegalStateException(t);
        }
        if (scope.cancellation().isCancelled()) {
            throw new Cancelled();
        }
        ArrayNode array = NODES.arrayNode(count);
        for (JsonNode result : results) {
            array.add(result);
        }
        return array;
    }

    private void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StatesError.runtime("interrupted while waiting");
        }
    }

    private JsonNode context(State state, Instant entered, int retryCount) {
        ObjectNode context = NODES.objectNode();
        context.set("Execution", executionContext);
        context.set("StateMachine", machineContext);
        context.putObject("State").put("EnteredTime", TIMESTAMP.format(entered)).put("Name", state.name()).put("RetryCount", retryCount);
        return context;
    }

    private static JsonNode inputPath(Io io, JsonNode input) {
        return select(io.inputPath(), input, "InputPath");
    }

    private static JsonNode outputPath(Io io, JsonNode output) {
        return select(io.outputPath(), output, "OutputPath");
    }

    private static JsonNode select(JsonPath path, JsonNode data, String field) {
        if (path == null) {
            return NODES.objectNode();
        }
        JsonNode value = path.read(data, null);
        if (value == null) {
            throw StatesError.runtime("Invalid path '" + path + "' : The " + field + " could not be found in the input " + data);
        }
        return value;
    }

    private static JsonNode parameters(Io io, JsonNode effective, JsonNode context) {
        return io.parameters() == null ? effective : io.parameters().eval(effective, context);
    }

    private static JsonNode resultPath(JsonPath path, JsonNode input, JsonNode result) {
        return path == null ? input : path.write(input, result);
    }

    private static String text(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw StatesError.runtime(field + " must select a string, got " + value);
        }
        return value.asText();
    }

    private void emit(StateEvent.Kind kind, Scope scope, String state, JsonNode data, StatesError error) {
        StateEvent event = new StateEvent(kind, scope.label(), state, clock.instant(), data,
                error == null ? null : error.error(), error == null ? null : error.cause());
        events.add(event);
        listener.onEvent(event);
    }

    private record Step(JsonNode output, String next) {
    }

    @FunctionalInterface
    private interface Branch {
        JsonNode run(int index, Scope scope);
    }

    /** Where a graph runs: its label in events and the cancellation flag it shares with its siblings. */
    private record Scope(String label, Cancellation cancellation) {
        Scope child(String part, Cancellation group) {
            return new Scope(label.isEmpty() ? part : label + "/" + part, group);
        }
    }

    /** Set when a sibling branch failed (or an enclosing group was cancelled). */
    private static final class Cancellation {
        private final Cancellation parent;
        private volatile boolean cancelled;

        Cancellation(Cancellation parent) {
            this.parent = parent;
        }

        void cancel() {
            cancelled = true;
        }

        boolean isCancelled() {
            return cancelled || parent != null && parent.isCancelled();
        }
    }

    /** Unwinds a branch whose group was cancelled; never escapes {@link #concurrently}. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
