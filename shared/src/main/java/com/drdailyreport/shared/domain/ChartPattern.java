package com.drdailyreport.shared.domain;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A detected chart pattern.
 *
 * @param type         what was found
 * @param confidence   how well it fits, from measured quality
 * @param start        date of the first point
 * @param end          date of the last point (or of the breakout)
 * @param points       named anchors {@code A, B, C…} in drawing order, each inside [start, end]
 * @param measurements named numbers (breakout level, target, depth…); a value may be null, never NaN
 */
public record ChartPattern(PatternType type, Confidence confidence, LocalDate start, LocalDate end,
                           Map<String, PatternPoint> points, Map<String, Double> measurements) {

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
    }
}
