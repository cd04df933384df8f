package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class ChoiceRuleTest {

    private static final JsonNode INPUT = Json.read("""
            {"status": "success", "other": "success", "count": 3, "limit": 3.0, "big": 10, "flag": true, "none": null,
             "when": "2026-01-10T05:00:00Z", "later": "2026-01-10T12:00:00+07:00", "file": "report-AAPL19.pdf", "star": "a*b"}""");

    /** Compiles a nested rule (no Next) and tests it against {@link #INPUT}. */
    private static boolean test(String rule) {
        return ChoiceRule.compile(Json.read(rule), false).test(INPUT, Json.read("{}"));
    }

    @Test
    void stringOperators() {
        assertThat(test("{\"Variable\": \"$.status\", \"StringEquals\": \"success\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"StringEquals\": \"error\"}")).isFalse();
        assertThat(test("{\"Variable\": \"$.status\", \"StringEqualsPath\": \"$.other\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"StringLessThan\": \"t\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"StringGreaterThanEquals\": \"success\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"StringEquals\": \"3\"}")).as("a number is not a string").isFalse();
    }

    @Test
    void numericOperatorsCompareExactlyAcrossIntAndDecimal() {
        assertThat(test("{\"Variable\": \"$.count\", \"NumericEquals\": 3}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericEqualsPath\": \"$.limit\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericGreaterThan\": 0}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericGreaterThan\": 3}")).isFalse();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericGreaterThanEquals\": 3}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericLessThan\": 3.5}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericLessThanEquals\": 2.99}")).isFalse();
        assertThat(test("{\"Variable\": \"$.count\", \"NumericLessThanPath\": \"$.big\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"NumericEquals\": 3}")).as("a string is not a number").isFalse();
    }

    @Test
    void booleanTimestampAndMatches() {
        assertThat(test("{\"Variable\": \"$.flag\", \"BooleanEquals\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.flag\", \"BooleanEquals\": false}")).isFalse();
        assertThat(test("{\"Variable\": \"$.when\", \"TimestampEquals\": \"2026-01-10T12:00:00+07:00\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.when\", \"TimestampLessThanPath\": \"$.later\"}")).isFalse();
        assertThat(test("{\"Variable\": \"$.file\", \"StringMatches\": \"report-*.pdf\"}")).isTrue();
        assertThat(test("{\"Variable\": \"$.file\", \"StringMatches\": \"*.csv\"}")).isFalse();
        assertThat(test("{\"Variable\": \"$.star\", \"StringMatches\": \"a\\\\*b\"}")).as("escaped star is literal").isTrue();
        assertThat(test("{\"Variable\": \"$.file\", \"StringMatches\": \"a\\\\*b\"}")).isFalse();
    }

    @Test
    void typeTests() {
        assertThat(test("{\"Variable\": \"$.status\", \"IsPresent\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.missing\", \"IsPresent\": true}")).isFalse();
        assertThat(test("{\"Variable\": \"$.missing\", \"IsPresent\": false}")).isTrue();
        assertThat(test("{\"Variable\": \"$.none\", \"IsNull\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"IsNull\": false}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"IsString\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.count\", \"IsNumeric\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"IsNumeric\": true}")).isFalse();
        assertThat(test("{\"Variable\": \"$.flag\", \"IsBoolean\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.when\", \"IsTimestamp\": true}")).isTrue();
        assertThat(test("{\"Variable\": \"$.status\", \"IsTimestamp\": true}")).isFalse();
    }

    @Test
    void andOrNotShortCircuitSoIsPresentGuardsMissingFields() {
        assertThat(test("""
                {"And": [{"Variable": "$.missing", "IsPresent": true}, {"Variable": "$.missing", "StringEquals": "x"}]}""")).isFalse();
        assertThat(test("""
                {"Or": [{"Variable": "$.count", "NumericEquals": 0}, {"Variable": "$.flag", "BooleanEquals": true}]}""")).isTrue();
        assertThat(test("""
                {"Not": {"Variable": "$.status", "StringEquals": "success"}}""")).isFalse();
    }

    @Test
    void comparingAMissingVariableIsARuntimeError() {
        assertThatThrownBy(() -> test("{\"Variable\": \"$.missing\", \"StringEquals\": \"x\"}"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"))
                .hasMessageContaining("Invalid path '$.missing'");
    }

    @Test
    void rejectsMalformedRules() {
        assertThatThrownBy(() -> test("{\"Variable\": \"$.a\", \"StringEqualz\": \"x\"}")).hasMessageContaining("unsupported choice operator StringEqualz");
        assertThatThrownBy(() -> test("{\"Variable\": \"$.a\", \"NumericEquals\": \"3\"}")).hasMessageContaining("NumericEquals needs a numeric value");
        assertThatThrownBy(() -> test("{\"Variable\": \"$.a\", \"IsPresent\": \"yes\"}")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> test("{\"Variable\": \"$.a\", \"StringEquals\": \"x\", \"Next\": \"B\"}")).hasMessageContaining("nested choice rule cannot have Next");
        assertThatThrownBy(() -> ChoiceRule.compile(Json.read("{\"Variable\": \"$.a\", \"StringEquals\": \"x\"}"), true))
                .hasMessageContaining("needs a Next");
        assertThatThrownBy(() -> test("{\"And\": []}")).hasMessageContaining("non-empty array");
        assertThatThrownBy(() -> test("{\"Variable\": \"$.a\", \"StringEquals\": \"x\", \"NumericEquals\": 1}")).hasMessageContaining("exactly one operator");
    }
}
