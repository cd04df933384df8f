package com.drdailyreport.local.asl;

/**
 * Thrown by a {@link TaskInvoker} to fail a task with an explicit Step Functions error name and
 * cause, as Lambda reports them ({@code errorType} and the JSON error payload).
 */
public class TaskFailedException extends Exception {

    private final String error;
    private final String cause;

    /** A task failure named {@code error} (what Retry and Catch match) with {@code cause} (may be null). */
    public TaskFailedException(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause));
        if (error == null || error.isBlank()) {
            throw new IllegalArgumentException("a task failure needs an error name");
        }
        this.error = error;
        this.cause = cause;
    }

    /** The error name, e.g. {@code Lambda.ServiceException}. */
    public String error() {
        return error;
    }

    /** The cause text, or null. */
    public String cause() {
        return cause;
    }
}
