package com.drdailyreport.scheduler;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Invokes precompute-controller asynchronously (InvocationType=Event): the scheduler does not wait for the run. */
final class LambdaControllerTrigger implements ControllerTrigger {

    private final LambdaClient lambda;
    private final String functionName;

    LambdaControllerTrigger(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void trigger(String payloadJson) {
        InvokeResponse response = lambda.invoke(InvokeRequest.builder()
                .functionName(functionName)
                .invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(payloadJson))
                .build());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("asynchronous invoke of " + functionName + " answered HTTP " + response.statusCode());
        }
    }
}
