package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/** Synchronous invocations whose result must say {@code "status":"ok"}. */
final class Invoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The outcome: ok, the parsed payload (or null), and a one-line reason when not ok. */
    record Result(boolean ok, JsonNode payload, String reason) {
    }

    private final LambdaClient lambda;

    Invoker(LambdaClient lambda) {
        this.lambda = lambda;
    }

    /** Invokes {@code $LATEST} of the function and waits for its answer. */
    Result invoke(String functionName, String payloadJson) {
        InvokeResponse r;
        try {
            r = lambda.invoke(b -> b.functionName(functionName).invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromString(payloadJson, StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return new Result(false, null, "invoking " + functionName + " failed: " + e.getMessage());
        }
        String body = r.payload() == null ? "" : r.payload().asUtf8String();
        JsonNode payload = null;
        try {
            payload = body.isBlank() ? null : JSON.readTree(body);
        } catch (Exception notJson) {
            payload = null;
        }
        if (r.functionError() != null) {
            String message = payload != null ? payload.path("errorMessage").asText(body) : body;
            return new Result(false, payload, functionName + " raised " + r.functionError() + ": " + abbreviate(message));
        }
        if (payload == null || !payload.isObject()) {
            return new Result(false, payload, functionName + " returned no JSON object: " + abbreviate(body));
        }
        if (!payload.hasNonNull("status")) {
            return new Result(false, payload, functionName + " returned no status (\"ok\" expected): " + abbreviate(body));
        }
        String status = payload.path("status").asText("");
        if (!"ok".equals(status)) {
            String why = payload.path("error").asText(payload.path("reason").asText(""));
            // without an error or reason field, what it returned is the only clue
            return new Result(false, payload, functionName + " returned status '" + status + "': " + abbreviate(why.isBlank() ? body : why));
        }
        return new Result(true, payload, null);
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }
}
