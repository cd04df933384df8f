package com.drdailyreport.shared.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda {@link Context} of one invocation outside AWS ({@code bin/dr-local}, tests,
 * benchmarks): the function's name, a fresh request id, the remaining time counted down from the
 * function's timeout, and a logger that writes through SLF4J. What a handler reads from its
 * context in AWS, without AWS.
 */
public final class InvocationContext implements Context {

    /** The account in the ARNs of invocations outside AWS (the same as local API Gateway events). */
    public static final String LOCAL_ACCOUNT_ID = "000000000000";

    private static final Logger LOG = LoggerFactory.getLogger("lambda");

    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final int memoryMb;
    private final long deadlineNanos;

    /**
     * @param functionName the function's name, e.g. {@code telegram-api}
     * @param timeout      its configured timeout ({@link #getRemainingTimeInMillis()} counts down from it)
     * @param memoryMb     its configured memory
     */
    public InvocationContext(String functionName, Duration timeout, int memoryMb) {
        this.functionName = functionName;
        this.memoryMb = memoryMb;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** A new context per invocation: 30 s timeout and 1,024 MB, whatever the function. */
    public static Function<String, Context> factory() {
        return name -> new InvocationContext(name, Duration.ofSeconds(30), 1024);
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:" + LOCAL_ACCOUNT_ID + ":function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                LOG.info("[{}] {}", functionName, message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
