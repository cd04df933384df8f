package com.drdailyreport.shared.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads settings from the environment once, collecting every missing or invalid key, then
 * {@link #validate()} fails with all of them at once (not one per deploy attempt). Typical use in a
 * handler's no-arg constructor:
 *
 * <pre>{@code
 * EnvironmentReader env = EnvironmentReader.system();
 * DatabaseConfig db = DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS);
 * String token = env.required("TELEGRAM_BOT_TOKEN");
 * env.validate();
 * }</pre>
 */
public final class EnvironmentReader {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    public EnvironmentReader(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    /** The process environment. */
    public static EnvironmentReader system() {
        return new EnvironmentReader(System.getenv());
    }

    /** The trimmed value of {@code key}; records it as missing (and returns null) when unset or blank. */
    public String required(String key) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            problems.add(key + " is not set");
            return null;
        }
        return value.trim();
    }

    /** The trimmed value of {@code key}, or {@code fallback} when unset or blank. */
    public String optional(String key, String fallback) {
        String value = env.get(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** An integer setting within [min, max], or {@code fallback} when unset; records anything else as invalid. */
    public int optionalInt(String key, int fallback, int min, int max) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                problems.add(key + " must be between " + min + " and " + max + ", was " + parsed);
                return fallback;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + " must be an integer, was '" + value + "'");
            return fallback;
        }
    }

    /** Records a problem found by a caller's own check (e.g. a value outside an allowed set). */
    public void invalid(String key, String problem) {
        problems.add(key + " " + problem);
    }

    /**
     * @throws ConfigurationException listing every missing or invalid key recorded so far
     */
    public void validate() {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }
}
