package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Which apps a change touches, so CI deploys every function a change can affect and never misses
 * one because of a path filter. A module's apps come from the function manifest (the apps of every
 * function built from it: {@code scheduler} also holds report-worker, which the telegram app
 * calls); what every function ships or runs on — {@code shared/}, {@code migrations/}, the build,
 * the image, the manifest, Terraform, the workflow definition — touches all of them, and so does
 * any path this rule does not know. Only files that cannot reach a deployed function (docs, the
 * local runner, CI settings) touch none.
 */
public final class AffectedApps {

    /** Paths that change no deployed function. */
    private static final List<String> NONE = List.of("local/", "bin/", ".ci/", ".github/", "README.md", ".gitignore", "docs/");
    /** Modules whose apps come from the manifest's functions. */
    private static final Map<String, String> HANDLER_MODULES = Map.of("telegram-api/", "telegram-api", "line-bot/", "line-bot",
            "scheduler/", "scheduler", "miniapp/", "telegram-api");

    private final Map<String, Set<String>> appsByModule = new TreeMap<>();
    private final Set<String> allApps = new LinkedHashSet<>();

    /** @param manifest {@code deploy/functions.json} */
    public AffectedApps(JsonNode manifest) {
        for (JsonNode f : manifest.path("functions")) {
            for (JsonNode app : f.path("apps")) {
                appsByModule.computeIfAbsent(f.path("module").asText(), k -> new LinkedHashSet<>()).add(app.asText());
                allApps.add(app.asText());
            }
        }
        if (allApps.isEmpty()) {
            throw new IllegalArgumentException("the manifest lists no function with an app");
        }
    }

    public static AffectedApps fromRepository(Path repo) {
        try {
            return new AffectedApps(new ObjectMapper().readTree(Files.readString(repo.resolve("deploy/functions.json"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The apps the changed {@code paths} touch, in manifest order. */
    public List<String> forPaths(List<String> paths) {
        Set<String> apps = new LinkedHashSet<>();
        for (String path : paths) {
            if (NONE.stream().anyMatch(path::startsWith)) {
                continue;
            }
            String module = HANDLER_MODULES.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            if (module == null || !appsByModule.containsKey(module)) {
                return List.copyOf(allApps); // shared code, build, infrastructure, or unknown: everything
            }
            apps.addAll(appsByModule.get(module));
        }
        return allApps.stream().filter(apps::contains).toList();
    }

    /** The files changed between {@code base} and HEAD in {@code repo} (git diff base...HEAD, plus uncommitted changes). */
    public static List<String> changedPaths(Path repo, String base) {
        if (base == null || !base.matches("[A-Za-z0-9._/~^@{}\\-]+")) {
            throw new IllegalArgumentException("--base must be a git revision, was '" + base + "'");
        }
        List<String> paths = new ArrayList<>(git(repo, "diff", "--name-only", base + "...HEAD"));
        paths.addAll(git(repo, "diff", "--name-only", "HEAD"));
        return paths.stream().distinct().sorted().toList();
    }

    private static List<String> git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
