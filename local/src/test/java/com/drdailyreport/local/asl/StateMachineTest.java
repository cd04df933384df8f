package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** One test per state type and per input/output processing field, plus the context object. */
class StateMachineTest {

    private static final TaskInvoker NO_TASKS = (resource, input) -> {
        throw new AssertionError("no task expected, got " + resource);
    };

    private static Execution run(String definition, String input, TaskInvoker tasks) {
        return StateMachine.parse(definition).run("exec-1", Json.read(input), tasks);
    }

    @Test
    void passAppliesInputPathParametersResultPathAndOutputPath() {
        Execution execution = run("""
                {"StartAt": "P", "States": {
                  "P": {"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.r", "Next": "Q"},
                  "Q": {"Type": "Pass", "InputPath": "$.r",
                        "Parameters": {"y.$": "$.x", "fixed": "f", "nested": {"z.$": "$.x"}, "list": [{"w.$": "$.x"}]},
                        "ResultPath": "$.out", "OutputPath": "$.out", "End": true}}}""", "{\"keep\": true}", NO_TASKS);

        assertThat(execution.status()).isEqualTo(Execution.Status.SUCCEEDED);
        assertThat(execution.output()).isEqualTo(Json.read("{\"y\": 1, \"fixed\": \"f\", \"nested\": {\"z\": 1}, \"list\": [{\"w\": 1}]}"));
        assertThat(execution.statesVisited()).containsExactly("P", "Q");
    }

    @Test
    void passWithoutResultPassesItsInputThrough() {
        Execution execution = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultPath": "$.copy", "End": true}}}""", "{\"a\": 1}", NO_TASKS);
        assertThat(execution.output()).isEqualTo(Json.read("{\"a\": 1, \"copy\": {\"a\": 1}}"));
    }

    @Test
    void taskRunsTheWholePipelineInAwsOrder() {
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        Execution execution = run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "local:quote",
                  "InputPath": "$.req",
                  "Parameters": {"ticker.$": "$.t", "run.$": "$$.Execution.Name"},
                  "ResultSelector": {"price.$": "$.body.price", "src": "fake"},
                  "ResultPath": "$.res.deep",
                  "OutputPath": "$.res",
                  "End": true}}}""", "{\"req\": {\"t\": \"AAPL19\"}, \"other\": 1}", (resource, input) -> {
            assertThat(resource).isEqualTo("local:quote");
            seen.add(input);
            return Json.read("{\"body\": {\"price\": 12.5, \"junk\": 1}, \"status\": 200}");
        });

        assertThat(seen).containsExactly(Json.read("{\"ticker\": \"AAPL19\", \"run\": \"exec-1\"}"));
        assertThat(execution.output()).isEqualTo(Json.read("{\"deep\": {\"price\": 12.5, \"src\": \"fake\"}}"));
    }

    @Test
    void resultPathDefaultReplacesNullDiscardsAndDeepPathMerges() {
        TaskInvoker answer = (resource, input) -> Json.read("{\"r\": 2}");
        String template = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", %s "End": true}}}""";
        String input = "{\"a\": {\"b\": {\"keep\": 1}}}";

        assertThat(run(template.formatted(""), input, answer).output()).isEqualTo(Json.read("{\"r\": 2}"));
        assertThat(run(template.formatted("\"ResultPath\": \"$\","), input, answer).output()).isEqualTo(Json.read("{\"r\": 2}"));
        assertThat(run(template.formatted("\"ResultPath\": null,"), input, answer).output()).isEqualTo(Json.read(input));
        assertThat(run(template.formatted("\"ResultPath\": \"$.a.b.c.d\","), input, answer).output())
                .isEqualTo(Json.read("{\"a\": {\"b\": {\"keep\": 1, \"c\": {\"d\": {\"r\": 2}}}}}"));
    }

    @Test
    void nullInputPathAndOutputPathMeanAnEmptyObject() {
        List<JsonNode> seen = new CopyOnWriteArrayList<>();
        Execution execution = run("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "InputPath": null, "OutputPath": null, "End": true}}}""",
                "{\"secret\": 1}", (resource, input) -> {
                    seen.add(input);
                    return Json.read("{\"r\": 1}");
                });
        assertThat(seen).containsExactly(Json.read("{}"));
        assertThat(execution.output()).isEqualTo(Json.read("{}"));
    }

    @Test
    void resultSelectorMissingPathFailsTheExecutionWithStatesRuntimeEvenUnderCatchAll() {
        Execution execution = run("""
                {"StartAt": "T", "States": {
                  "T": {"Type": "Task", "Resource": "x", "ResultSelector": {"v.$": "$.missing"},
                        "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
                  "Caught": {"Type": "Succeed"}}}""", "{}", (resource, input) -> Json.read("{\"present\": 1}"));

        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("'$.missing'", "'v.$'");
    }

    @Test
    void missingInputPathFailsWithStatesRuntime() {
        Execution execution = run("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.nope", "End": true}}}""", "{}", NO_TASKS);
        assertThat(execution.error()).isEqualTo("States.Runtime");
        assertThat(execution.cause()).contains("InputPath", "$.nope");
    }

    @Test
    void choiceRoutesByTheFirstMatchingRuleElseDefault() {
        String definition = """
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "InputPath": "$.in", "OutputPath": "$.v", "Choices": [
                         {"Variable": "$.v", "NumericGreaterThan": 10, "Next": "Big"},
                         {"Or": [{"Variable": "$.v", "NumericEquals": 0}, {"Variable": "$.v", "IsNumeric": false}], "Next": "Odd"}],
                        "Default": "Small"},
                  "Big": {"Type": "Pass", "Result": "big", "End": true},
                  "Odd": {"Type": "Pass", "Result": "odd", "End": true},
                  "Small": {"Type": "Pass", "End": true}}}""";

        assertThat(run(definition, "{\"in\": {\"v\": 11}}", NO_TASKS).output().asText()).isEqualTo("big");
        assertThat(run(definition, "{\"in\": {\"v\": \"x\"}}", NO_TASKS).output().asText()).isEqualTo("odd");
        assertThat(run(definition, "{\"in\": {\"v\": 5}}", NO_TASKS).output()).as("Choice applied OutputPath $.v")
                .isEqualTo(Json.read("5"));
        assertThat(run(definition, "{\"in\": {\"v\": 5}}", NO_TASKS).statesVisited()).containsExactly("C", "Small");
    }

    @Test
    void choiceWithoutMatchOrDefaultFailsWithNoChoiceMatched() {
        Execution execution = run("""
                {"StartAt": "C", "States": {
                  "C": {"Type": "Choice", "Choices": [{"Variable": "$.v", "StringEquals": "a", "Next": "A"}]},
                  "A": {"Type": "Succeed"}}}""", "{\"v\": \"b\"}", NO_TASKS);
        assertThat(execution.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(execution.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void succeedAppliesItsPaths() {
        Execution execution = run("""
                {"StartAt": "S", "States": {"S": {"Type": "Succeed", "InputPath": "$.a", "OutputPath": "$.b"}}}""",
                "{\"a\": {\"b\": [1, 2]}}", NO_TASKS);
        assertThat(execution.succeeded()).isTrue();
        assertThat(execution.output()).isEqualTo(Json.read("[1, 2]"));
    }

    @Test
    void failEndsTheExecutionWithItsErrorAndCause() {
        Execution fixed = run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "TickerListUnavailable", "Cause": "none"}}}""", "{}", NO_TASKS);
        assertThat(fixed.status()).isEqualTo(Execution.Status.FAILED);
        assertThat(fixed.error()).isEqualTo("TickerListUnavailable");
        assertThat(fixed.cause()).isEqualTo("none");
        assertThat(fixed.output()).isNull();

        Execution computed = run("""
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "ErrorPath": "$.code",
                  "CausePath": "States.Format('{} tickers missing', $.missing)"}}}""", "{\"code\": \"Incomplete\", \"missing\": 2}", NO_TASKS);
        assertThat(computed.error()).isEqualTo("Incomplete");
        assertThat(computed.cause()).isEqualTo("2 tickers missing");
    }

    @Test
    void contextObjectCarriesExecutionStateAndMapItemValues() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-10T05:00:00Z"), ZoneOffset.UTC);
        StateMachine machine = StateMachine.parse("""
                {"StartAt": "Ctx", "States": {
                  "Ctx": {"Type": "Pass", "Parameters": {
                      "name.$": "$$.Execution.Name", "id.$": "$$.Execution.Id", "start.$": "$$.Execution.StartTime",
                      "input.$": "$$.Execution.Input", "state.$": "$$.State.Name", "entered.$": "$$.State.EnteredTime",
                      "retries.$": "$$.State.RetryCount", "machine.$": "$$.StateMachine.Name"},
                    "ResultPath": "$.ctx", "Next": "Items"},
                  "Items": {"Type": "Map", "ItemsPath": "$.items", "ResultPath": "$.mapped",
                    "ItemSelector": {"index.$": "$$.Map.Item.Index", "value.$": "$$.Map.Item.Value", "state.$": "$$.State.Name"},
                    "ItemProcessor": {"StartAt": "Echo", "States": {"Echo": {"Type": "Pass", "End": true}}},
                    "End": true}}}""").withClock(clock).withName("precompute");

        Execution execution = machine.run("nightly-1", Json.read("{\"items\": [\"a\", \"b\"]}"), NO_TASKS);

        assertThat(execution.output().get("ctx")).isEqualTo(Json.read("""
                {"name": "nightly-1", "id": "arn:aws:states:local:000000000000:execution:precompute:nightly-1",
                 "start": "2026-01-10T05:00:00.000Z", "input": {"items": ["a", "b"]}, "state": "Ctx",
                 "entered": "2026-01-10T05:00:00.000Z", "retries": 0, "machine": "precompute"}"""));
        assertThat(execution.output().get("mapped")).isEqualTo(Json.read("""
                [{"index": 0, "value": "a", "state": "Items"}, {"index": 1, "value": "b", "state": "Items"}]"""));
    }

    @Test
    void mapRunsTheProcessorPerItemInOrderWithLegacyIteratorAndParameters() {
        Execution execution = run("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "InputPath": "$.payload", "ItemsPath": "$.list",
                  "Parameters": {"n.$": "$$.Map.Item.Value", "factor.$": "$.factor"},
                  "Iterator": {"StartAt": "Mul", "States": {"Mul": {"Type": "Task", "Resource": "mul", "End": true}}},
                  "ResultSelector": {"values.$": "$", "count.$": "States.ArrayLength($)"},
                  "End": true}}}""", "{\"payload\": {\"list\": [1, 2, 3, 4, 5], \"factor\": 10}}",
                (resource, input) -> Json.mapper().getNodeFactory().numberNode(input.get("n").intValue() * input.get("factor").intValue()));

        assertThat(execution.output()).isEqualTo(Json.read("{\"values\": [10, 20, 30, 40, 50], \"count\": 5}"));
    }

    @Test
    void mapOverAnEmptyArrayGivesAnEmptyArrayAndANonArrayFails() {
        String definition = """
                {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
                  "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "E", "States": {"E": {"Type": "Pass", "End": true}}},
                  "End": true}}}""";
        assertThat(run(definition, "{\"items\": []}", NO_TASKS).output()).isEqualTo(Json.read("[]"));
        Execution notArray = run(definition, "{\"items\": \"AAPL19\"}", NO_TASKS);
        assertThat(notArray.error()).isEqualTo("States.Runtime");
        assertThat(notArray.cause()).contains("must select an array");
    }

    @Test
    void parallelGivesEachBranchTheInputAndKeepsBranchOrder() {
        Execution execution = run("""
                {"StartAt": "Par", "States": {"Par": {"Type": "Parallel", "Parameters": {"v.$": "$.v"},
                  "Branches": [
                    {"StartAt": "Slow", "States": {"Slow": {"Type": "Task", "Resource": "slow", "End": true}}},
                    {"StartAt": "Fast", "States": {"Fast": {"Type": "Pass", "Parameters": {"fast.$": "$.v"}, "End": true}}}],
                  "ResultSelector": {"first.$": "$[0]", "second.$": "$[1]"},
                  "ResultPath": "$.results", "End": true}}}""", "{\"v\": 7}", (resource, input) -> {
            Thread.sleep(100);
            return Json.read("{\"slow\": " + input.get("v") + "}");
        });
        assertThat(execution.output()).isEqualTo(Json.read("{\"v\": 7, \"results\": {\"first\": {\"slow\": 7}, \"second\": {\"fast\": 7}}}"));
        assertThat(execution.statesVisited()).contains("Par", "Par[0]/Slow", "Par[1]/Fast");
    }

    @Test
    void listenerSeesEnteredAndExitedWithScopes() {
        List<String> seen = new CopyOnWriteArrayList<>();
        StateMachine machine = StateMachine.parse("""
                {"StartAt": "A", "States": {
                  "A": {"Type": "Pass", "Next": "M"},
                  "M": {"Type": "Map", "MaxConcurrency": 1,
                        "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Pass", "End": true}}}, "End": true}}}""")
                .withListener(event -> seen.add(event.kind() + " " + event.qualifiedName()));

        Execution execution = machine.run("e", Json.read("[1, 2]"), NO_TASKS);

        assertThat(seen).containsExactly("ENTERED A", "EXITED A", "ENTERED M", "ENTERED M[0]/I", "EXITED M[0]/I",
                "ENTERED M[1]/I", "EXITED M[1]/I", "EXITED M");
        assertThat(execution.events()).hasSize(8);
        assertThat(execution.events().get(1).data()).isEqualTo(Json.read("[1, 2]"));
    }

    @Test
    void placeholdersAreFilledLikeTemplatefileAndResourcesAreListed() {
        StateMachine machine = StateMachine.parse("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "${arn}",
                  "Parameters": {"n.$": "States.StringToJson('${n}')", "literal": "$${kept}"}, "End": true}}}""",
                Map.of("arn", "local:worker", "n", "4"));
        List<JsonNode> seen = new CopyOnWriteArrayList<>();

        Execution execution = machine.run("e", null, (resource, input) -> {
            seen.add(Json.read("{\"resource\": \"" + resource + "\"}"));
            seen.add(input);
            return input;
        });

        assertThat(machine.taskResources()).containsExactly("local:worker");
        assertThat(seen).containsExactly(Json.read("{\"resource\": \"local:worker\"}"), Json.read("{\"n\": 4, \"literal\": \"${kept}\"}"));
        assertThat(execution.output().get("n").isInt()).isTrue();
    }

    @Test
    void aTaskCannotChangeTheNodesTheExecutionHolds() {
        JsonNode input = Json.read("{\"list\": [1]}");
        Execution execution = StateMachine.parse("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "ResultPath": "$.r", "End": true}}}""")
                .run("e", input, (resource, payload) -> {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) payload.get("list")).add(99);
                    return payload;
                });
        assertThat(input).isEqualTo(Json.read("{\"list\": [1]}"));
        assertThat(execution.output()).isEqualTo(Json.read("{\"list\": [1], \"r\": {\"list\": [1, 99]}}"));
    }
}
