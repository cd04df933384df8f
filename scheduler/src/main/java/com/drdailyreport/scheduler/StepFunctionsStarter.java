package com.drdailyreport.scheduler;

import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;

/** Starts the precompute state machine through the Step Functions API. */
final class StepFunctionsStarter implements PrecomputeStarter {

    private final SfnClient sfn;
    private final String stateMachineArn;

    StepFunctionsStarter(SfnClient sfn, String stateMachineArn) {
        this.sfn = sfn;
        this.stateMachineArn = stateMachineArn;
    }

    @Override
    public String start(String executionName, String inputJson) {
        return sfn.startExecution(StartExecutionRequest.builder()
                .stateMachineArn(stateMachineArn)
                .name(executionName)
                .input(inputJson)
                .build()).executionArn();
    }
}
