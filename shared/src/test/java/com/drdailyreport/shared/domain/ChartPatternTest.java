package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartPatternTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);
    private static final LocalDate END = LocalDate.of(2026, 1, 10);

    private static Map<String, PatternPoint> points() {
        Map<String, PatternPoint> points = new LinkedHashMap<>();
        points.put("A", new PatternPoint(START, 150.25));
        points.put("B", new PatternPoint(LocalDate.of(2026, 1, 5), 155.5));
        points.put("C", new PatternPoint(END, 152.0));
        return points;
    }

    @Test
    void pointsSerializeAsDatePriceArraysInOrder() {
        ChartPattern pattern = new ChartPattern(PatternType.BULLISH_FLAG, Confidence.HIGH, START, END, points(), Map.of("target", 160.0));
        JsonNode json = Json.tree(pattern.points());
        assertThat(json.toString()).isEqualTo("{\"A\":[\"2026-01-01\",150.25],\"B\":[\"2026-01-05\",155.5],\"C\":[\"2026-01-10\",152.0]}");
        assertThat(Json.mapper().convertValue(json.get("B"), PatternPoint.class)).isEqualTo(new PatternPoint(LocalDate.of(2026, 1, 5), 155.5));
    }

    @Test
    void rejectsAPointOutsideTheRangeAndReversedDates() {
        Map<String, PatternPoint> outside = points();
        outside.put("D", new PatternPoint(END.plusDays(1), 151));
        assertThatThrownBy(() -> new ChartPattern(PatternType.BULLISH_FLAG, Confidence.LOW, START, END, outside, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("points.D date 2026-01-11 lies outside");
        assertThatThrownBy(() -> new ChartPattern(PatternType.BULLISH_FLAG, Confidence.LOW, END, START, points(), null))
                .hasMessageStartingWith("end_date must not be before start_date");
        assertThatThrownBy(() -> new ChartPattern(PatternType.BULLISH_FLAG, Confidence.LOW, START, END, Map.of(), null))
                .hasMessage("points must name at least one point");
    }

    @Test
    void rejectsNaNMeasurementsButAllowsNull() {
        Map<String, Double> measurements = new HashMap<>();
        measurements.put("target", null);
        assertThat(new ChartPattern(PatternType.DOUBLE_TOP, Confidence.MEDIUM, START, END, points(), measurements).measurements())
                .containsEntry("target", null);
        assertThatThrownBy(() -> new ChartPattern(PatternType.DOUBLE_TOP, Confidence.MEDIUM, START, END, points(),
                Map.of("breakout", Double.NaN))).hasMessage("measurements.breakout must be a finite number, was NaN");
    }

    @Test
    void aPointNeedsAPositivePrice() {
        assertThatThrownBy(() -> new PatternPoint(START, Double.NaN)).hasMessage("points.price must be a finite number, was NaN");
    }
}
