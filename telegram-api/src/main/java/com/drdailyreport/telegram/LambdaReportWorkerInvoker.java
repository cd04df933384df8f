package com.drdailyreport.telegram;

import com.drdailyreport.shared.json.Json;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Invokes report-worker with {@code {"job_id","ticker","source":"telegram_api"}} as an asynchronous (Event) invocation. */
final class LambdaReportWorkerInvoker implements ReportWorkerInvoker {

    private final LambdaClient lambda;
    private final String functionName;

    LambdaReportWorkerInvoker(LambdaClient lambda, String functionName) {
        this.lambda = lambda;
        this.functionName = functionName;
    }

    @Override
    public void invoke(String jobId, String drSymbol) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.EVENT)
                .payload(SdkBytes.fromUtf8String(Json.write(Map.of("job_id", jobId, "ticker", drSymbol, "source", "telegram_api")))));
        if (response.statusCode() != 202) {
            throw new IllegalStateException("asynchronous invoke of " + functionName + " answered HTTP " + response.statusCode());
        }
    }
}
