package com.drdailyreport.shared.db;

/** A database operation failed; the message says which one and why, without SQL text or credentials. */
public class DataAccessException extends RuntimeException {

    public DataAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    public DataAccessException(String message) {
        super(message);
    }
}
