package com.drdailyreport.local.asl;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Definitions the interpreter refuses, each with a message naming the problem and the state. */
class DefinitionParserTest {

    private static void rejects(String definition, String... messageParts) {
        assertThatThrownBy(() -> StateMachine.parse(definition)).isInstanceOf(AslException.class).hasMessageContainingAll(messageParts);
    }

    @Test
    void unknownNextDefaultOrCatchTarget() {
        rejects("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Nowhere"}}}""", "State 'A'", "'Nowhere'", "does not exist");
        rejects("""
                {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [{"Variable": "$.a", "IsNull": true, "Next": "C"}],
                  "Default": "Gone"}}}""", "State 'C'", "'Gone'");
        rejects("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "End": true,
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}]}}}""", "State 'T'", "'Handler'");
    }

    @Test
    void startAtMustExistAndBranchesCannotJumpOutside() {
        rejects("""
                {"StartAt": "B", "States": {"A": {"Type": "Succeed"}}}""", "StartAt 'B'");
        rejects("""
                {"StartAt": "Par", "States": {
                  "Par": {"Type": "Parallel", "Next": "Done", "Branches": [{"StartAt": "In", "States": {"In": {"Type": "Pass", "Next": "Done"}}}]},
                  "Done": {"Type": "Succeed"}}}""", "State 'In'", "'Done'", "State 'Par' branch 0");
    }

    @Test
    void unknownPlaceholderIsNamed() {
        assertThatThrownBy(() -> StateMachine.parse("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "${report_worker_arn}", "End": true}}}""",
                Map.of("other", "x"))).isInstanceOf(AslException.class).hasMessageContaining("${report_worker_arn}");
    }

    @Test
    void unsupportedTypeOrFieldNamesTheState() {
        rejects("""
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 1, "End": true}}}""", "State 'W'", "unsupported state type 'Wait'");
        rejects("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "HeartbeatSeconds": 5, "End": true}}}""",
                "State 'T'", "unsupported field 'HeartbeatSeconds'");
        rejects("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "ResultSelector": {}, "End": true}}}""", "State 'P'", "'ResultSelector'");
        rejects("""
                {"StartAt": "M", "States": {"M": {"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"},
                  "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}}}""", "State 'M'", "INLINE");
        rejects("""
                {"QueryLanguage": "JSONata", "StartAt": "S", "States": {"S": {"Type": "Succeed"}}}""", "JSONPath");
    }

    @Test
    void transitionsMustBeNextOrEnd() {
        rejects("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass"}}}""", "State 'A'", "needs Next or \"End\": true");
        rejects("""
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A", "End": true}}}""", "State 'A'", "both Next and End");
        rejects("""
                {"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "Orphan": {"Type": "Succeed"}}}""", "State 'Orphan'", "not reachable");
    }

    @Test
    void statesAllMustBeAloneAndLast() {
        rejects("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["Other"]}]}}}""", "State 'T'", "States.ALL must appear alone");
        rejects("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "End": true,
                  "Retry": [{"ErrorEquals": ["States.ALL", "Other"]}]}}}""", "States.ALL must appear alone");
        rejects("""
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "x", "End": true,
                  "Retry": [{"ErrorEquals": ["X"], "BackoffRate": 0.5}]}}}""", "BackoffRate");
    }

    @Test
    void badPathsTemplatesAndJson() {
        rejects("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a.$": "not-a-path"}, "End": true}}}""", "State 'P'", "'a.$'");
        rejects("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "Parameters": {"a.$": "States.Nope()"}, "End": true}}}""", "States.Nope");
        rejects("""
                {"StartAt": "P", "States": {"P": {"Type": "Pass", "InputPath": "$.a[*]", "End": true}}}""", "State 'P'", "$.a[*]");
        rejects("{\"StartAt\": ", "not valid JSON");
    }

    @Test
    void acceptsAndListsTheRealShapeOfAMinimalMachine() {
        assertThat(StateMachine.parse("""
                {"Comment": "c", "StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "r", "Comment": "x", "End": true}}}""")
                .taskResources()).containsExactly("r");
    }
}
