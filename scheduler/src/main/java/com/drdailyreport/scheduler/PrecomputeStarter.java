package com.drdailyreport.scheduler;

/** Starts one execution of the precompute workflow. */
public interface PrecomputeStarter {

    /**
     * @param executionName unique per state machine
     * @param inputJson     the execution input
     * @return the execution ARN (or a local id)
     */
    String start(String executionName, String inputJson);
}
