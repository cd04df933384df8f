package com.drdailyreport.deploy;

import java.time.Duration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/**
 * Switches one function to an image: {@code UpdateFunctionCode} with {@code repo@sha256:…}, the
 * {@code FunctionUpdatedV2} waiter, a check that the image Lambda resolved is the pushed digest,
 * and for alias-invoked functions a published version with {@code live} moved to it.
 */
final class FunctionUpdater {

    static final String LIVE = "live";

    private final LambdaClient lambda;
    private final Duration pollDelay;
    private final Duration timeout;

    FunctionUpdater(LambdaClient lambda, Duration pollDelay, Duration timeout) {
        this.lambda = lambda;
        this.pollDelay = pollDelay;
        this.timeout = timeout;
    }

    /** What a function runs now. */
    record Current(String imageUri, String resolvedImageUri, String liveVersion, String liveImageUri, String lastUpdateStatus) {
    }

    /** Null when the function does not exist. */
    Current current(String functionName, boolean liveAlias) {
        GetFunctionResponse f;
        try {
            f = lambda.getFunction(b -> b.functionName(functionName));
        } catch (ResourceNotFoundException e) {
            return null;
        }
        String liveVersion = null;
        String liveImage = null;
        if (liveAlias) {
            try {
                liveVersion = lambda.getAlias(b -> b.functionName(functionName).name(LIVE)).functionVersion();
                String v = liveVersion;
                liveImage = "$LATEST".equals(v) ? f.code().imageUri()
                        : lambda.getFunction(b -> b.functionName(functionName).qualifier(v)).code().imageUri();
            } catch (ResourceNotFoundException e) {
                liveVersion = null;
            }
        }
        return new Current(f.code().imageUri(), f.code().resolvedImageUri(), liveVersion, liveImage,
                f.configuration().lastUpdateStatusAsString());
    }

    /** A failed switch: the reason Lambda or the check gave. */
    static final class UpdateException extends RuntimeException {
        UpdateException(String message) {
            super(message);
        }
    }

    /**
     * Puts {@code $LATEST} on {@code imageUri} unless it is there already, waits until Lambda says
     * the update finished, checks the resolved digest, then (alias functions) points {@code live}
     * at {@code liveVersion} when given, else at a version published from the new code.
     *
     * @return the version {@code live} points at afterwards (null for functions without the alias)
     */
    String switchTo(String functionName, String imageUri, boolean liveAlias, String liveVersion) {
        String digest = Digests.of(imageUri);
        Current before = current(functionName, liveAlias);
        if (before == null) {
            throw new UpdateException(functionName + " does not exist");
        }
        if (!imageUri.equals(before.imageUri()) || !LastUpdateStatus.SUCCESSFUL.toString().equals(before.lastUpdateStatus())) {
            try {
                lambda.updateFunctionCode(b -> b.functionName(functionName).imageUri(imageUri));
            } catch (ResourceConflictException e) {
                // an update of this function is still running (another tool, or Terraform): wait for it, then go once more
                waitUpdated(functionName);
                lambda.updateFunctionCode(b -> b.functionName(functionName).imageUri(imageUri));
            }
        }
        GetFunctionResponse after = waitUpdated(functionName);
        String resolved = Digests.of(after.code().resolvedImageUri());
        if (digest != null && !digest.equals(resolved)) {
            throw new UpdateException(functionName + " resolved its image to " + after.code().resolvedImageUri() + ", not " + digest);
        }
        if (!imageUri.equals(after.code().imageUri())) {
            throw new UpdateException(functionName + " runs " + after.code().imageUri() + ", not " + imageUri);
        }
        if (!liveAlias) {
            return null;
        }
        String version = liveVersion;
        if (version == null) {
            // the code Lambda holds after the waiter (not the update's answer, given while it was still in progress):
            // PublishVersion refuses if $LATEST changed underneath in the meantime
            String sha = after.configuration().codeSha256();
            version = lambda.publishVersion(b -> b.functionName(functionName).codeSha256(sha)
                    .description("deploy " + Digests.shortForm(digest))).version();
        }
        String target = version;
        try {
            // all traffic to the one version: a weighted shift left by hand would otherwise keep sending some elsewhere
            lambda.updateAlias(b -> b.functionName(functionName).name(LIVE).functionVersion(target)
                    .routingConfig(r -> r.additionalVersionWeights(java.util.Map.of())));
        } catch (ResourceNotFoundException e) {
            lambda.createAlias(b -> b.functionName(functionName).name(LIVE).functionVersion(target));
        }
        String live = lambda.getAlias(b -> b.functionName(functionName).name(LIVE)).functionVersion();
        if (!target.equals(live)) {
            throw new UpdateException(functionName + ": alias live points at " + live + " after it was moved to " + target);
        }
        String liveImage = lambda.getFunction(b -> b.functionName(functionName).qualifier(target)).code().imageUri();
        if (digest != null ? !digest.equals(Digests.of(liveImage)) : !imageUri.equals(liveImage)) {
            throw new UpdateException(functionName + ": version " + target + " (live) runs " + liveImage + ", not " + digest);
        }
        return target;
    }

    /** The {@code FunctionUpdatedV2} waiter; a {@code Failed} update becomes an {@link UpdateException} with Lambda's reason. */
    GetFunctionResponse waitUpdated(String functionName) {
        try (LambdaWaiter waiter = LambdaWaiter.builder().client(lambda)
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(pollDelay))
                        .waitTimeout(timeout)
                        .maxAttempts(Math.max(2, (int) (timeout.toMillis() / Math.max(1, pollDelay.toMillis())) + 1))
                        .build())
                .build()) {
            WaiterResponse<GetFunctionResponse> r = waiter.waitUntilFunctionUpdatedV2(b -> b.functionName(functionName));
            if (r.matched().response().isPresent()) {
                return r.matched().response().get();
            }
            throw new UpdateException(functionName + ": waiting for the update failed: "
                    + r.matched().exception().map(Throwable::getMessage).orElse("no response"));
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            // the waiter ends in failure: Failed, or still InProgress after the timeout
            GetFunctionResponse f = lambda.getFunction(b -> b.functionName(functionName));
            String status = f.configuration().lastUpdateStatusAsString();
            String reason = f.configuration().lastUpdateStatusReason();
            throw new UpdateException(functionName + ": update " + status + (reason == null ? "" : " — " + reason)
                    + ("InProgress".equals(status) ? " after " + timeout.toSeconds() + " s" : ""));
        }
    }
}
