package com.drdailyreport.shared.db;

/**
 * The database refused a write because it broke a constraint. Names the table, the kind of
 * constraint and the offending key, e.g. "chart_pattern_data: foreign key violated for ticker_id=999
 * (symbol=NVDA19): ticker_id does not reference an existing ticker".
 */
public final class ConstraintViolationException extends DataAccessException {

    /** Which kind of constraint was broken. */
    public enum Kind {
        FOREIGN_KEY, DUPLICATE_KEY, NOT_NULL, INVALID_VALUE
    }

    private final String table;
    private final Kind kind;
    private final String key;

    ConstraintViolationException(String table, Kind kind, String key, String detail, Throwable cause) {
        super(table + ": " + describe(kind) + " for " + key + (detail == null ? "" : ": " + detail), cause);
        this.table = table;
        this.kind = kind;
        this.key = key;
    }

    private static String describe(Kind kind) {
        return switch (kind) {
            case FOREIGN_KEY -> "foreign key violated";
            case DUPLICATE_KEY -> "duplicate key";
            case NOT_NULL -> "required value missing";
            case INVALID_VALUE -> "value rejected";
        };
    }

    public String table() {
        return table;
    }

    public Kind kind() {
        return kind;
    }

    /** The offending row's key as "column=value, …". */
    public String key() {
        return key;
    }
}
