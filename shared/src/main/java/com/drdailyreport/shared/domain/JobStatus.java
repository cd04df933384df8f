package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** State of an asynchronous report job: pending → in_progress → completed | failed. */
public enum JobStatus {
    PENDING, IN_PROGRESS, COMPLETED, FAILED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }

    public static JobStatus fromName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
