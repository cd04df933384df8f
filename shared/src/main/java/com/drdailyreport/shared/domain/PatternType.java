package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chart patterns the system detects, with their stored {@code pattern_type} name, the
 * reference system's {@code pattern_code}, the family shown as {@code pattern} in the API, and
 * the direction that colours the overlay.
 */
public enum PatternType {
    BULLISH_FLAG("bullish_flag", "FLAGU", "flag", Direction.BULLISH),
    BEARISH_FLAG("bearish_flag", "FLAGD", "flag", Direction.BEARISH),
    ASCENDING_TRIANGLE("ascending_triangle", "TRIU", "triangle", Direction.BULLISH),
    DESCENDING_TRIANGLE("descending_triangle", "TRID", "triangle", Direction.BEARISH),
    SYMMETRICAL_TRIANGLE("symmetrical_triangle", "TRIS", "triangle", Direction.NEUTRAL),
    RISING_WEDGE("rising_wedge", "WDGU", "wedge", Direction.BEARISH),
    FALLING_WEDGE("falling_wedge", "WDGD", "wedge", Direction.BULLISH),
    DOUBLE_TOP("double_top", "DTOP", "double", Direction.BEARISH),
    DOUBLE_BOTTOM("double_bottom", "DBOT", "double", Direction.BULLISH),
    HEAD_SHOULDERS("head_shoulders", "HS", "head_shoulders", Direction.BEARISH),
    INVERSE_HEAD_SHOULDERS("inverse_head_shoulders", "IHS", "head_shoulders", Direction.BULLISH),
    CUP_HANDLE("cup_handle", "CUP", "cup_handle", Direction.BULLISH),
    VCP("vcp", "VCP", "vcp", Direction.BULLISH);

    /** Which way a pattern points. */
    public enum Direction {
        BULLISH, BEARISH, NEUTRAL;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * @throws InvalidValueException naming {@code direction} for anything but bullish, bearish, neutral
         */
        @JsonCreator
        public static Direction fromName(String name) {
            for (Direction d : values()) {
                if (d.wireName().equalsIgnoreCase(String.valueOf(name).trim())) {
                    return d;
                }
            }
            throw new InvalidValueException("direction", "must be bullish, bearish or neutral, was '"
                    + Checks.abbreviate(String.valueOf(name)) + "'");
        }
    }

    /** Names the earlier system wrote for the same patterns. */
    private static final Map<String, PatternType> ALIASES = Map.of(
            "reverse_head_shoulders", INVERSE_HEAD_SHOULDERS,
            "head_and_shoulders", HEAD_SHOULDERS,
            "inverse_head_and_shoulders", INVERSE_HEAD_SHOULDERS,
            "ascending_wedge", RISING_WEDGE,
            "descending_wedge", FALLING_WEDGE,
            "cup_and_handle", CUP_HANDLE,
            "bullish_vcp", VCP);

    private static final Map<String, PatternType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(PatternType::wireName, t -> t));

    private final String wireName;
    private final String code;
    private final String family;
    private final Direction direction;

    PatternType(String wireName, String code, String family, Direction direction) {
        this.wireName = wireName;
        this.code = code;
        this.family = family;
        this.direction = direction;
    }

    /** The stored and API {@code pattern_type}, e.g. {@code bullish_flag}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The reference system's {@code pattern_code}, e.g. {@code FLAGU}. */
    public String code() {
        return code;
    }

    /** The pattern family shown as {@code pattern} in the API, e.g. {@code flag}. */
    public String family() {
        return family;
    }

    public Direction direction() {
        return direction;
    }

    /**
     * The type named {@code name} (its wire name, a legacy alias, or the enum constant; any case).
     *
     * @throws InvalidValueException naming {@code pattern_type} when the name is unknown
     */
    @JsonCreator
    public static PatternType fromName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("pattern_type", "must not be empty");
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        PatternType type = BY_NAME.get(key);
        if (type == null) {
            type = ALIASES.get(key);
        }
        if (type == null) {
            throw new InvalidValueException("pattern_type", "'" + Checks.abbreviate(name) + "' is not a known pattern type; expected one of "
                    + Arrays.stream(values()).map(PatternType::wireName).collect(Collectors.joining(", ")));
        }
        return type;
    }
}
