package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryAndCatchTest {

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    /**
     * Task T with {@code extra} (Retry/Catch fields), then Done; Caught and Other are catch targets
     * (Done routes to them on a flag no test sets, so that they stay reachable without a Catch).
     */
    private Execution run(String extra, String input, TaskInvoker tasks) {
        return StateMachine.parse("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "x", %s "Next": "Done"},
                  "Done": {"Type": "Choice", "Choices": [{"Variable": "$.flag", "IsPresent": true, "Next": "Caught"},
                                                          {"Variable": "$.flag2", "IsPresent": true, "Next": "Other"}],
                           "Default": "End"},
                  "End": {"Type": "Succeed"},
                  "Caught": {"Type": "Pass", "End": true},
                  "Other": {"Type": "Pass", "Result": "other", "End": true}}}""".formatted(extra))
                .withSleeper(sleeps::add).run("e", Json.read(input), tasks);
    }

    /** Fails with the given error names in turn, then answers {"ok": true}. */
    private TaskInvoker failing(String... errors) {
        Deque<String> queue = new ArrayDeque<>(List.of(errors));
        return (resource, input) -> {
            attempts.incrementAndGet();
            String error = queue.poll();
            if (error != null) {
                throw new TaskFailedException(error, "attempt " + attempts.get());
            }
            return Json.read("{\"ok\": true}");
        };
    }

    @Test
    void retriesWithBackoffCappedByMaxDelaySeconds() {
        Execution execution = run("""
                "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 3, "MaxAttempts": 4, "BackoffRate": 2.5, "MaxDelaySeconds": 10}],""",
                "{}", failing("Flaky", "Flaky", "Flaky", "Flaky"));

        assertThat(execution.succeeded()).isTrue();
        assertThat(attempts).hasValue(5);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofMillis(7500), Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(execution.events()).filteredOn(e -> e.kind() == StateEvent.Kind.RETRYING).hasSize(4);
    }

    @Test
    void stopsAfterMaxAttemptsWithDefaultIntervalAndBackoff() {
        Execution execution = run("""
                "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 2}],""", "{}", failing("Flaky", "Flaky", "Flaky", "Flaky"));

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("Flaky");
        assertThat(execution.cause()).isEqualTo("attempt 3");
        assertThat(attempts).hasValue(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void maxAttemptsZeroAndUnmatchedErrorsAreNotRetried() {
        assertThat(run("""
                "Retry": [{"ErrorEquals": ["Flaky"], "MaxAttempts": 0}],""", "{}", failing("Flaky")).error()).isEqualTo("Flaky");
        assertThat(attempts).hasValue(1);

        assertThat(run("""
                "Retry": [{"ErrorEquals": ["Other"]}],""", "{}", failing("Boom")).error()).isEqualTo("Boom");
        assertThat(attempts).hasValue(2);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void onlyTheFirstMatchingRetrierCountsAsInTheAwsExample() {
        Execution execution = run("""
                "Retry": [{"ErrorEquals": ["ErrorA", "ErrorB"], "IntervalSeconds": 1, "BackoffRate": 2.0, "MaxAttempts": 2},
                          {"ErrorEquals": ["ErrorC"], "IntervalSeconds": 5}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],""", "{}", failing("ErrorA", "ErrorB", "ErrorC", "ErrorB"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5));
        assertThat(attempts).hasValue(4);
        assertThat(execution.output()).isEqualTo(Json.read("{\"Error\": \"ErrorB\", \"Cause\": \"attempt 4\"}"));
        assertThat(execution.statesVisited()).containsExactly("T", "Caught");
    }

    @Test
    void retryCountIsVisibleInTheContextObject() {
        List<Integer> counts = new CopyOnWriteArrayList<>();
        Execution execution = StateMachine.parse("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "Parameters": {"retry.$": "$$.State.RetryCount"},
                  "Retry": [{"ErrorEquals": ["States.TaskFailed"]}], "End": true}}}""")
                .withSleeper(sleeps::add).run("e", null, (resource, input) -> {
                    counts.add(input.get("retry").intValue());
                    if (counts.size() < 3) {
                        throw new IllegalStateException("not yet");
                    }
                    return input;
                });
        assertThat(counts).containsExactly(0, 1, 2);
        assertThat(execution.output()).isEqualTo(Json.read("{\"retry\": 2}"));
    }

    @Test
    void anExceptionBecomesAnErrorNamedByItsClassLikeLambda() {
        Execution execution = run("", "{}", (resource, input) -> {
            throw new IllegalStateException("database down");
        });
        assertThat(execution.error()).isEqualTo("java.lang.IllegalStateException");
        assertThat(Json.read(execution.cause()))
                .isEqualTo(Json.read("{\"errorMessage\": \"database down\", \"errorType\": \"java.lang.IllegalStateException\"}"));
    }

    @Test
    void catchPutsErrorAndCauseAtItsResultPath() {
        Execution execution = run("""
                "Catch": [{"ErrorEquals": ["Boom"], "ResultPath": "$.error", "Next": "Caught"}],""", "{\"ticker\": \"AAPL19\"}", failing("Boom"));

        assertThat(execution.succeeded()).isTrue();
        assertThat(execution.output()).isEqualTo(Json.read("{\"ticker\": \"AAPL19\", \"error\": {\"Error\": \"Boom\", \"Cause\": \"attempt 1\"}}"));
        assertThat(execution.events()).extracting(StateEvent::kind).contains(StateEvent.Kind.CAUGHT);
    }

    @Test
    void catchFallsThroughToTheNextMatchingCatcherAndStatesAllCatchesTheRest() {
        String catchers = """
                "Catch": [{"ErrorEquals": ["Nope"], "Next": "Done"},
                          {"ErrorEquals": ["Boom", "Bang"], "ResultPath": null, "Next": "Other"},
                          {"ErrorEquals": ["States.ALL"], "Next": "Caught"}],""";

        Execution second = run(catchers, "{\"keep\": 1}", failing("Bang"));
        assertThat(second.statesVisited()).containsExactly("T", "Other");
        assertThat(second.events()).as("ResultPath null keeps the state input").filteredOn(e -> e.state().equals("T") && e.kind() == StateEvent.Kind.EXITED)
                .extracting(StateEvent::data).containsExactly(Json.read("{\"keep\": 1}"));
        assertThat(second.output().asText()).isEqualTo("other");

        attempts.set(0);
        Execution all = run(catchers, "{}", failing("Anything"));
        assertThat(all.statesVisited()).containsExactly("T", "Caught");
        assertThat(all.output()).isEqualTo(Json.read("{\"Error\": \"Anything\", \"Cause\": \"attempt 1\"}"));
    }

    @Test
    void retryThenCatchWhenAttemptsRunOut() {
        Execution execution = run("""
                "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Caught"}],""", "{}", failing("Boom", "Boom"));
        assertThat(attempts).hasValue(2);
        assertThat(execution.output().at("/err/Cause").asText()).isEqualTo("attempt 2");
    }

    @Test
    void timeoutIsStatesTimeoutWhichStatesTaskFailedDoesNotMatch() {
        Execution execution = run("""
                "TimeoutSeconds": 1,
                "Retry": [{"ErrorEquals": ["States.TaskFailed"]}],
                "Catch": [{"ErrorEquals": ["States.Timeout"], "ResultPath": "$.timeout", "Next": "Caught"}],""", "{}",
                (resource, input) -> {
                    attempts.incrementAndGet();
                    Thread.sleep(10_000);
                    return input;
                });
        assertThat(attempts).hasValue(1);
        assertThat(execution.output().at("/timeout/Error").asText()).isEqualTo("States.Timeout");
        assertThat(execution.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void statesTaskFailedMatchesOrdinaryTaskErrors() {
        Execution execution = run("""
                "Retry": [{"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 2}],""", "{}", failing("Lambda.ServiceException"));
        assertThat(execution.succeeded()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void parallelRetriesAndCatchesABranchFailure() {
        Execution execution = StateMachine.parse("""
                {"StartAt": "Par", "States": {
                  "Par": {"Type": "Parallel", "Branches": [
                      {"StartAt": "Ok", "States": {"Ok": {"Type": "Pass", "End": true}}},
                      {"StartAt": "Bad", "States": {"Bad": {"Type": "Fail", "Error": "BranchBoom", "Cause": "branch 1"}}}],
                    "Retry": [{"ErrorEquals": ["BranchBoom"], "MaxAttempts": 1}],
                    "Catch": [{"ErrorEquals": ["BranchBoom"], "ResultPath": "$.failure", "Next": "Recovered"}],
                    "End": true},
                  "Recovered": {"Type": "Pass", "End": true}}}""").withSleeper(sleeps::add).run("e", Json.read("{\"in\": 1}"), (r, i) -> i);

        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
        assertThat(execution.output()).isEqualTo(Json.read("{\"in\": 1, \"failure\": {\"Error\": \"BranchBoom\", \"Cause\": \"branch 1\"}}"));
        assertThat(execution.statesVisited()).filteredOn("Par[1]/Bad"::equals).hasSize(2);
    }

    @Test
    void mapCatchesAnItemFailure() {
        Execution execution = StateMachine.parse("""
                {"StartAt": "M", "States": {
                  "M": {"Type": "Map", "ItemsPath": "$.items",
                    "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Task", "Resource": "w", "End": true}}},
                    "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.mapError", "Next": "Recovered"}],
                    "End": true},
                  "Recovered": {"Type": "Pass", "End": true}}}""").run("e", Json.read("{\"items\": [1, 2]}"), (resource, input) -> {
            if (input.intValue() == 2) {
                throw new TaskFailedException("ItemFailed", "item 2");
            }
            return input;
        });
        assertThat(execution.output()).isEqualTo(Json.read("{\"items\": [1, 2], \"mapError\": {\"Error\": \"ItemFailed\", \"Cause\": \"item 2\"}}"));
    }

    @Test
    void errorOutputWithoutCauseHasOnlyError() {
        JsonNode output = run("""
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}],""", "{}", (resource, input) -> {
            throw new TaskFailedException("NoCause", null);
        }).output();
        assertThat(output).isEqualTo(Json.read("{\"Error\": \"NoCause\"}"));
    }
}
