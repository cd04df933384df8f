package com.drdailyreport.shared.db;

/** An update addressed a row that does not exist (instead of silently changing nothing). */
public final class RecordNotFoundException extends DataAccessException {

    public RecordNotFoundException(String table, String key) {
        super(table + ": no row for " + key);
    }
}
