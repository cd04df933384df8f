package com.drdailyreport.shared.domain;

/**
 * A value rejected before it reaches the database or a client, naming the field at fault
 * ("close must be a finite number, was NaN").
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    /** The name of the offending field, as it appears in JSON and SQL (snake_case). */
    public String field() {
        return field;
    }
}
