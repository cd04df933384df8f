package com.drdailyreport.shared.analysis;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The report's overall view. */
public enum Stance {
    BULLISH, BEARISH, NEUTRAL;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Thai word used in the narrative and the LINE card. */
    public String thai() {
        return switch (this) {
            case BULLISH -> "เชิงบวก";
            case BEARISH -> "เชิงลบ";
            case NEUTRAL -> "เป็นกลาง";
        };
    }
}
