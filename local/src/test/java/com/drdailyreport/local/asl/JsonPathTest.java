package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class JsonPathTest {

    private static final JsonNode DOC = Json.read("""
            {"a": {"b": 1, "list": [10, 20, {"c": "deep"}]}, "weird key": true, "dot.key": "x", "n": null}""");
    private static final JsonNode CONTEXT = Json.read("""
            {"Execution": {"Name": "run-1"}}""");

    private static JsonNode read(String path) {
        return JsonPath.compile(path).read(DOC, CONTEXT);
    }

    @Test
    void readsFieldsIndexesAndBracketNames() {
        assertThat(read("$")).isSameAs(DOC);
        assertThat(read("$.a.b").intValue()).isEqualTo(1);
        assertThat(read("$.a.list[1]").intValue()).isEqualTo(20);
        assertThat(read("$.a.list[2].c").asText()).isEqualTo("deep");
        assertThat(read("$['weird key']").booleanValue()).isTrue();
        assertThat(read("$[\"dot.key\"]").asText()).isEqualTo("x");
        assertThat(read("$.a['list'][0]").intValue()).isEqualTo(10);
        assertThat(JsonPath.compile("$[1]").read(Json.read("[\"x\",\"y\"]"), null).asText()).isEqualTo("y");
    }

    @Test
    void missingIsNullButJsonNullIsPresent() {
        assertThat(read("$.nope")).isNull();
        assertThat(read("$.a.b.c")).isNull();
        assertThat(read("$.a.list[7]")).isNull();
        assertThat(read("$.a[0]")).isNull();
        assertThat(read("$.n").isNull()).isTrue();
    }

    @Test
    void dollarDollarReadsTheContextObject() {
        JsonPath path = JsonPath.compile("$$.Execution.Name");
        assertThat(path.isContext()).isTrue();
        assertThat(path.read(DOC, CONTEXT).asText()).isEqualTo("run-1");
    }

    @Test
    void rejectsUnsupportedSyntax() {
        assertThatThrownBy(() -> JsonPath.compile("a.b")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must start with '$'");
        assertThatThrownBy(() -> JsonPath.compile("$.a[*]")).hasMessageContaining("unsupported path '$.a[*]'");
        assertThatThrownBy(() -> JsonPath.compile("$..a")).hasMessageContaining("unsupported path");
        assertThatThrownBy(() -> JsonPath.compile("$.a[0")).hasMessageContaining("unsupported path");
    }

    @Test
    void writeReplacesMergesAndCreatesObjectsWithoutTouchingTheInput() {
        JsonNode value = TextNode.valueOf("v");
        assertThat(JsonPath.compile("$").write(DOC, value)).isSameAs(value);

        JsonNode merged = JsonPath.compile("$.a.new.deeper").write(DOC, value);
        assertThat(merged.at("/a/new/deeper").asText()).isEqualTo("v");
        assertThat(merged.at("/a/b").intValue()).isEqualTo(1);
        assertThat(DOC.at("/a/new").isMissingNode()).isTrue();

        assertThat(JsonPath.compile("$.a.list[0]").write(DOC, value).at("/a/list/0").asText()).isEqualTo("v");
        assertThat(JsonPath.compile("$.n.x").write(DOC, value).at("/n/x").asText()).isEqualTo("v");
    }

    @Test
    void writeFailsWithStatesRuntimeWhenThePathCannotApply() {
        assertThatThrownBy(() -> JsonPath.compile("$.x").write(TextNode.valueOf("scalar"), TextNode.valueOf("v")))
                .isInstanceOfSatisfying(StatesError.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
        assertThatThrownBy(() -> JsonPath.compile("$.a.b.c").write(DOC, TextNode.valueOf("v")))
                .isInstanceOf(StatesError.class).hasMessageContaining("Unable to apply ResultPath '$.a.b.c'");
        assertThatThrownBy(() -> JsonPath.compile("$.a.list[9]").write(DOC, TextNode.valueOf("v"))).isInstanceOf(StatesError.class);
    }
}
