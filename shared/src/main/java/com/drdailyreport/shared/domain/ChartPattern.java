package com.drdailyreport.shared.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detected chart pattern and where it stands.
 *
 * @param type         what was found
 * @param confidence   what the pattern's measured quality has been worth in the past (calibrated buckets)
 * @param start        date of the first point
 * @param end          date of the last point (the end of the formation, or its breakout)
 * @param points       named anchors {@code A, B, C…} in drawing order, each inside [start, end]
 * @param measurements named numbers (breakout level, target, depth…); a value may be null, never NaN
 * @param state        the lifecycle state as of the last bar the pattern was detected on
 * @param stateDate    the date the pattern entered {@code state} (on or after {@code start})
 * @param direction    the way the pattern points now: the type's direction, or for a symmetrical triangle
 *                     neutral until it breaks out and then the side it broke
 */
public record ChartPattern(PatternType type, Confidence confidence, LocalDate start, LocalDate end,
                           Map<String, PatternPoint> points, Map<String, Double> measurements,
                           PatternState state, LocalDate stateDate, PatternType.Direction direction) {

    public ChartPattern {
        Checks.present("pattern_type", type);
        Checks.present("confidence", confidence);
        Checks.present("start_date", start);
        Checks.present("end_date", end);
        if (end.isBefore(start)) {
            throw new InvalidValueException("end_date", "must not be before start_date (" + start + " > " + end + ")");
        }
        Checks.present("points", points);
        if (points.isEmpty()) {
            throw new InvalidValueException("points", "must name at least one point");
        }
        for (Map.Entry<String, PatternPoint> point : points.entrySet()) {
            Checks.text("points key", point.getKey(), 8);
            PatternPoint p = Checks.present("points." + point.getKey(), point.getValue());
            if (p.date().isBefore(start) || p.date().isAfter(end)) {
                throw new InvalidValueException("points." + point.getKey(),
                        "date " + p.date() + " lies outside the pattern's range " + start + " … " + end);
            }
        }
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        Map<String, Double> checked = new LinkedHashMap<>();
        if (measurements != null) {
            measurements.forEach((name, value) -> checked.put(Checks.text("measurements key", name, 40),
                    value == null ? null : Checks.finite("measurements." + name, value)));
        }
        measurements = Collections.unmodifiableMap(checked);
        Checks.present("state", state);
        Checks.present("state_date", stateDate);
        if (stateDate.isBefore(start)) {
            throw new InvalidValueException("state_date", "must not be before start_date (" + stateDate + " < " + start + ")");
        }
        Checks.present("direction", direction);
        if (type.direction() != PatternType.Direction.NEUTRAL && direction != type.direction()) {
            throw new InvalidValueException("direction", "a " + type.wireName() + " points " + type.direction().wireName()
                    + ", not " + direction.wireName());
        }
    }

    /** A pattern still forming as of its end date, pointing the type's way (rows stored before lifecycles existed). */
    public ChartPattern(PatternType type, Confidence confidence, LocalDate start, LocalDate end,
                        Map<String, PatternPoint> points, Map<String, Double> measurements) {
        this(type, confidence, start, end, points, measurements, PatternState.FORMING, end, type.direction());
    }

    /** Whether the pattern is a live signal (forming or confirmed). */
    public boolean live() {
        return state.live();
    }
}
