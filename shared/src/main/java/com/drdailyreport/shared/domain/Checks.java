package com.drdailyreport.shared.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** Argument checks shared by the domain types; each failure names the field. */
public final class Checks {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9^][A-Z0-9.\\-^=]{0,19}");

    private Checks() {
    }

    /** A finite number (never NaN or infinite). */
    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidValueException(field, "must be a finite number, was " + value);
        }
        return value;
    }

    /** A finite number greater than zero (a price). */
    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new InvalidValueException(field, "must be greater than 0, was " + value);
        }
        return value;
    }

    /** A non-null value. */
    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /** A non-blank string of at most {@code maxLength} characters, trimmed. */
    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters, was " + trimmed.length());
        }
        return trimmed;
    }

    /**
     * A ticker symbol (DR or Yahoo): trimmed, upper-cased, 1–20 characters of letters, digits and
     * {@code . - ^ =}. Rejects empty input and anything that cannot be a symbol.
     */
    public static String symbol(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(normalized).matches()) {
            throw new InvalidValueException(field, "is not a ticker symbol: '" + abbreviate(value) + "'");
        }
        return normalized;
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
