package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.Locale;

/**
 * How a pattern type (at one confidence, or at all of them) has done in the past: over a scope (one
 * ticker, or the whole universe), the decided cases, how many reached their target before failing,
 * and the base rate — how often the same target distance was reached before the same stop distance
 * from random earlier entry days of the same series.
 *
 * @param scope              a DR symbol, or {@link #UNIVERSE}
 * @param type               the pattern type
 * @param confidence         the confidence the cases were reported with; null for all of them
 * @param asOf               the last bar the record covers
 * @param cases              decided cases (hit, failed, or horizon over)
 * @param hits               cases that reached their target first
 * @param failures           cases that failed first
 * @param hitRate            hits / cases; null without cases
 * @param baseRate           the mean base rate of those cases; null when none has one
 * @param zScore             (hits − expected) / √variance under the base rates; null without base rates
 * @param medianBarsToTarget over the hits; null without hits
 * @param meanReturnPct      mean return at the horizon in the pattern's direction; null without any
 * @param horizon            the horizon in bars
 * @param demo               whether the series were demo (synthetic) prices: demo statistics
 * @param verdict            what the figures allow saying
 */
public record TrackRecord(String scope, PatternType type, Confidence confidence, LocalDate asOf, int cases, int hits, int failures,
                          Double hitRate, Double baseRate, Double zScore, Integer medianBarsToTarget, Double meanReturnPct,
                          int horizon, boolean demo, Verdict verdict) {

    /** The scope of a record over every ticker. */
    public static final String UNIVERSE = "*";
    /** Fewer decided cases than this say "too few past cases". */
    public static final int MIN_CASES = 10;

    /** What a track record allows saying about a pattern type. */
    public enum Verdict {
        /** hits significantly above what the base rates predict (one-sided, z ≥ 2.33) */
        BETTER_THAN_CHANCE,
        /** enough cases, but not significantly better than the base rate */
        NOT_BETTER_THAN_CHANCE,
        /** fewer than {@link #MIN_CASES} decided cases */
        TOO_FEW_CASES;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Verdict fromName(String name) {
            for (Verdict v : values()) {
                if (v.wireName().equalsIgnoreCase(String.valueOf(name).trim())) {
                    return v;
                }
            }
            throw new InvalidValueException("verdict", "unknown: '" + Checks.abbreviate(String.valueOf(name)) + "'");
        }
    }

    public TrackRecord {
        Checks.present("scope", scope);
        Checks.present("pattern_type", type);
        Checks.present("as_of", asOf);
        Checks.present("verdict", verdict);
        if (cases < 0 || hits < 0 || failures < 0 || hits + failures > cases) {
            throw new InvalidValueException("cases", "hits " + hits + " + failures " + failures + " exceed cases " + cases);
        }
    }
}
