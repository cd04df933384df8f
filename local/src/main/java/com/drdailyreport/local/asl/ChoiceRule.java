package com.drdailyreport.local.asl;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * A compiled Choice rule: a comparison of one {@code Variable}, or {@code And}/{@code Or}/{@code Not}
 * of nested rules. Type mismatches compare false; a missing Variable is a States.Runtime error
 * except for {@code IsPresent}.
 */
sealed interface ChoiceRule {

    /** Whether the rule holds for {@code input}. */
    boolean test(JsonNode input, JsonNode context);

    /**
     * Compiles a rule; top-level rules carry {@code Next}, nested ones must not.
     *
     * @throws IllegalArgumentException on an unknown operator or a malformed rule
     */
    static ChoiceRule compile(JsonNode node, boolean topLevel) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a choice rule must be an object");
        }
        if (topLevel != node.has("Next") || topLevel && !node.get("Next").isTextual()) {
            throw new IllegalArgumentException(topLevel ? "a choice rule needs a Next" : "a nested choice rule cannot have Next");
        }
        Set<String> keys = new LinkedHashSet<>(names(node));
        keys.removeAll(Set.of("Next", "Comment"));
        if (keys.equals(Set.of("And")) || keys.equals(Set.of("Or"))) {
            String op = keys.iterator().next();
            JsonNode list = node.get(op);
            if (!list.isArray() || list.isEmpty()) {
                throw new IllegalArgumentException(op + " needs a non-empty array of rules");
            }
            List<ChoiceRule> rules = new ArrayList<>();
            list.forEach(rule -> rules.add(compile(rule, false)));
            return op.equals("And") ? new All(List.copyOf(rules)) : new Any(List.copyOf(rules));
        }
        if (keys.equals(Set.of("Not"))) {
            return new Not(compile(node.get("Not"), false));
        }
        if (!keys.remove("Variable") || keys.size() != 1 || !node.get("Variable").isTextual()) {
            throw new IllegalArgumentException("a choice rule needs a Variable and exactly one operator, got " + names(node));
        }
        return Comparison.compile(JsonPath.compile(node.get("Variable").asText()), keys.iterator().next(), node.get(keys.iterator().next()));
    }

    private static List<String> names(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }

    /** And. */
    record All(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().allMatch(rule -> rule.test(input, context));
        }
    }

    /** Or. */
    record Any(List<ChoiceRule> rules) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().anyMatch(rule -> rule.test(input, context));
        }
    }

    /** Not. */
    record Not(ChoiceRule rule) implements ChoiceRule {
        @Override
        public boolean test(JsonNode input, JsonNode context) {
            return !rule.test(input, context);
        }
    }

    /**
     * One operator applied to the Variable. {@code type} is String, Numeric, Timestamp, Boolean,
     * Is (type tests, IsPresent) or Matches; {@code outcome} turns a comparison result into the answer.
     */
    record Comparison(JsonPath variable, String operator, String type, IntPredicate outcome, JsonNode literal,
                      JsonPath operandPath, Pattern pattern) implements ChoiceRule {

        private static final List<String> TYPE_TESTS = List.of("IsPresent", "IsNull", "IsString", "IsNumeric", "IsBoolean", "IsTimestamp");

        static Comparison compile(JsonPath variable, String operator, JsonNode operand) {
            if (TYPE_TESTS.contains(operator)) {
                require(operand.isBoolean(), operator, "true or false");
                return new Comparison(variable, operator, "Is", c -> true, operand, null, null);
            }
            if (operator.equals("StringMatches")) {
                require(operand.isTextual(), operator, "a string");
                return new Comparison(variable, operator, "Matches", c -> true, operand, null, wildcard(operand.asText()));
            }
            boolean isPath = operator.endsWith("Path");
            String base = isPath ? operator.substring(0, operator.length() - 4) : operator;
            String type = List.of("String", "Numeric", "Timestamp", "Boolean").stream().filter(base::startsWith).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unsupported choice operator " + operator));
            IntPredicate outcome = switch (base.substring(type.length())) {
                case "Equals" -> c -> c == 0;
                case "LessThan" -> c -> c < 0;
                case "GreaterThan" -> c -> c > 0;
                case "LessThanEquals" -> c -> c <= 0;
                case "GreaterThanEquals" -> c -> c >= 0;
                default -> throw new IllegalArgumentException("unsupported choice operator " + operator);
            };
            if (type.equals("Boolean") && !base.equals("BooleanEquals")) {
                throw new IllegalArgumentException("unsupported choice operator " + operator);
            }
            if (isPath) {
                require(operand.isTextual(), operator, "a path");
                return new Comparison(variable, operator, type, outcome, null, JsonPath.compile(operand.asText()), null);
            }
            require(switch (type) {
                case "Numeric" -> operand.isNumber();
                case "Boolean" -> operand.isBoolean();
                case "Timestamp" -> timestamp(operand) != null;
                default -> operand.isTextual();
            }, operator, type.equals("Timestamp") ? "an RFC 3339 timestamp" : "a " + type.toLowerCase(Locale.ROOT) + " value");
            return new Comparison(variable, operator, type, outcome, operand, null, null);
        }

        @Override
        public boolean test(JsonNode input, JsonNode context) {
            JsonNode value = variable.read(input, context);
            if (operator.equals("IsPresent")) {
                return (value != null) == literal.booleanValue();
            }
            if (value == null) {
                throw StatesError.runtime("Invalid path '" + variable + "': The choice state's condition path references an invalid value.");
            }
            switch (type) {
                case "Is" -> {
                    boolean is = switch (operator) {
                        case "IsNull" -> value.isNull();
                        case "IsString" -> value.isTextual();
                        case "IsNumeric" -> value.isNumber();
                        case "IsBoolean" -> value.isBoolean();
                        default -> timestamp(value) != null;
                    };
                    return is == literal.booleanValue();
                }
                case "Matches" -> {
                    return value.isTextual() && pattern.matcher(value.asText()).matches();
                }
                default -> {
                    JsonNode operand = operandPath == null ? literal : operandPath.read(input, context);
                    if (operand == null) {
                        throw StatesError.runtime("Invalid path '" + operandPath + "': The choice state's condition path references an invalid value.");
                    }
                    Integer order = compare(value, operand);
                    return order != null && outcome.test(order);
                }
            }
        }

        /** The comparison of two values of this rule's type, or null when either has another type. */
        private Integer compare(JsonNode value, JsonNode operand) {
            return switch (type) {
                case "String" -> value.isTextual() && operand.isTextual() ? Integer.signum(value.asText().compareTo(operand.asText())) : null;
                case "Numeric" -> value.isNumber() && operand.isNumber() ? value.decimalValue().compareTo(operand.decimalValue()) : null;
                case "Boolean" -> value.isBoolean() && operand.isBoolean() ? (value.booleanValue() == operand.booleanValue() ? 0 : 1) : null;
                default -> {
                    Instant a = timestamp(value);
                    Instant b = timestamp(operand);
                    yield a != null && b != null ? a.compareTo(b) : null;
                }
            };
        }

        private static Instant timestamp(JsonNode node) {
            if (!node.isTextual()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literal. */
        private static Pattern wildcard(String glob) {
            StringBuilder regex = new StringBuilder();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < glob.length(); i++) {
                char c = glob.charAt(i);
                if (c == '\\' && i + 1 < glob.length()) {
                    literal.append(glob.charAt(++i));
                } else if (c == '*') {
                    regex.append(Pattern.quote(literal.toString())).append(".*");
                    literal.setLength(0);
                } else {
                    literal.append(c);
                }
            }
            return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
        }

        private static void require(boolean ok, String operator, String what) {
            if (!ok) {
                throw new IllegalArgumentException(operator + " needs " + what);
            }
        }
    }
}
