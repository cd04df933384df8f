package com.drdailyreport.local.asl;

/**
 * Observes an execution as it runs: called on the thread that runs the state (Map iterations and
 * Parallel branches run on several threads at once), so implementations must be thread-safe and quick.
 */
@FunctionalInterface
public interface ExecutionListener {

    /** A listener that ignores everything. */
    ExecutionListener NONE = event -> { };

    /** Called for each state entered, exited, retried, caught or failed. */
    void onEvent(StateEvent event);
}
