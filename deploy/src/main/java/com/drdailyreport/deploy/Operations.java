package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code rollback}, {@code verify}, {@code status} and {@code precompute}: the deploy tool's other commands. */
final class Operations {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Pattern TICKER = Pattern.compile("[A-Z0-9][A-Z0-9.\\-]{0,19}");

    private final String env;
    private final Path repo;
    private final Aws aws;
    private final Console console;
    private final Clock clock;
    private final FunctionUpdater updater;
    private final int parallelism;

    Operations(String env, Path repo, Aws aws, Console console, Clock clock, Duration pollDelay, Duration timeout, int parallelism) {
        this.env = env;
        this.repo = repo;
        this.aws = aws;
        this.console = console;
        this.clock = clock;
        this.updater = new FunctionUpdater(aws.lambda(), pollDelay, timeout);
        this.parallelism = parallelism;
    }

    /** Runs {@code body} on the report, timing it; an unexpected error fails the report with its message. */
    private Report timed(Report report, java.util.function.Consumer<Report> body) {
        Instant start = clock.instant();
        try {
            body.accept(report);
        } catch (RuntimeException e) {
            report.fail(Report.UNEXPECTED, "failed", e.getMessage());
        } finally {
            report.seconds = Deployment.seconds(clock, start);
        }
        return report;
    }

    private Manifest manifest() {
        return Manifest.read(repo.resolve("deploy").resolve("functions.json"));
    }

    // ------------------------------------------------------------------------------------------ rollback

    /**
     * Restores the previous release (or the release of {@code toDigest}) for the functions of {@code app}:
     * the first state of the environment's {@link Release#timeline} — its releases newest first, then
     * what ran just before each — that differs from the current release for those functions. After
     * the first deploy that is what the functions ran before it.
     */
    Report rollback(String app, String toDigest, String apiUrl) {
        return timed(new Report("rollback", env, app), report -> {
            Manifest manifest = manifest();
            List<Manifest.Function> fns = manifest.functionsOf(app);
            console.phase("choose the release");
            Release current = Release.current(aws.ssm(), env);
            List<Release> history = Release.history(aws.ssm(), env);
            Release target;
            if (toDigest != null) {
                if (!DIGEST.matcher(toDigest).matches()) {
                    report.fail(Report.PREFLIGHT, "failed", "--to must be a digest, sha256: and 64 hex digits; got " + toDigest);
                    return;
                }
                target = history.stream().filter(r -> toDigest.equals(r.digest())).findFirst().orElse(null);
                if (target == null) {
                    EnvironmentDescriptor d = EnvironmentDescriptor.read(aws.ssm(), env);
                    Map<String, Release.FunctionState> all = new LinkedHashMap<>();
                    manifest.functions().forEach(f -> all.put(f.name(), new Release.FunctionState(Digests.pin(d.ecrRepositoryUrl(), toDigest), null)));
                    target = new Release(toDigest, null, null, "rollback", app, all, Map.of());
                    console.line(toDigest + " is in no release record: every function goes to " + Digests.pin(d.ecrRepositoryUrl(), toDigest));
                }
            } else {
                if (current == null) {
                    report.fail(Report.PREFLIGHT, "failed", "environment " + env + " has no release record: nothing to roll back to "
                            + "(`status --env " + env + "` shows what each function runs; `rollback --to sha256:…` puts them on one digest)");
                    return;
                }
                target = Release.timeline(history).stream().filter(r -> differs(r, current, fns)).findFirst().orElse(null);
                if (target == null) {
                    report.fail(Report.PREFLIGHT, "failed", "no earlier release of " + env + " differs from the current one for " + app
                            + " (and the record keeps nothing it replaced): `rollback --to sha256:…` puts the functions on one digest");
                    return;
                }
            }
            console.line("restoring " + ("before".equals(target.kind()) ? "what ran before the release of " + Digests.shortForm(current.digest())
                    + " (mostly " + Digests.shortForm(target.digest()) + ")" : Digests.shortForm(target.digest()))
                    + (target.commit() == null ? "" : " (commit " + target.commit().substring(0, Math.min(12, target.commit().length()))
                    + ", " + target.deployedAt() + ")"));
            report.digest = target.digest();
            report.commit = target.commit();

            Map<String, Release.FunctionState> replaced = states(manifest);
            Map<String, FunctionUpdater.Current> states = new LinkedHashMap<>();
            List<Manifest.Function> toRestore = new ArrayList<>();
            for (Manifest.Function f : fns) {
                Release.FunctionState s = target.functions().get(f.name());
                if (s == null || s.imageUri() == null) {
                    report.notes.add(f.name() + " is not in the chosen release: left as it is");
                    continue;
                }
                states.put(f.name(), new FunctionUpdater.Current(s.imageUri(), null, s.liveVersion(), null, null));
                toRestore.add(f);
            }
            console.phase("restore functions");
            List<Report.FunctionRow> rows = Deployment.restore(toRestore, states, updater, env, parallelism, console, clock, true);
            report.functions.addAll(rows);
            if (rows.stream().anyMatch(r -> !r.status().equals("restored"))) {
                report.fail(Report.ROLLBACK_FAILED, "rollback-failed", "some functions could not be restored");
                return;
            }
            console.phase("validation");
            EnvironmentDescriptor d = EnvironmentDescriptor.read(aws.ssm(), env).withApiUrl(apiUrl);
            Validator v = new Validator(aws, updater, env);
            report.checks.add(v.health(d.apiUrl()));
            for (Manifest.Function f : toRestore) {
                report.checks.add(v.digest(f, states.get(f.name()).imageUri()));
            }
            Validator.print(report.checks, console);

            Release.write(aws.ssm(), env, new Release(target.digest(), target.commit(), now(), "rollback", app, states(manifest), replaced));
            report.notes.add("release record " + Release.parameterName(env) + " now says " + Digests.shortForm(target.digest())
                    + "; Terraform holds the digests of its last apply until the next deploy");
            if (report.checks.stream().anyMatch(c -> !c.ok())) {
                report.fail(Report.VALIDATION, "restored-but-unhealthy", "restored, but validation fails: see the checks");
            } else {
                report.outcome = "rolled-back";
            }
        });
    }

    /** What every existing manifest function runs now ({@code $LATEST} image and {@code live} version). */
    private Map<String, Release.FunctionState> states(Manifest manifest) {
        Map<String, Release.FunctionState> now = new LinkedHashMap<>();
        for (Manifest.Function f : manifest.functions()) {
            FunctionUpdater.Current c = updater.current(f.functionName(env), f.liveAlias());
            if (c != null) {
                now.put(f.name(), new Release.FunctionState(c.imageUri(), c.liveVersion()));
            }
        }
        return now;
    }

    private static boolean differs(Release candidate, Release current, List<Manifest.Function> fns) {
        for (Manifest.Function f : fns) {
            Release.FunctionState a = candidate.functions().get(f.name());
            Release.FunctionState b = current.functions().get(f.name());
            if (a != null && (b == null || !java.util.Objects.equals(a.imageUri(), b.imageUri()))) {
                return true;
            }
        }
        return false;
    }

    private String now() {
        return clock.instant().atZone(Deployment.BANGKOK).toOffsetDateTime().toString();
    }

    // ------------------------------------------------------------------------------------------ verify

    /** Phase 6 alone, against what the release record says each function runs. */
    Report verify(String app, String apiUrl, Duration logWindow) {
        return timed(new Report("verify", env, app), report -> {
            Manifest manifest = manifest();
            Release release = Release.current(aws.ssm(), env);
            if (release == null) {
                report.fail(Report.VALIDATION, "failed", "environment " + env + " has no release record: deploy first");
                return;
            }
            report.digest = release.digest();
            report.commit = release.commit();
            List<Manifest.Function> fns = manifest.functionsOf(app).stream().filter(f -> release.functions().containsKey(f.name())).toList();
            Map<String, String> expected = new LinkedHashMap<>();
            fns.forEach(f -> expected.put(f.name(), release.functions().get(f.name()).imageUri()));
            Instant since = clock.instant().minus(logWindow);
            try {
                Instant deployed = OffsetDateTime.parse(release.deployedAt()).toInstant();
                since = deployed.isAfter(since) ? deployed : since;
            } catch (RuntimeException unparsable) {
                // keep the window
            }
            console.phase("post-deploy validation");
            EnvironmentDescriptor d = EnvironmentDescriptor.read(aws.ssm(), env).withApiUrl(apiUrl);
            boolean scheduler = "all".equals(app) || "scheduler".equals(app);
            report.checks.addAll(new Validator(aws, updater, env).run(d, fns, expected, since, scheduler));
            Validator.print(report.checks, console);
            if (report.checks.stream().anyMatch(c -> !c.ok())) {
                report.fail(Report.VALIDATION, "failed", report.checks.stream().filter(c -> !c.ok()).map(Validator.Check::name).toList()
                        + " failed");
            }
        });
    }

    // ------------------------------------------------------------------------------------------ status

    /** What each function runs now, beside the release record; JSON when asked. */
    String status(boolean json) {
        Manifest manifest = manifest();
        Release release = Release.current(aws.ssm(), env);
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode().put("env", env).put("status", "ok");
        if (release != null) {
            root.putObject("release").put("digest", release.digest()).put("commit", release.commit()).put("deployed_at", release.deployedAt())
                    .put("kind", release.kind()).put("app", release.app());
        }
        ArrayNode rows = root.putArray("functions");
        StringBuilder text = new StringBuilder();
        text.append(String.format("%s — release %s%n%n", env, release == null ? "none recorded"
                : Digests.shortForm(release.digest()) + " commit " + shortCommit(release.commit()) + " at " + release.deployedAt()
                + " (" + release.kind() + " of " + release.app() + ")"));
        String fmt = "  %-22s %-40s %-14s %-10s %-16s %s%n";
        text.append(String.format(fmt, "function", "name", "$LATEST", "update", "live", "matches release"));
        for (Manifest.Function f : manifest.functions()) {
            FunctionUpdater.Current c = updater.current(f.functionName(env), f.liveAlias());
            ObjectNode row = rows.addObject().put("name", f.name()).put("function_name", f.functionName(env));
            if (c == null) {
                row.put("exists", false);
                text.append(String.format(fmt, f.name(), f.functionName(env), "MISSING", "-", "-", "-"));
                continue;
            }
            Release.FunctionState recorded = release == null ? null : release.functions().get(f.name());
            boolean matches = recorded != null && recorded.imageUri().equals(c.imageUri())
                    && (!f.liveAlias() || java.util.Objects.equals(recorded.liveVersion(), c.liveVersion()));
            row.put("exists", true).put("image_uri", c.imageUri()).put("digest", Digests.of(c.imageUri()))
                    .put("last_update_status", c.lastUpdateStatus()).put("live_version", c.liveVersion())
                    .put("live_digest", Digests.of(c.liveImageUri())).put("matches_release", matches);
            String live = f.liveAlias() ? c.liveVersion() == null ? "NO ALIAS" : "v" + c.liveVersion() + " " + Digests.shortForm(Digests.of(c.liveImageUri())) : "-";
            text.append(String.format(fmt, f.name(), f.functionName(env), Digests.shortForm(Digests.of(c.imageUri())), c.lastUpdateStatus(), live,
                    release == null ? "-" : matches ? "yes" : "NO"));
        }
        return json ? root.toPrettyString() : text.toString();
    }

    private static String shortCommit(String commit) {
        return commit == null ? "-" : commit.substring(0, Math.min(12, commit.length()));
    }

    // ------------------------------------------------------------------------------------------ precompute

    /** The full precompute through precompute-controller, or one ticker through pattern-precompute and report-worker. */
    Report precompute(String ticker) {
        return timed(new Report("precompute", env, ticker == null ? "all" : ticker), report -> {
            Invoker invoker = new Invoker(aws.lambda());
            List<String[]> calls = new ArrayList<>();
            if (ticker == null) {
                calls.add(new String[] {"precompute-controller", "{\"action\":\"start\",\"source\":\"deploy-tool\"}"});
            } else {
                String t = ticker.trim().toUpperCase(java.util.Locale.ROOT);
                if (!TICKER.matcher(t).matches()) {
                    report.fail(Report.PREFLIGHT, "failed", "'" + ticker + "' is not a ticker (e.g. NVDA19)");
                    return;
                }
                String body = new ObjectMapper().createObjectNode().put("ticker", t).put("source", "deploy-tool").toString();
                calls.add(new String[] {"pattern-precompute", body});
                calls.add(new String[] {"report-worker", body});
            }
            console.phase("precompute");
            for (String[] call : calls) {
                String fn = "dr-daily-report-" + call[0] + "-" + env;
                Instant t0 = clock.instant();
                Invoker.Result r = invoker.invoke(fn, call[1]);
                String detail = r.ok() ? String.valueOf(r.payload()) : r.reason();
                console.line(fn + " " + call[1] + " → " + (r.ok() ? "ok " : "FAILED ") + detail);
                report.functions.add(new Report.FunctionRow(call[0], fn, null, null, r.ok() ? "ok" : "failed",
                        Deployment.seconds(clock, t0), null, detail));
                if (!r.ok()) {
                    report.fail(Report.VALIDATION, "failed", r.reason());
                }
            }
        });
    }
}
