package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code deploy/functions.json}: every Lambda function (the same file Terraform and the image
 * tests read) and the secrets each app needs.
 */
public record Manifest(String imageRepository, List<Function> functions, JsonNode requiredSecrets) {

    /** The apps {@code --app} accepts besides {@code all}. */
    public static final List<String> APPS = List.of("telegram", "line", "scheduler");

    /** The function {@code deploy} runs before any other switches code. */
    public static final String MIGRATOR = "schema-migrator";

    public record Function(String name, String module, String handler, List<String> apps, boolean liveAlias, JsonNode smokeEvent) {

        /** {@code dr-daily-report-NAME-ENV}, as Terraform names it. */
        public String functionName(String env) {
            return "dr-daily-report-" + name + "-" + env;
        }
    }

    public static Manifest read(Path file) {
        try {
            return parse(new ObjectMapper().readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the function manifest " + file + ": " + e.getMessage(), e);
        }
    }

    static Manifest parse(JsonNode root) {
        List<Function> functions = new ArrayList<>();
        for (JsonNode f : root.path("functions")) {
            List<String> apps = new ArrayList<>();
            f.path("apps").forEach(a -> apps.add(a.asText()));
            functions.add(new Function(f.path("name").asText(), f.path("module").asText(), f.path("handler").asText(),
                    List.copyOf(apps), f.path("live_alias").asBoolean(false), f.path("smoke_event")));
        }
        if (functions.isEmpty()) {
            throw new IllegalArgumentException("the function manifest lists no functions");
        }
        return new Manifest(root.path("image_repository").asText("dr-daily-report"), List.copyOf(functions), root.path("required_secrets"));
    }

    /** The functions {@code app} deploys ({@code all}: every function), in manifest order. */
    public List<Function> functionsOf(String app) {
        if (!"all".equals(app) && !APPS.contains(app)) {
            throw new IllegalArgumentException("unknown app '" + app + "': expected one of " + APPS + " or all");
        }
        return functions.stream().filter(f -> "all".equals(app) || f.apps().contains(app)).toList();
    }

    public Function function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no function '" + name + "' in the manifest"));
    }

    /** Secret names a deploy of {@code app} needs: the {@code all} list plus the app's own. */
    public Set<String> secretsFor(String app) {
        Set<String> names = new LinkedHashSet<>();
        requiredSecrets.path("all").forEach(n -> names.add(n.asText()));
        List<String> apps = "all".equals(app) ? APPS : List.of(app);
        for (String a : apps) {
            requiredSecrets.path(a).forEach(n -> names.add(n.asText()));
        }
        return names;
    }

    public List<String> handlers() {
        return functions.stream().map(Function::handler).distinct().toList();
    }
}
