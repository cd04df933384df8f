package com.drdailyreport.local.asl;

/**
 * A state machine definition the interpreter cannot accept: invalid JSON, an unknown placeholder,
 * a missing transition target, an unsupported state type or field. The message names the state.
 */
public class AslException extends RuntimeException {

    /** A definition error described by {@code message}. */
    public AslException(String message) {
        super(message);
    }

    /** A definition error described by {@code message}, caused by {@code cause}. */
    public AslException(String message, Throwable cause) {
        super(message, cause);
    }
}
