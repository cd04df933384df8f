package com.drdailyreport.shared.db;

/**
 * The database could not be reached or refused a connection (pool timeout, too many
 * connections, network), or rolled the transaction back (deadlock victim, lock wait timeout —
 * concurrent workers upserting at once). Transient: a caller may retry with backoff.
 */
public final class DatabaseUnavailableException extends DataAccessException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
