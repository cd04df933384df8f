package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled payload template (Parameters, ItemSelector, ResultSelector): fields whose name ends
 * in {@code .$} take the value of a path ({@code $.x}, {@code $$.Execution.Name}) or of an
 * intrinsic call, and lose the suffix; everything else is copied as is.
 */
sealed interface Template {

    /** The template's value with {@code $} bound to {@code input} and {@code $$} to {@code context}. */
    JsonNode eval(JsonNode input, JsonNode context);

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException when a {@code .$} field holds no valid path or intrinsic
     */
    static Template compile(JsonNode node) {
        if (node.isObject()) {
            Map<String, Template> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    if (!field.getValue().isTextual()) {
                        throw new IllegalArgumentException("the value of '" + key + "' must be a path or an intrinsic function");
                    }
                    fields.put(key.substring(0, key.length() - 2), expression(field.getValue().asText(), key));
                } else {
                    fields.put(key, compile(field.getValue()));
                }
            }
            return new Fields(fields);
        }
        if (node.isArray()) {
            List<Template> items = new ArrayList<>();
            node.forEach(item -> items.add(compile(item)));
            return new Items(items);
        }
        return new Fixed(node);
    }

    /**
     * Compiles a single path or intrinsic call; {@code field} names it in runtime errors.
     *
     * @throws IllegalArgumentException when {@code text} is neither
     */
    static Template expression(String text, String field) {
        if (text.startsWith("$")) {
            return new Ref(JsonPath.compile(text), field);
        }
        if (text.startsWith("States.")) {
            return new Call(Intrinsic.parse(text));
        }
        throw new IllegalArgumentException("the value of '" + field + "' must be a path or an intrinsic function, got '" + text + "'");
    }

    /** A literal value. */
    record Fixed(JsonNode value) implements Template {
        @Override
        public JsonNode eval(JsonNode input, JsonNode context) {
            return value;
        }
    }

    /** A path; selecting nothing is a States.Runtime error. */
    record Ref(JsonPath path, String field) implements Template {
        @Override
        public JsonNode eval(JsonNode input, JsonNode context) {
            JsonNode value = path.read(input, context);
            if (value == null) {
                throw StatesError.runtime("The JSONPath '" + path + "' specified for the field '" + field
                        + "' could not be found in the input " + (path.isContext() ? "context object" : input));
            }
            return value;
        }
    }

    /** An intrinsic function call. */
    record Call(Intrinsic call) implements Template {
        @Override
        public JsonNode eval(JsonNode input, JsonNode context) {
            return call.eval(input, context);
        }
    }

    /** An object whose fields are templates. */
    record Fields(Map<String, Template> fields) implements Template {
        @Override
        public JsonNode eval(JsonNode input, JsonNode context) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach((key, value) -> out.set(key, value.eval(input, context)));
            return out;
        }
    }

    /** An array whose items are templates. */
    record Items(List<Template> items) implements Template {
        @Override
        public JsonNode eval(JsonNode input, JsonNode context) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            items.forEach(item -> out.add(item.eval(input, context)));
            return out;
        }
    }
}
