package com.drdailyreport.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The few facts about the working copy a deploy needs, read with the {@code git} program. */
final class Git {

    private final Path repo;
    private final Map<String, String> env;

    Git(Path repo, Map<String, String> env) {
        this.repo = repo;
        this.env = env;
    }

    /** What is checked out and whether it may go to an environment. */
    record Checkout(String commit, String branch, List<String> tagsAtHead, boolean onMain, String dirtySummary) {
    }

    Checkout checkout() {
        String commit = run("rev-parse", "HEAD").trim();
        // GitHub Actions checks out a detached HEAD: the ref it built names the branch or tag
        String refType = env.getOrDefault("GITHUB_REF_TYPE", "");
        String refName = env.getOrDefault("GITHUB_REF_NAME", "");
        String branch = "branch".equals(refType) && !refName.isBlank() ? refName : run("branch", "--show-current").trim();
        List<String> tags = Arrays.stream(run("tag", "--points-at", "HEAD").split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if ("tag".equals(refType) && !refName.isBlank() && !tags.contains(refName)) {
            tags = java.util.stream.Stream.concat(tags.stream(), java.util.stream.Stream.of(refName)).toList();
        }
        boolean onMain = false;
        for (String main : List.of("origin/main", "main")) {
            if (exitCode("rev-parse", "--verify", "--quiet", main + "^{commit}") == 0) {
                onMain = exitCode("merge-base", "--is-ancestor", "HEAD", main) == 0;
                if (onMain) {
                    break;
                }
            }
        }
        String status = run("status", "--porcelain").strip();
        return new Checkout(commit, branch, tags, onMain, status);
    }

    private String run(String... args) {
        Result r = exec(args);
        if (r.code != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed in " + repo + ": " + r.out.strip());
        }
        return r.out;
    }

    private int exitCode(String... args) {
        return exec(args).code;
    }

    private record Result(int code, String out) {
    }

    private Result exec(String... args) {
        List<String> command = new java.util.ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("git " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run git (is it installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running git", e);
        }
    }
}
