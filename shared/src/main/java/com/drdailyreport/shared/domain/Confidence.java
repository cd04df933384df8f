package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How well a detected pattern fits its template; stored as the {@code confidence} ENUM. */
public enum Confidence {
    HIGH, MEDIUM, LOW;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidValueException naming {@code confidence} for anything but high, medium, low
     */
    @JsonCreator
    public static Confidence fromName(String name) {
        if (name != null) {
            switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "high":
                    return HIGH;
                case "medium":
                    return MEDIUM;
                case "low":
                    return LOW;
                default:
                    break;
            }
        }
        throw new InvalidValueException("confidence", "must be high, medium or low, was '" + name + "'");
    }
}
