package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link StateMachine#run}.
 *
 * @param status  how it ended
 * @param output  the final output when {@link Status#SUCCEEDED}, else null
 * @param error   the error name when {@link Status#FAILED} (e.g. {@code PrecomputeIncomplete}), else null
 * @param cause   the error cause when failed (may be null), else null
 * @param elapsed wall-clock time of the run
 * @param events  the history, in the order it was recorded (interleaved for concurrent branches)
 */
public record Execution(Status status, JsonNode output, String error, String cause, Duration elapsed, List<StateEvent> events) {

    /** How an execution ended. */
    public enum Status {
        /** Reached a Succeed state or an End. */
        SUCCEEDED,
        /** A Fail state or an uncaught error. */
        FAILED
    }

    /** Defensive copy of the history. */
    public Execution {
        events = List.copyOf(events);
    }

    /** True when the execution succeeded. */
    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }

    /** The names of the states entered, in order, nested ones qualified by their scope. */
    public List<String> statesVisited() {
        return events.stream().filter(e -> e.kind() == StateEvent.Kind.ENTERED).map(StateEvent::qualifiedName).toList();
    }
}
