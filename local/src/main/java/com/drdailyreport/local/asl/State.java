package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One parsed, validated state.
 *
 * @param name     its name
 * @param io       input and output processing
 * @param next     the state that follows, or null when it ends its branch (or chooses, for Choice)
 * @param retriers Retry, in order
 * @param catchers Catch, in order
 * @param kind     what the state does
 */
record State(String name, Io io, String next, List<Retrier> retriers, List<Catcher> catchers, Kind kind) {

    /**
     * Input/output processing. For {@code inputPath} and {@code outputPath} null stands for JSON
     * null (an empty object); for {@code resultPath} null discards the result. Absent fields are
     * {@link JsonPath#ROOT}; absent templates are null.
     */
    record Io(JsonPath inputPath, Template parameters, Template resultSelector, JsonPath resultPath, JsonPath outputPath) {
        static final Io DEFAULT = new Io(JsonPath.ROOT, null, null, JsonPath.ROOT, JsonPath.ROOT);
    }

    /** A Retry entry. {@code maxDelaySeconds} is null when absent. */
    record Retrier(List<String> errorEquals, int intervalSeconds, int maxAttempts, double backoffRate,
                   Integer maxDelaySeconds, boolean fullJitter) {

        /** The wait before retry number {@code retry} (0-based) of this retrier. */
        Duration delay(int retry) {
            double seconds = intervalSeconds * Math.pow(backoffRate, retry);
            if (maxDelaySeconds != null) {
                seconds = Math.min(seconds, maxDelaySeconds);
            }
            if (fullJitter) {
                seconds *= ThreadLocalRandom.current().nextDouble();
            }
            return Duration.ofMillis(Math.round(Math.min(seconds, 1e12) * 1000));
        }
    }

    /** A Catch entry; {@code resultPath} null discards the error output. */
    record Catcher(List<String> errorEquals, JsonPath resultPath, String next) {
    }

    /** A state machine or a branch of one: a start state and the states by name. */
    record Graph(String startAt, Map<String, State> states) {
    }

    /** What a state does, by type. */
    sealed interface Kind {
    }

    /** Task: invoke {@code resource}, optionally bounded by a timeout (fixed or read from the input). */
    record TaskState(String resource, Integer timeoutSeconds, JsonPath timeoutSecondsPath) implements Kind {
    }

    /** Pass: result is {@code result}, or the effective input when null. */
    record PassState(JsonNode result) implements Kind {
    }

    /** Choice: the first rule that holds names the next state, else {@code defaultNext}. */
    record ChoiceState(List<Rule> choices, String defaultNext) implements Kind {
        /** A top-level rule and its Next. */
        record Rule(ChoiceRule condition, String next) {
        }
    }

    /** Parallel: run every branch on the same input. */
    record ParallelState(List<Graph> branches) implements Kind {
    }

    /** Map: run {@code processor} once per item; {@code maxConcurrency} 0 is unbounded. */
    record MapState(Graph processor, JsonPath itemsPath, Template itemSelector, int maxConcurrency,
                    JsonPath maxConcurrencyPath) implements Kind {
    }

    /** Succeed. */
    record SucceedState() implements Kind {
    }

    /** Fail: fixed error/cause, or computed from the input by a path or intrinsic. */
    record FailState(String error, String cause, Template errorPath, Template causePath) implements Kind {
    }
}
