package com.drdailyreport.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading fields out of an untyped event, with messages that say what was expected. */
final class Events {

    private Events() {
    }

    /** A non-blank string field, or null when absent. */
    static String text(Map<String, Object> event, String field) {
        Object value = event == null ? null : event.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        return s.isBlank() ? null : s.trim();
    }

    /** An integer field, or null when absent; "12" and 12.0 are accepted, 1.5 and "x" are not. */
    static Integer integer(Map<String, Object> event, String field) {
        Object value = event == null ? null : event.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(field + " must be an integer");
    }

    /** A list of strings, or an empty list when absent. */
    static List<String> strings(Map<String, Object> event, String field) {
        Object value = event == null ? null : event.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(field + " must be a list of symbols");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(field + " must be a list of symbols");
            }
            out.add(s.trim());
        }
        return out;
    }

    /** A list of objects (worker results), or an empty list when absent. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> event, String field) {
        Object value = event == null ? null : event.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(field + " must be a list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object item : list) {
            out.add(item instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
        }
        return out;
    }

    /** A worker's error result. */
    static Map<String, Object> error(String ticker, String message) {
        java.util.LinkedHashMap<String, Object> result = new java.util.LinkedHashMap<>();
        if (ticker != null) {
            result.put("ticker", ticker);
        }
        result.put("status", "error");
        result.put("error", message);
        return result;
    }

    /** A record as the plain map the Lambda serializer writes (snake_case keys, ISO dates, nulls left out where the record says so). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(Object value) {
        return com.drdailyreport.shared.json.Json.mapper().convertValue(value, Map.class);
    }
}
