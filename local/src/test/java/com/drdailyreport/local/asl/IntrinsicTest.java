package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class IntrinsicTest {

    private static final JsonNode INPUT = Json.read("""
            {"name": "AAPL19", "n": 41, "price": 1.5, "ok": true, "obj": {"a": [1, "two"]}, "csv": "a,b,,c", "json": "{\\"k\\":[1,2]}",
             "list": ["x", "y", "z"]}""");
    private static final JsonNode CONTEXT = Json.read("""
            {"Execution": {"Name": "run-7"}}""");

    private static JsonNode eval(String expression) {
        return Intrinsic.parse(expression).eval(INPUT, CONTEXT);
    }

    @Test
    void formatFillsPlaceholdersInOrderAndHonoursEscapes() {
        assertThat(eval("States.Format('{} costs {} ({}), run {}', $.name, $.price, $.ok, $$.Execution.Name)").asText())
                .isEqualTo("AAPL19 costs 1.5 (true), run run-7");
        assertThat(eval("States.Format('it\\'s \\{literal\\} {}, a\\\\b', $.n)").asText()).isEqualTo("it's {literal} 41, a\\b");
        assertThat(eval("States.Format('commas, (parens)')").asText()).isEqualTo("commas, (parens)");
    }

    @Test
    void formatArgumentCountMustMatch() {
        assertThatThrownBy(() -> eval("States.Format('{} {}', $.n)"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"))
                .hasMessageContaining("more {} than arguments");
        assertThatThrownBy(() -> eval("States.Format('{}', $.obj)")).hasMessageContaining("strings, numbers, booleans or null");
    }

    @Test
    void stringToJsonAndBack() {
        assertThat(eval("States.StringToJson('3')").isInt()).isTrue();
        assertThat(eval("States.StringToJson('3')").intValue()).isEqualTo(3);
        assertThat(eval("States.StringToJson($.json)")).isEqualTo(Json.read("{\"k\":[1,2]}"));
        assertThat(eval("States.JsonToString($.obj)").asText()).isEqualTo("{\"a\":[1,\"two\"]}");
        assertThat(eval("States.StringToJson(States.JsonToString($.obj))")).isEqualTo(INPUT.get("obj"));
        assertThatThrownBy(() -> eval("States.StringToJson('not json')")).isInstanceOf(StatesError.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void arrayMathAndSplit() {
        assertThat(eval("States.Array('a', 2, true, null, $.name, States.MathAdd($.n, 1))"))
                .isEqualTo(Json.read("[\"a\", 2, true, null, \"AAPL19\", 42]"));
        assertThat(eval("States.Array()")).isEqualTo(Json.read("[]"));
        assertThat(eval("States.MathAdd($.n, -50)").intValue()).isEqualTo(-9);
        assertThat(eval("States.MathAdd(2147483647, 1)").longValue()).isEqualTo(2147483648L);
        assertThatThrownBy(() -> eval("States.MathAdd($.price, 1)")).hasMessageContaining("must be an integer");
        assertThat(eval("States.StringSplit($.csv, ',')")).isEqualTo(Json.read("[\"a\", \"b\", \"c\"]"));
        assertThat(eval("States.StringSplit('This.is+a,test', '.+,')")).isEqualTo(Json.read("[\"This\", \"is\", \"a\", \"test\"]"));
        assertThat(eval("States.ArrayLength($.list)").intValue()).isEqualTo(3);
        assertThat(eval("States.ArrayGetItem($.list, 2)").asText()).isEqualTo("z");
        assertThat(eval("States.ArrayContains($.list, 'y')").booleanValue()).isTrue();
        assertThat(eval("States.UUID()").asText()).hasSize(36);
    }

    @Test
    void parsesBracketPathsWithCommasAndNestedCalls() {
        JsonNode input = Json.read("{\"a,b\": \"comma\", \"x\": [\"p\", \"q\"]}");
        assertThat(Intrinsic.parse("States.Format('{}-{}', $['a,b'], $.x[1])").eval(input, CONTEXT).asText()).isEqualTo("comma-q");
        assertThat(eval(" States.Array( States.Array( 1 ) , 'a' ) ")).isEqualTo(Json.read("[[1], \"a\"]"));
    }

    @Test
    void rejectsBadSyntaxAtParseTime() {
        assertThatThrownBy(() -> Intrinsic.parse("States.Nope(1)")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown intrinsic function 'States.Nope'");
        assertThatThrownBy(() -> Intrinsic.parse("States.MathAdd(1)")).hasMessageContaining("States.MathAdd takes 2 arguments, got 1");
        assertThatThrownBy(() -> Intrinsic.parse("States.Format('open")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Intrinsic.parse("States.Array(1) extra")).hasMessageContaining("unexpected text");
        assertThatThrownBy(() -> Intrinsic.parse("States.Array(bare)")).hasMessageContaining("got 'bare'");
    }

    @Test
    void missingPathArgumentIsARuntimeError() {
        assertThatThrownBy(() -> eval("States.Format('{}', $.missing)"))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.handleable()).isFalse())
                .hasMessageContaining("'$.missing'");
    }
}
