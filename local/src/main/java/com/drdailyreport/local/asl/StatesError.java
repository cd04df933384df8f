package com.drdailyreport.local.asl;

/**
 * A Step Functions error raised while a state runs: the error name that Retry and Catch match,
 * and its cause. {@code States.Runtime} errors (bad paths, bad intrinsic arguments) are never
 * retried or caught, as in AWS.
 */
final class StatesError extends RuntimeException {

    static final String ALL = "States.ALL";
    static final String TASK_FAILED = "States.TaskFailed";
    static final String TIMEOUT = "States.Timeout";
    static final String RUNTIME = "States.Runtime";
    static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";

    private final String error;
    private final String cause;

    StatesError(String error, String cause) {
        super(cause == null ? error : error + ": " + cause, null, false, false);
        this.error = error;
        this.cause = cause;
    }

    static StatesError runtime(String cause) {
        return new StatesError(RUNTIME, cause);
    }

    String error() {
        return error;
    }

    String cause() {
        return cause;
    }

    /** Whether Retry/Catch may handle it. */
    boolean handleable() {
        return !RUNTIME.equals(error);
    }

    /** Whether an ErrorEquals list names this error, directly or through a wildcard. */
    boolean matches(Iterable<String> errorEquals) {
        for (String name : errorEquals) {
            if (name.equals(error) || name.equals(ALL) || name.equals(TASK_FAILED) && !TIMEOUT.equals(error)) {
                return true;
            }
        }
        return false;
    }
}
