package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a deploy (or rollback) did: phases, one row per function, validation checks, outcome and exit code. */
final class Report {

    /** Exit codes: what failed. */
    static final int OK = 0;
    static final int UNEXPECTED = 1;
    static final int PREFLIGHT = 3;
    static final int BUILD = 4;
    static final int MIGRATE = 5;
    static final int UPDATE = 6;
    static final int INFRASTRUCTURE = 7;
    static final int VALIDATION = 8;
    static final int ROLLBACK_FAILED = 9;

    static final String EXIT_CODES = "Exit codes: 0 done; 1 unexpected error; 2 bad usage; 3 pre-flight failed (nothing changed); "
            + "4 build/push failed (nothing changed); 5 migration failed (no code switched); 6 a function update failed (rolled back); "
            + "7 Terraform or the Mini App upload failed (rolled back); 8 post-deploy validation failed (rolled back); "
            + "9 a rollback failed too (a person must look).";

    record Phase(String name, String status, double seconds, String detail) {
    }

    record FunctionRow(String name, String functionName, String oldDigest, String newDigest, String status, double seconds,
                       String liveVersion, String detail) {
    }

    final String command;
    final String env;
    final String app;
    String commit;
    String digest;
    String imageUri;
    String pushedTo;
    boolean dryRun;
    final List<Phase> phases = new ArrayList<>();
    final List<FunctionRow> functions = new ArrayList<>();
    final List<Validator.Check> checks = new ArrayList<>();
    final List<FunctionRow> rollback = new ArrayList<>();
    /** The validation run again on what an automatic rollback restored ({@link #checks} stay the ones that failed the deploy). */
    final List<Validator.Check> rollbackChecks = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    String outcome = "ok";
    int exitCode = OK;
    String reason;
    double seconds;

    Report(String command, String env, String app) {
        this.command = command;
        this.env = env;
        this.app = app;
    }

    void fail(int code, String outcome, String reason) {
        if (exitCode == OK) {
            this.exitCode = code;
            this.outcome = outcome;
            this.reason = reason;
        }
    }

    String toJson() {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        root.put("command", command).put("env", env).put("app", app).put("status", exitCode == OK ? "ok" : "error")
                .put("outcome", outcome).put("exit_code", exitCode).put("dry_run", dryRun).put("seconds", round(seconds));
        root.put("reason", reason).put("commit", commit).put("digest", digest).put("image_uri", imageUri).put("pushed_to", pushedTo);
        ArrayNode ph = root.putArray("phases");
        phases.forEach(p -> ph.addObject().put("name", p.name()).put("status", p.status()).put("seconds", round(p.seconds()))
                .put("detail", p.detail()));
        putRows(root.putArray("functions"), functions);
        putChecks(root.putArray("checks"), checks);
        putRows(root.putArray("rollback"), rollback);
        putChecks(root.putArray("rollback_checks"), rollbackChecks);
        ArrayNode n = root.putArray("notes");
        notes.forEach(n::add);
        return root.toPrettyString();
    }

    private static void putChecks(ArrayNode array, List<Validator.Check> checks) {
        checks.forEach(c -> array.addObject().put("name", c.name()).put("ok", c.ok()).put("detail", c.detail()));
    }

    private static void putRows(ArrayNode array, List<FunctionRow> rows) {
        rows.forEach(r -> array.addObject().put("name", r.name()).put("function_name", r.functionName()).put("old_digest", r.oldDigest())
                .put("new_digest", r.newDigest()).put("status", r.status()).put("seconds", round(r.seconds()))
                .put("live_version", r.liveVersion()).put("detail", r.detail()));
    }

    private static double round(double s) {
        return Math.round(s * 100) / 100.0;
    }

    void printTable(PrintStream out) {
        out.println();
        if (!functions.isEmpty()) {
            table(out, functions);
        }
        if (!rollback.isEmpty()) {
            out.println();
            out.println("Rolled back:");
            table(out, rollback);
        }
        if (!checks.isEmpty()) {
            out.println();
            if (!rollbackChecks.isEmpty()) {
                out.println("Validation of the new release (before the rollback):");
            }
            printChecks(out, checks);
        }
        if (!rollbackChecks.isEmpty()) {
            out.println();
            out.println("Validation after the rollback (the restored release):");
            printChecks(out, rollbackChecks);
        }
        notes.forEach(n -> out.println("note: " + n));
        out.println();
        out.printf(Locale.ROOT, "%s %s %s: %s%s (exit %d, %.1f s)%n", command, env, app, outcome.toUpperCase(Locale.ROOT),
                reason == null ? "" : " — " + reason, exitCode, seconds);
        if (digest != null) {
            out.println("image " + (imageUri != null ? imageUri : digest));
        }
        out.flush();
    }

    private static void printChecks(PrintStream out, List<Validator.Check> list) {
        list.forEach(c -> out.printf("  %-4s %-28s %s%n", c.ok() ? "ok" : "FAIL", c.name(), c.detail()));
    }

    private static void table(PrintStream out, List<FunctionRow> rows) {
        String fmt = "  %-22s %-14s %-14s %-10s %7s  %s%n";
        out.printf(fmt, "function", "old digest", "new digest", "status", "seconds", "live / detail");
        for (FunctionRow r : rows) {
            String extra = (r.liveVersion() == null ? "" : "live=" + r.liveVersion() + " ") + (r.detail() == null ? "" : r.detail());
            out.printf(Locale.ROOT, fmt, r.name(), Digests.shortForm(r.oldDigest()), Digests.shortForm(r.newDigest()), r.status(),
                    String.format(Locale.ROOT, "%.1f", r.seconds()), extra.strip());
        }
    }
}
