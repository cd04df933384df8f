package com.drdailyreport.local.asl;

import com.drdailyreport.local.asl.State.Catcher;
import com.drdailyreport.local.asl.State.ChoiceState;
import com.drdailyreport.local.asl.State.FailState;
import com.drdailyreport.local.asl.State.Graph;
import com.drdailyreport.local.asl.State.Io;
import com.drdailyreport.local.asl.State.Kind;
import com.drdailyreport.local.asl.State.MapState;
import com.drdailyreport.local.asl.State.ParallelState;
import com.drdailyreport.local.asl.State.PassState;
import com.drdailyreport.local.asl.State.Retrier;
import com.drdailyreport.local.asl.State.SucceedState;
import com.drdailyreport.local.asl.State.TaskState;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a definition (placeholders already filled) into validated {@link Graph}s: known state
 * types and fields only, every transition target present in its own graph, every state
 * reachable, Retry/Catch well formed. Each problem is an {@link AslException} naming the state.
 */
final class DefinitionParser {

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage");
    private static final Set<String> FLOW = Set.of("Next", "End");
    private static final Set<String> ERRORS = Set.of("Retry", "Catch");
    private static final Set<String> PATHS = Set.of("InputPath", "OutputPath", "ResultPath");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Task", union(FLOW, ERRORS, PATHS, Set.of("Resource", "Parameters", "ResultSelector", "TimeoutSeconds", "TimeoutSecondsPath")),
            "Parallel", union(FLOW, ERRORS, PATHS, Set.of("Branches", "Parameters", "ResultSelector")),
            "Map", union(FLOW, ERRORS, PATHS, Set.of("ItemProcessor", "Iterator", "ItemsPath", "ItemSelector", "Parameters",
                    "ResultSelector", "MaxConcurrency", "MaxConcurrencyPath")),
            "Pass", union(FLOW, PATHS, Set.of("Result", "Parameters")),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath"),
            "Succeed", Set.of("InputPath", "OutputPath"),
            "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"));
    private static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");

    private DefinitionParser() {
    }

    /** Parses a whole state machine definition. */
    static Graph parse(JsonNode root) {
        return graph(root, "the state machine", union(BRANCH_FIELDS, Set.of("Version", "QueryLanguage")));
    }

    private static Graph graph(JsonNode node, String where, Set<String> allowed) {
        if (node == null || !node.isObject()) {
            throw new AslException(where + " must be a JSON object with StartAt and States");
        }
        try {
            checkFields(node, allowed, "");
        } catch (IllegalArgumentException e) {
            throw new AslException(where + ": " + e.getMessage());
        }
        JsonNode states = node.get("States");
        if (!node.path("StartAt").isTextual() || states == null || !states.isObject() || states.isEmpty()) {
            throw new AslException(where + " needs StartAt and a non-empty States object");
        }
        Map<String, State> parsed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : states.properties()) {
            try {
                parsed.put(entry.getKey(), state(entry.getKey(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new AslException("State '" + entry.getKey() + "': " + e.getMessage(), e);
            }
        }
        String startAt = node.get("StartAt").asText();
        if (!parsed.containsKey(startAt)) {
            throw new AslException(where + ": StartAt '" + startAt + "' is not one of its states " + parsed.keySet());
        }
        for (State state : parsed.values()) {
            for (String target : targets(state)) {
                if (!parsed.containsKey(target)) {
                    throw new AslException("State '" + state.name() + "': transition target '" + target
                            + "' does not exist in " + where);
                }
            }
        }
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(startAt));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            if (reached.add(name)) {
                todo.addAll(targets(parsed.get(name)));
            }
        }
        for (String name : parsed.keySet()) {
            if (!reached.contains(name)) {
                throw new AslException("State '" + name + "' is not reachable from StartAt '" + startAt + "'");
            }
        }
        return new Graph(startAt, Collections.unmodifiableMap(parsed));
    }

    private static List<String> targets(State state) {
        List<String> targets = new ArrayList<>();
        if (state.next() != null) {
            targets.add(state.next());
        }
        state.catchers().forEach(catcher -> targets.add(catcher.next()));
        if (state.kind() instanceof ChoiceState choice) {
            choice.choices().forEach(rule -> targets.add(rule.next()));
            if (choice.defaultNext() != null) {
                targets.add(choice.defaultNext());
            }
        }
        return targets;
    }

    private static State state(String name, JsonNode node) {
        if (!node.isObject() || !node.path("Type").isTextual()) {
            throw new IllegalArgumentException("a state must be an object with a Type");
        }
        String type = node.get("Type").asText();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw new IllegalArgumentException("unsupported state type '" + type + "' (supported: " + FIELDS.keySet() + ")");
        }
        checkFields(node, union(COMMON, allowed), " in a " + type + " state");
        String next = optionalText(node, "Next");
        if (FIELDS.get(type).contains("End")) {
            if (node.has("End") && !node.get("End").isBoolean()) {
                throw new IllegalArgumentException("End must be true or false");
            }
            boolean end = node.path("End").asBoolean(false);
            if ((next == null) != end) {
                throw new IllegalArgumentException(end ? "cannot have both Next and End" : "needs Next or \"End\": true");
            }
        }
        Io io = new Io(path(node, "InputPath"), type.equals("Map") ? null : template(node, "Parameters"),
                template(node, "ResultSelector"), path(node, "ResultPath"), path(node, "OutputPath"));
        if (io.resultPath() != null && io.resultPath().isContext()) {
            throw new IllegalArgumentException("ResultPath cannot point into the context object");
        }
        Kind kind = switch (type) {
            case "Task" -> {
                exclusive(node, "TimeoutSeconds", "TimeoutSecondsPath");
                if (!node.path("Resource").isTextual()) {
                    throw new IllegalArgumentException("a Task needs a Resource");
                }
                yield new TaskState(node.get("Resource").asText(),
                        node.has("TimeoutSeconds") ? integer(node, "TimeoutSeconds", 0, 1) : null, referencePath(node, "TimeoutSecondsPath"));
            }
            case "Pass" -> new PassState(node.get("Result"));
            case "Choice" -> choice(node);
            case "Parallel" -> {
                JsonNode branches = node.get("Branches");
                if (branches == null || !branches.isArray() || branches.isEmpty()) {
                    throw new IllegalArgumentException("a Parallel needs a non-empty Branches array");
                }
                List<Graph> graphs = new ArrayList<>();
                for (JsonNode branch : branches) {
                    graphs.add(graph(branch, "State '" + name + "' branch " + graphs.size(), BRANCH_FIELDS));
                }
                yield new ParallelState(List.copyOf(graphs));
            }
            case "Map" -> map(name, node);
            case "Succeed" -> new SucceedState();
            default -> {
                exclusive(node, "Error", "ErrorPath");
                exclusive(node, "Cause", "CausePath");
                yield new FailState(optionalText(node, "Error"), optionalText(node, "Cause"),
                        node.has("ErrorPath") ? Template.expression(text(node, "ErrorPath"), "ErrorPath") : null,
                        node.has("CausePath") ? Template.expression(text(node, "CausePath"), "CausePath") : null);
            }
        };
        return new State(name, io, next, retriers(node.get("Retry")), catchers(node.get("Catch")), kind);
    }

    private static ChoiceState choice(JsonNode node) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw new IllegalArgumentException("a Choice needs a non-empty Choices array");
        }
        List<ChoiceState.Rule> rules = new ArrayList<>();
        for (JsonNode choice : choices) {
            rules.add(new ChoiceState.Rule(ChoiceRule.compile(choice, true), choice.get("Next").asText()));
        }
        return new ChoiceState(List.copyOf(rules), optionalText(node, "Default"));
    }

    private static MapState map(String name, JsonNode node) {
        exclusive(node, "ItemProcessor", "Iterator");
        exclusive(node, "ItemSelector", "Parameters");
        exclusive(node, "MaxConcurrency", "MaxConcurrencyPath");
        boolean processor = node.has("ItemProcessor");
        JsonNode body = processor ? node.get("ItemProcessor") : node.get("Iterator");
        if (body == null) {
            throw new IllegalArgumentException("a Map needs an ItemProcessor (or Iterator)");
        }
        JsonNode config = body.path("ProcessorConfig");
        if (processor && body.has("ProcessorConfig")) {
            checkFields(config, Set.of("Mode"), " in ProcessorConfig");
            if (config.has("Mode") && !config.get("Mode").asText().equals("INLINE")) {
                throw new IllegalArgumentException("only ProcessorConfig Mode INLINE is supported, not " + config.get("Mode"));
            }
        }
        Graph graph = graph(body, "State '" + name + "' " + (processor ? "ItemProcessor" : "Iterator"),
                processor ? union(BRANCH_FIELDS, Set.of("ProcessorConfig")) : BRANCH_FIELDS);
        JsonPath itemsPath = path(node, "ItemsPath");
        if (itemsPath == null) {
            throw new IllegalArgumentException("ItemsPath cannot be null");
        }
        Template selector = template(node, node.has("ItemSelector") ? "ItemSelector" : "Parameters");
        return new MapState(graph, itemsPath, selector, node.has("MaxConcurrency") ? integer(node, "MaxConcurrency", 0, 0) : 0,
                referencePath(node, "MaxConcurrencyPath"));
    }

    private static List<Retrier> retriers(JsonNode list) {
        List<Retrier> retriers = new ArrayList<>();
        for (JsonNode entry : array(list, "Retry")) {
            checkFields(entry, Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                    "JitterStrategy", "Comment"), " in a Retry entry");
            double backoff = entry.path("BackoffRate").asDouble(2.0);
            if (entry.has("BackoffRate") && (!entry.get("BackoffRate").isNumber() || backoff < 1.0)) {
                throw new IllegalArgumentException("BackoffRate must be a number >= 1.0");
            }
            String jitter = entry.path("JitterStrategy").asText("NONE");
            if (!jitter.equals("NONE") && !jitter.equals("FULL")) {
                throw new IllegalArgumentException("JitterStrategy must be FULL or NONE");
            }
            retriers.add(new Retrier(errorEquals(entry, "Retry", retriers.size() == list.size() - 1),
                    integer(entry, "IntervalSeconds", 1, 1), integer(entry, "MaxAttempts", 3, 0), backoff,
                    entry.has("MaxDelaySeconds") ? integer(entry, "MaxDelaySeconds", 0, 1) : null, jitter.equals("FULL")));
        }
        return List.copyOf(retriers);
    }

    private static List<Catcher> catchers(JsonNode list) {
        List<Catcher> catchers = new ArrayList<>();
        for (JsonNode entry : array(list, "Catch")) {
            checkFields(entry, Set.of("ErrorEquals", "Next", "ResultPath", "Comment"), " in a Catch entry");
            JsonPath resultPath = path(entry, "ResultPath");
            if (resultPath != null && resultPath.isContext()) {
                throw new IllegalArgumentException("ResultPath cannot point into the context object");
            }
            catchers.add(new Catcher(errorEquals(entry, "Catch", catchers.size() == list.size() - 1), resultPath, text(entry, "Next")));
        }
        return List.copyOf(catchers);
    }

    private static List<String> errorEquals(JsonNode entry, String field, boolean last) {
        List<String> errors = new ArrayList<>();
        for (JsonNode error : array(entry.get("ErrorEquals"), "ErrorEquals")) {
            if (!error.isTextual()) {
                throw new IllegalArgumentException("ErrorEquals must hold strings");
            }
            errors.add(error.asText());
        }
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("each " + field + " entry needs a non-empty ErrorEquals");
        }
        if (errors.contains(StatesError.ALL) && (errors.size() > 1 || !last)) {
            throw new IllegalArgumentException("States.ALL must appear alone, in the last " + field + " entry");
        }
        return List.copyOf(errors);
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be an array");
        }
        return node;
    }

    /** A path field: absent is {@code $}, JSON null is null. */
    private static JsonPath path(JsonNode node, String field) {
        if (!node.has(field)) {
            return JsonPath.ROOT;
        }
        return node.get(field).isNull() ? null : JsonPath.compile(text(node, field));
    }

    /** An optional reference path (TimeoutSecondsPath, MaxConcurrencyPath): absent is null. */
    private static JsonPath referencePath(JsonNode node, String field) {
        return node.has(field) ? JsonPath.compile(text(node, field)) : null;
    }

    private static Template template(JsonNode node, String field) {
        return node.has(field) ? Template.compile(node.get(field)) : null;
    }

    private static int integer(JsonNode node, String field, int absent, int minimum) {
        JsonNode value = node.get(field);
        if (value == null) {
            return absent;
        }
        if (!value.canConvertToExactIntegral() || !value.canConvertToInt() || value.intValue() < minimum) {
            throw new IllegalArgumentException(field + " must be an integer >= " + minimum + ", got " + value);
        }
        return value.intValue();
    }

    private static String text(JsonNode node, String field) {
        if (!node.path(field).isTextual()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return node.get(field).asText();
    }

    private static String optionalText(JsonNode node, String field) {
        return node.has(field) ? text(node, field) : null;
    }

    private static void exclusive(JsonNode node, String a, String b) {
        if (node.has(a) && node.has(b)) {
            throw new IllegalArgumentException("cannot have both " + a + " and " + b);
        }
    }

    private static void checkFields(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected an object" + where);
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!allowed.contains(field.getKey())) {
                throw new IllegalArgumentException("unsupported field '" + field.getKey() + "'" + where);
            }
        }
        if (node.has("QueryLanguage") && !node.get("QueryLanguage").asText().equals("JSONPath")) {
            throw new IllegalArgumentException("only QueryLanguage JSONPath is supported, not " + node.get("QueryLanguage"));
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return Set.copyOf(all);
    }
}
