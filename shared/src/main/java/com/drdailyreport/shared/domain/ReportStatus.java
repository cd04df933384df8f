package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** State of a precomputed report row. */
public enum ReportStatus {
    PENDING, COMPLETED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportStatus fromName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
