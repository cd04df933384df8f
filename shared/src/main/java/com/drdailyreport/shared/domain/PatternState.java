package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where a chart pattern stands as of the report date.
 * <ul>
 *   <li>{@code forming} — the formation is complete but price has not closed beyond its breakout level yet;</li>
 *   <li>{@code confirmed} — a close beyond the breakout level in the pattern's direction; the target applies from there;</li>
 *   <li>{@code failed} — a close beyond the opposite side (the invalidation level), before or after the breakout;</li>
 *   <li>{@code target_reached} — after the breakout, price reached the target;</li>
 *   <li>{@code expired} — no breakout within the time the formation allows, or no target within the horizon after it.</li>
 * </ul>
 * Only {@code forming} and {@code confirmed} are live signals.
 */
public enum PatternState {
    FORMING, CONFIRMED, FAILED, TARGET_REACHED, EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the pattern is still a signal to act on (forming or confirmed). */
    public boolean live() {
        return this == FORMING || this == CONFIRMED;
    }

    /**
     * @throws InvalidValueException naming {@code state} for an unknown name
     */
    @JsonCreator
    public static PatternState fromName(String name) {
        if (name != null) {
            for (PatternState s : values()) {
                if (s.wireName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                    return s;
                }
            }
        }
        throw new InvalidValueException("state", "must be one of " + Arrays.stream(values()).map(PatternState::wireName)
                .collect(Collectors.joining(", ")) + ", was '" + Checks.abbreviate(String.valueOf(name)) + "'");
    }
}
