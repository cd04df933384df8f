package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One step of an execution's history.
 *
 * @param kind  what happened
 * @param scope where the state runs: empty at the top level, else e.g.
 *              {@code ParallelProcessing[0]/FanOutToReportWorkers[3]} (branch or item index)
 * @param state the state's name
 * @param time  when it happened
 * @param data  the state input for {@link Kind#ENTERED}, its output for {@link Kind#EXITED}, else null
 * @param error the error name for {@link Kind#RETRYING}, {@link Kind#CAUGHT} and {@link Kind#FAILED}, else null
 * @param cause the error cause when there is one, else null
 */
public record StateEvent(Kind kind, String scope, String state, Instant time, JsonNode data, String error, String cause) {

    /** What happened to the state. */
    public enum Kind {
        /** The state started with {@code data} as input. */
        ENTERED,
        /** The state finished with {@code data} as output. */
        EXITED,
        /** The state failed with {@code error} and a retrier will run it again. */
        RETRYING,
        /** The state failed with {@code error} and a catcher moved on to its Next state. */
        CAUGHT,
        /** The state failed with {@code error}, which ends its branch (or the execution). */
        FAILED
    }

    /** The scope and state name joined, e.g. {@code FanOutToReportWorkers[3]/InvokeReportWorker}. */
    public String qualifiedName() {
        return scope.isEmpty() ? state : scope + "/" + state;
    }
}
