package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The environment's secrets: read from Doppler (its CLI, config {@code dev}/{@code stg}/{@code prd}
 * unless {@code --doppler-config}) or, with {@code --secrets env}, from the tool's own environment.
 * Values are handed to Terraform only; they are never printed.
 */
final class Secrets {

    private final Map<String, String> values;
    private final String source;

    private Secrets(Map<String, String> values, String source) {
        this.values = values;
        this.source = source;
    }

    static String dopplerConfig(String env) {
        return switch (env) {
            case "staging" -> "stg";
            case "prod" -> "prd";
            default -> env;
        };
    }

    static Secrets fromEnvironment(Map<String, String> env) {
        return new Secrets(Map.copyOf(env), "the environment (--secrets env)");
    }

    static Secrets fromDoppler(String config, Map<String, String> env) {
        java.nio.file.Path doppler = Programs.onPath("doppler", env);
        if (doppler == null) {
            throw new IllegalStateException("the Doppler CLI is not on the PATH (https://docs.doppler.com/docs/cli); "
                    + "or use --secrets env with the secrets in the environment");
        }
        List<String> command = List.of(doppler.toString(), "secrets", "download", "--no-file", "--format", "json", "--config", config);
        try {
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("doppler did not answer within 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("doppler config '" + config + "' could not be read (exit " + p.exitValue() + "): "
                        + err.lines().findFirst().orElse("") + " — set DOPPLER_TOKEN, or use --secrets env");
            }
            JsonNode json = new ObjectMapper().readTree(out);
            Map<String, String> values = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
            return new Secrets(values, "Doppler config " + config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + doppler + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading Doppler", e);
        }
    }

    String source() {
        return source;
    }

    /** Names that are missing, empty or a placeholder (values are not echoed). */
    List<String> problems(Collection<String> required) {
        List<String> problems = new ArrayList<>();
        for (String name : required) {
            String v = values.get(name);
            if (v == null) {
                problems.add(name + " is not set");
            } else if (v.isBlank()) {
                problems.add(name + " is empty");
            } else if (v.toLowerCase(Locale.ROOT).contains("placeholder")) {
                problems.add(name + " is a placeholder");
            }
        }
        return problems;
    }

    /** Every {@code TF_VAR_…} of the source (Terraform's environment). */
    Map<String, String> terraformVariables() {
        Map<String, String> selected = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k.startsWith("TF_VAR_")) {
                selected.put(k, v);
            }
        });
        return selected;
    }
}
