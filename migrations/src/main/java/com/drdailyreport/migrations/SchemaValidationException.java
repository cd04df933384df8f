package com.drdailyreport.migrations;

/** The database's applied migrations do not match the migrations in the code. */
public final class SchemaValidationException extends RuntimeException {
    SchemaValidationException(String message) {
        super(message);
    }
}
