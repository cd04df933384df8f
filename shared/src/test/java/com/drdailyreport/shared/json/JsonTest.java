package com.drdailyreport.shared.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Metric(String metricName, double value, Double percentile, float ratio) {
    }

    @Test
    void nanAndInfinityAreWrittenAsNullFromRecordsMapsListsAndTrees() {
        assertThat(Json.write(new Metric("rsi", Double.NaN, Double.POSITIVE_INFINITY, Float.NaN)))
                .isEqualTo("{\"metric_name\":\"rsi\",\"value\":null,\"percentile\":null,\"ratio\":null}");
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", Double.NEGATIVE_INFINITY);
        map.put("b", List.of(1.5, Double.NaN));
        assertThat(Json.write(map)).isEqualTo("{\"a\":null,\"b\":[1.5,null]}");
        ObjectNode tree = Json.mapper().createObjectNode();
        tree.put("x", Double.NaN);
        tree.put("y", 2.0);
        assertThat(Json.write(tree)).isEqualTo("{\"x\":null,\"y\":2.0}");
    }

    @Test
    void datesAreIsoStrings() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("date", LocalDate.of(2026, 1, 5));
        map.put("at", Instant.parse("2026-01-05T05:00:00Z"));
        assertThat(Json.write(map)).isEqualTo("{\"date\":\"2026-01-05\",\"at\":\"2026-01-05T05:00:00Z\"}");
    }

    @Test
    void readingRejectsNanLiteralsAndNonJson() {
        assertThatThrownBy(() -> Json.read("{\"x\": NaN}")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid JSON");
        assertThatThrownBy(() -> Json.read("{oops")).isInstanceOf(IllegalArgumentException.class);
        JsonNode node = Json.read("{\"unknown\":1,\"metric_name\":\"rsi\",\"value\":1.0,\"percentile\":null,\"ratio\":2}");
        assertThat(Json.mapper().convertValue(node, Metric.class)).isEqualTo(new Metric("rsi", 1.0, null, 2f));
    }
}
