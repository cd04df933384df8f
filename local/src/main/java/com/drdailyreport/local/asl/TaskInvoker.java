package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the work behind a Task state, in place of Lambda. The local runner maps each resource
 * (the {@code Resource} field after placeholders are filled) to an in-process handler.
 */
@FunctionalInterface
public interface TaskInvoker {

    /**
     * Runs {@code resource} with the task's effective input (after InputPath and Parameters; the
     * node is a private copy the handler may keep) and returns its result.
     *
     * @throws TaskFailedException to fail with an explicit error name and cause
     * @throws Exception any other exception fails the task with the exception's class name as error
     */
    JsonNode invoke(String resource, JsonNode input) throws Exception;
}
