package com.drdailyreport.local.asl;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringTokenizer;
import java.util.UUID;

/**
 * A parsed intrinsic function call such as {@code States.Format('Hello, {}', $.name)}: arguments
 * are single-quoted strings (with {@code \'}, {@code \{}, {@code \}} and {@code \\} escapes),
 * numbers, booleans, null, paths and nested calls. Bad arguments fail with States.Runtime.
 */
final class Intrinsic {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Function name to {minimum, maximum} argument count (-1: no maximum). */
    private static final Map<String, int[]> ARITY = Map.ofEntries(
            Map.entry("States.Format", new int[] {1, -1}),
            Map.entry("States.StringToJson", new int[] {1, 1}),
            Map.entry("States.JsonToString", new int[] {1, 1}),
            Map.entry("States.Array", new int[] {0, -1}),
            Map.entry("States.ArrayContains", new int[] {2, 2}),
            Map.entry("States.ArrayGetItem", new int[] {2, 2}),
            Map.entry("States.ArrayLength", new int[] {1, 1}),
            Map.entry("States.MathAdd", new int[] {2, 2}),
            Map.entry("States.StringSplit", new int[] {2, 2}),
            Map.entry("States.UUID", new int[] {0, 0}));

    private sealed interface Arg {
    }

    /** A literal; {@code raw} keeps a string literal's escapes for States.Format templates. */
    private record Literal(JsonNode value, String raw) implements Arg {
    }

    private record PathArg(JsonPath path) implements Arg {
    }

    private record CallArg(Intrinsic call) implements Arg {
    }

    private final String name;
    private final List<Arg> args;

    private Intrinsic(String name, List<Arg> args) {
        this.name = name;
        this.args = args;
    }

    /**
     * Parses a whole intrinsic expression.
     *
     * @throws IllegalArgumentException on a syntax error, an unknown function or a wrong argument count
     */
    static Intrinsic parse(String text) {
        Parser parser = new Parser(text);
        Intrinsic call = parser.call();
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the call");
        }
        return call;
    }

    /** Evaluates the call with {@code $} bound to {@code input} and {@code $$} to {@code context}. */
    JsonNode eval(JsonNode input, JsonNode context) {
        List<JsonNode> values = new ArrayList<>(args.size());
        for (Arg arg : args) {
            values.add(switch (arg) {
                case Literal literal -> literal.value();
                case CallArg nested -> nested.call().eval(input, context);
                case PathArg path -> {
                    JsonNode value = path.path().read(input, context);
                    if (value == null) {
                        throw StatesError.runtime("The JSONPath '" + path.path() + "' in " + name + " could not be found in the input");
                    }
                    yield value;
                }
            });
        }
        return apply(values);
    }

    private JsonNode apply(List<JsonNode> v) {
        return switch (name) {
            case "States.Format" -> NODES.textNode(format(v));
            case "States.StringToJson" -> {
                try {
                    yield Json.mapper().readTree(string(v, 0));
                } catch (JsonProcessingException e) {
                    throw fail("the argument is not valid JSON: " + e.getOriginalMessage());
                }
            }
            case "States.JsonToString" -> NODES.textNode(Json.write(v.get(0)));
            case "States.Array" -> NODES.arrayNode().addAll(v);
            case "States.ArrayContains" -> NODES.booleanNode(contains(array(v, 0), v.get(1)));
            case "States.ArrayGetItem" -> {
                ArrayNode items = array(v, 0);
                int index = integer(v, 1);
                if (index < 0 || index >= items.size()) {
                    throw fail("index " + index + " is out of bounds for an array of " + items.size());
                }
                yield items.get(index);
            }
            case "States.ArrayLength" -> NODES.numberNode(array(v, 0).size());
            case "States.MathAdd" -> {
                BigInteger sum = BigInteger.valueOf(integer(v, 0)).add(BigInteger.valueOf(integer(v, 1)));
                yield sum.bitLength() < 32 ? NODES.numberNode(sum.intValue()) : NODES.numberNode(sum.longValue());
            }
            case "States.StringSplit" -> {
                ArrayNode parts = NODES.arrayNode();
                StringTokenizer tokens = new StringTokenizer(string(v, 0), string(v, 1));
                while (tokens.hasMoreTokens()) {
                    parts.add(tokens.nextToken());
                }
                yield parts;
            }
            case "States.UUID" -> NODES.textNode(UUID.randomUUID().toString());
            default -> throw new IllegalStateException("no implementation for " + name);
        };
    }

    /** Replaces each unescaped {} in the template with the next argument's text. */
    private String format(List<JsonNode> v) {
        String template = args.get(0) instanceof Literal literal && literal.raw() != null ? literal.raw() : string(v, 0);
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= v.size()) {
                    throw fail("the template has more {} than arguments");
                }
                JsonNode arg = v.get(next++);
                if (arg.isContainerNode()) {
                    throw fail("arguments must be strings, numbers, booleans or null");
                }
                out.append(arg.isTextual() ? arg.asText() : arg.toString());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != v.size()) {
            throw fail("the template has fewer {} than arguments");
        }
        return out.toString();
    }

    private static boolean contains(ArrayNode items, JsonNode value) {
        for (JsonNode item : items) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private String string(List<JsonNode> v, int i) {
        if (!v.get(i).isTextual()) {
            throw fail("argument " + (i + 1) + " must be a string, got " + v.get(i));
        }
        return v.get(i).asText();
    }

    private int integer(List<JsonNode> v, int i) {
        JsonNode n = v.get(i);
        if (!n.isNumber() || !n.canConvertToExactIntegral() || !n.canConvertToInt()) {
            throw fail("argument " + (i + 1) + " must be an integer, got " + n);
        }
        return n.intValue();
    }

    private ArrayNode array(List<JsonNode> v, int i) {
        if (v.get(i) instanceof ArrayNode array) {
            return array;
        }
        throw fail("argument " + (i + 1) + " must be an array, got " + v.get(i));
    }

    private StatesError fail(String why) {
        return StatesError.runtime("Invalid arguments in " + name + ": " + why);
    }

    /** Recursive-descent parser over the expression text. */
    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Intrinsic call() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            int[] arity = ARITY.get(name);
            if (arity == null) {
                throw error("unknown intrinsic function '" + name + "'");
            }
            expect('(');
            List<Arg> args = new ArrayList<>();
            skipSpaces();
            if (peek() != ')') {
                do {
                    args.add(arg());
                    skipSpaces();
                } while (accept(','));
            }
            expect(')');
            if (args.size() < arity[0] || arity[1] >= 0 && args.size() > arity[1]) {
                throw error(name + " takes " + (arity[0] == arity[1] ? String.valueOf(arity[0])
                        : arity[1] < 0 ? "at least " + arity[0] : arity[0] + " to " + arity[1]) + " arguments, got " + args.size());
            }
            return new Intrinsic(name, List.copyOf(args));
        }

        private Arg arg() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                return string();
            }
            if (c == '$') {
                return path();
            }
            if (text.startsWith("States.", pos)) {
                return new CallArg(call());
            }
            int start = pos;
            while (pos < text.length() && ",) \t".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            try {
                JsonNode value = token.isEmpty() ? null : Json.mapper().readTree(token);
                if (value != null && (value.isNumber() || value.isBoolean() || value.isNull())) {
                    return new Literal(value, null);
                }
            } catch (JsonProcessingException e) {
                // reported below
            }
            throw error("expected a string, number, boolean, null, path or call, got '" + token + "'");
        }

        private Arg string() {
            pos++;
            StringBuilder value = new StringBuilder();
            StringBuilder raw = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '\'') {
                    return new Literal(NODES.textNode(value.toString()), raw.toString());
                }
                if (c == '\\') {
                    if (pos >= text.length()) {
                        throw error("unterminated escape");
                    }
                    c = text.charAt(pos++);
                    raw.append('\\');
                }
                value.append(c);
                raw.append(c);
            }
        }

        private Arg path() {
            int start = pos;
            int depth = 0;
            char quote = 0;
            for (; pos < text.length(); pos++) {
                char c = text.charAt(pos);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (depth > 0 && (c == '\'' || c == '"')) {
                    quote = c;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                } else if (depth == 0 && (c == ',' || c == ')' || Character.isWhitespace(c))) {
                    break;
                }
            }
            return new PathArg(JsonPath.compile(text.substring(start, pos)));
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private boolean accept(char c) {
            skipSpaces();
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!accept(c)) {
                throw error("expected '" + c + "'");
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("invalid intrinsic '" + text + "' at " + pos + ": " + message);
        }
    }
}
