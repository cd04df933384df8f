package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;

/**
 * One past pattern of a ticker, counted once — on the bar it was first reported, from the bars
 * up to that bar only — and what happened within the horizon after it.
 *
 * @param type           the pattern
 * @param start          its first point's date (with the type, what identifies it from day to day)
 * @param reported       the bar it was first reported on (the entry: that bar's close)
 * @param confidence     the confidence it was reported with
 * @param quality        its measured quality, 0–1
 * @param outcome        what happened
 * @param barsToOutcome  bars from the report to the hit or the failure; null otherwise
 * @param returnPct      the close-to-close return from the report to the end of the horizon, in the
 *                       pattern's direction, in percent; null until the horizon is complete
 * @param targetPct      the distance from the entry close to the target, percent (positive)
 * @param stopPct        the distance from the entry close to the invalidation level, percent (positive)
 * @param baseRate       the share of earlier entry days of the same series on which the same target
 *                       distance was reached before the same stop distance within the horizon; null with
 *                       too few earlier days
 */
public record PatternEvent(PatternType type, LocalDate start, LocalDate reported, Confidence confidence, double quality,
                           Outcome outcome, Integer barsToOutcome, Double returnPct, Double targetPct, Double stopPct,
                           Double baseRate) {

    /** What became of a reported pattern within the horizon. */
    public enum Outcome {
        /** reached its target before failing */
        HIT,
        /** closed beyond its invalidation level first */
        FAILED,
        /** neither within the horizon (expired, or still waiting when it ended) */
        NO_RESULT,
        /** the horizon is not over yet and nothing has happened */
        OPEN;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Outcome fromName(String name) {
            for (Outcome o : values()) {
                if (o.wireName().equalsIgnoreCase(String.valueOf(name).trim())) {
                    return o;
                }
            }
            throw new InvalidValueException("outcome", "must be hit, failed, no_result or open, was '"
                    + Checks.abbreviate(String.valueOf(name)) + "'");
        }

        /** Whether the case counts in a hit rate: it hit, failed, or its horizon is over. */
        public boolean decided() {
            return this != OPEN;
        }
    }

    public PatternEvent {
        Checks.present("pattern_type", type);
        Checks.present("start_date", start);
        Checks.present("reported_date", reported);
        Checks.present("confidence", confidence);
        Checks.present("outcome", outcome);
        if (reported.isBefore(start)) {
            throw new InvalidValueException("reported_date", "must not be before start_date (" + reported + " < " + start + ")");
        }
    }
}
