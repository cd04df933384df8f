package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled reference path: {@code $}, {@code $.a.b}, {@code $.a[0]}, {@code $[1]},
 * {@code $['key']} / {@code $["key"]}, or the same on the context object ({@code $$.Execution.Name}).
 * Wildcards, recursive descent and filters are not supported.
 */
final class JsonPath {

    static final JsonPath ROOT = new JsonPath("$", false, List.of());

    private final String text;
    private final boolean context;
    /** Field names (String) and array indexes (Integer). */
    private final List<Object> steps;

    private JsonPath(String text, boolean context, List<Object> steps) {
        this.text = text;
        this.context = context;
        this.steps = steps;
    }

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException when it is not a supported path
     */
    static JsonPath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a path must start with '$': " + text);
        }
        boolean context = text.startsWith("$$");
        List<Object> steps = new ArrayList<>();
        int i = context ? 2 : 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*")) {
                    throw unsupported(text);
                }
                steps.add(name);
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw unsupported(text);
                }
                String inside = text.substring(i + 1, close).trim();
                if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                        && inside.charAt(inside.length() - 1) == inside.charAt(0)) {
                    steps.add(inside.substring(1, inside.length() - 1));
                } else if (inside.matches("\\d{1,9}")) {
                    steps.add(Integer.valueOf(inside));
                } else {
                    throw unsupported(text);
                }
                i = close + 1;
            } else {
                throw unsupported(text);
            }
        }
        return new JsonPath(text, context, List.copyOf(steps));
    }

    private static IllegalArgumentException unsupported(String text) {
        return new IllegalArgumentException("unsupported path '" + text + "' (use $, .field, [index] or ['field'])");
    }

    /** Whether the path reads the context object ({@code $$}). */
    boolean isContext() {
        return context;
    }

    /** The node the path selects in {@code input} (or {@code context} for {@code $$} paths), or null when nothing matches. */
    JsonNode read(JsonNode input, JsonNode contextObject) {
        JsonNode node = context ? contextObject : input;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            node = step instanceof String name ? (node.isObject() ? node.get(name) : null)
                    : (node.isArray() ? node.get((Integer) step) : null);
        }
        return node;
    }

    /**
     * A copy of {@code target} with {@code value} placed at this path, creating missing objects on
     * the way (ResultPath semantics); {@code $} returns {@code value} itself.
     *
     * @throws StatesError States.Runtime when the path cannot be applied to {@code target}
     */
    JsonNode write(JsonNode target, JsonNode value) {
        if (steps.isEmpty()) {
            return value;
        }
        if (target == null || !target.isContainerNode()) {
            throw cannotWrite(target);
        }
        JsonNode root = target.deepCopy();
        JsonNode node = root;
        for (int k = 0; k < steps.size() - 1; k++) {
            Object step = steps.get(k);
            JsonNode child = step instanceof String name ? node.get(name) : node.get((Integer) step);
            if ((child == null || child.isNull()) && step instanceof String name && node instanceof ObjectNode object) {
                child = object.putObject(name);
            } else if (child == null || !child.isContainerNode()) {
                throw cannotWrite(target);
            }
            node = child;
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String name && node instanceof ObjectNode object) {
            object.set(name, value);
        } else if (last instanceof Integer index && node instanceof ArrayNode array && index < array.size()) {
            array.set(index, value);
        } else {
            throw cannotWrite(target);
        }
        return root;
    }

    private StatesError cannotWrite(JsonNode target) {
        return StatesError.runtime("Unable to apply ResultPath '" + text + "' to input " + target);
    }

    @Override
    public String toString() {
        return text;
    }
}
