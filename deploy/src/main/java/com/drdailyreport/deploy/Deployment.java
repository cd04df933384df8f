package com.drdailyreport.deploy;

import com.drdailyreport.image.LambdaImage;
import com.drdailyreport.image.LambdaLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.services.ecr.model.AuthorizationData;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code deploy}: the runbook's phases in order — pre-flight, build and push, migrate, update
 * functions, Terraform (and the Mini App for the telegram app), post-deploy validation — then the
 * release record and the image's release tag. Any failure after code started to switch puts every
 * switched function back on what it ran before (and {@code live} on its old version), the Mini App
 * page back on the version the bucket held before, validates what was restored, and says so.
 */
final class Deployment {

    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    /** Everything {@code deploy} was asked to do. */
    record Options(String env, String app, boolean dryRun, boolean pushOnly, boolean triggerPrecompute, String baseImage,
                   String pushTo, String secrets, String dopplerConfig, Path repo, Path layout, String apiUrl, int parallelism,
                   Duration pollDelay, Duration updateTimeout) {
    }

    private final Options o;
    private final Map<String, String> env;
    private final Aws aws;
    private final Console console;
    private final Clock clock;
    private final Report report;
    private final FunctionUpdater updater;

    private Manifest manifest;
    private EnvironmentDescriptor target;
    private Secrets secrets;
    /** Every manifest function's state before this deploy (null value: the function does not exist). */
    private final Map<String, FunctionUpdater.Current> before = new LinkedHashMap<>();
    /** Functions whose code this deploy switched (or began to): what a rollback must restore. */
    private final List<Manifest.Function> switched = new ArrayList<>();
    /** The Mini App bucket before this deploy published the page (null: not published): what a rollback restores. */
    private MiniAppPublisher.Snapshot pageBefore;
    /** Whether the release record was written (a redeploy of the current release writes none). */
    private boolean recorded;

    Deployment(Options options, Map<String, String> env, Aws aws, Console console, Clock clock) {
        this.o = options;
        this.env = env;
        this.aws = aws;
        this.console = console;
        this.clock = clock;
        this.report = new Report("deploy", options.env(), options.app());
        this.report.dryRun = options.dryRun();
        this.updater = new FunctionUpdater(aws.lambda(), options.pollDelay(), options.updateTimeout());
    }

    Report run() {
        Instant start = clock.instant();
        try {
            runPhases(start);
        } catch (RuntimeException e) {
            report.fail(Report.UNEXPECTED, "failed", "unexpected: " + e);
            if (!switched.isEmpty()) {
                rollBack("an unexpected error");
            }
        } finally {
            report.seconds = seconds(start);
        }
        return report;
    }

    private void runPhases(Instant start) {
        if (!phase("pre-flight", this::preflight, Report.PREFLIGHT, "pre-flight failed")) {
            return;
        }
        if (!phase(o.dryRun() ? "build (dry run: not pushed)" : "build and push", this::buildAndPush, Report.BUILD, "build failed")) {
            return;
        }
        if (o.pushOnly()) {
            Path varFile = writeTerraformVariables();
            Terraform tf = new Terraform(o.repo(), o.env(), env);
            report.notes.add("pushed only; create or update the environment with: " + String.join(" ", tf.initCommand()) + " && "
                    + String.join(" ", tf.applyCommand(varFile)));
            console.line(report.notes.get(report.notes.size() - 1));
            return;
        }
        if (o.dryRun()) {
            dryRunPlan();
            return;
        }
        if (!phase("migrate", this::migrate, Report.MIGRATE, "migration failed")) {
            rollBack("the migration failed");
            return;
        }
        if (!phase("update functions", this::updateFunctions, Report.UPDATE, "a function update failed")) {
            rollBack("a function update failed");
            return;
        }
        if (includes("telegram") && !phase("mini app", this::miniApp, Report.INFRASTRUCTURE, "the Mini App upload failed")) {
            rollBack("the Mini App upload failed");
            return;
        }
        if (!phase("terraform", this::terraform, Report.INFRASTRUCTURE, "terraform apply failed")) {
            rollBack("terraform apply failed");
            return;
        }
        if (!phase("post-deploy validation", () -> validate(start), Report.VALIDATION, "post-deploy validation failed")) {
            rollBack("post-deploy validation failed");
            return;
        }
        if (phase("release record", this::recordRelease, Report.UNEXPECTED, "writing the release record failed") && recorded) {
            phase("release tag", this::tagRelease, Report.UNEXPECTED, "released, but the image was not tagged");
        }
    }

    // ------------------------------------------------------------------------------------------ phases

    /** Runs one phase: prints it, times it, records it; a thrown {@link PhaseFailure} (or any error) fails it. */
    private boolean phase(String name, Runnable body, int exitCode, String outcome) {
        console.phase(name);
        Instant t0 = clock.instant();
        try {
            body.run();
            String status = pendingStatus != null ? pendingStatus : "ok";
            report.phases.add(new Report.Phase(name, status, seconds(t0), pendingDetail));
            return true;
        } catch (PhaseFailure | UncheckedIOException | IllegalStateException | IllegalArgumentException
                 | software.amazon.awssdk.core.exception.SdkException | FunctionUpdater.UpdateException e) {
            console.line("FAILED: " + e.getMessage());
            report.phases.add(new Report.Phase(name, "failed", seconds(t0), e.getMessage()));
            report.fail(exitCode, outcome, e.getMessage());
            return false;
        } finally {
            pendingStatus = null;
            pendingDetail = null;
        }
    }

    private String pendingStatus;
    private String pendingDetail;

    static final class PhaseFailure extends RuntimeException {
        PhaseFailure(String message) {
            super(message);
        }
    }

    private void preflight() {
        Path manifestFile = o.repo().resolve("deploy").resolve("functions.json");
        manifest = Manifest.read(manifestFile);
        List<Manifest.Function> fns = manifest.functionsOf(o.app());
        console.line("manifest " + manifestFile + ": " + fns.size() + " functions for " + o.app());
        List<String> problems = new ArrayList<>();

        Git.Checkout checkout = new Git(o.repo(), env).checkout();
        report.commit = checkout.commit();
        String policy = BranchPolicy.violation(o.env(), checkout.branch(), checkout.tagsAtHead(), checkout.onMain());
        console.line("checkout " + checkout.commit().substring(0, 12) + " on " + (checkout.branch().isBlank() ? "detached HEAD" : checkout.branch())
                + (checkout.tagsAtHead().isEmpty() ? "" : " tags " + checkout.tagsAtHead()) + (policy == null ? " — may deploy to " + o.env() : ""));
        if (policy != null) {
            problems.add("branch policy: " + policy);
        }
        if (!checkout.dirtySummary().isEmpty()) {
            List<String> lines = checkout.dirtySummary().lines().toList();
            problems.add("working tree not clean (" + lines.size() + " changes, e.g. " + lines.get(0).strip()
                    + "): commit or stash first, so the image is exactly the commit recorded");
        }

        GetCallerIdentityResponse id = aws.sts().getCallerIdentity();
        console.line("AWS account " + id.account() + " as " + id.arn() + ", region " + aws.region());
        Map<String, String> tfvars = readTfvars();
        String expectedAccount = tfvars.get("aws_account_id");
        if (expectedAccount != null && !expectedAccount.isBlank() && !expectedAccount.equals(id.account())) {
            problems.add("these credentials are for account " + id.account() + ", but envs/" + o.env() + ".tfvars says " + expectedAccount);
        }
        String expectedRegion = tfvars.getOrDefault("region", "ap-southeast-1");
        if (!expectedRegion.equals(aws.region().id())) {
            problems.add("region " + aws.region() + " is not the environment's region " + expectedRegion + " (set AWS_REGION)");
        }

        try {
            secrets = "env".equals(o.secrets()) ? Secrets.fromEnvironment(env)
                    : Secrets.fromDoppler(o.dopplerConfig() != null ? o.dopplerConfig() : Secrets.dopplerConfig(o.env()), env);
            List<String> secretProblems = secrets.problems(manifest.secretsFor(o.app()));
            console.line("secrets from " + secrets.source() + ": " + (secretProblems.isEmpty()
                    ? manifest.secretsFor(o.app()).size() + " required, all set" : String.join(", ", secretProblems)));
            secretProblems.forEach(p -> problems.add("secret " + p));
        } catch (IllegalStateException unreadable) {
            console.line("secrets: " + unreadable.getMessage());
            problems.add(unreadable.getMessage());
        }

        problems.addAll(checkLayout());

        try {
            target = EnvironmentDescriptor.read(aws.ssm(), o.env()).withApiUrl(o.apiUrl());
        } catch (IllegalStateException noDescriptor) {
            if (!o.pushOnly()) {
                problems.add(noDescriptor.getMessage());
                problems.forEach(p -> console.line("problem: " + p));
                throw new PhaseFailure(String.join("; ", problems));
            }
            // a new environment: only the repository exists yet (terraform apply -target=aws_ecr_repository.lambda)
            String name = manifest.imageRepository() + "-" + o.env();
            String url = aws.ecr().describeRepositories(b -> b.repositoryNames(name)).repositories().get(0).repositoryUri();
            console.line("no " + EnvironmentDescriptor.parameterName(o.env()) + " yet (a new environment): pushing to " + url);
            target = new EnvironmentDescriptor(o.apiUrl(), url, null, null, "default", null, null);
        }
        if (target.ecrRepositoryUrl() == null) {
            problems.add(EnvironmentDescriptor.parameterName(o.env()) + " names no ecr_repository_url");
        } else {
            String repoName = target.ecrRepositoryUrl().substring(target.ecrRepositoryUrl().indexOf('/') + 1);
            aws.ecr().describeRepositories(b -> b.repositoryNames(repoName));
            console.line("ECR repository " + target.ecrRepositoryUrl());
            if (o.pushTo() != null && !o.dryRun()) {
                console.line("--push-to " + o.pushTo() + ": Lambda pulls from ECR repository " + repoName
                        + ", so the pushed digest must be there too (checked after the push, before any function switches)");
            }
        }

        List<String> missing = new ArrayList<>();
        for (Manifest.Function f : manifest.functions()) {
            FunctionUpdater.Current c = updater.current(f.functionName(o.env()), f.liveAlias());
            before.put(f.name(), c);
            if (c == null && fns.contains(f)) {
                missing.add(f.functionName(o.env()));
            } else if (c != null && fns.contains(f)) {
                console.line(String.format("%-22s runs %s%s", f.name(), Digests.shortForm(Digests.of(c.imageUri())),
                        f.liveAlias() ? ", live = version " + c.liveVersion() : ""));
            }
        }
        if (!missing.isEmpty() && !o.pushOnly()) {
            problems.add("functions missing in " + o.env() + ": " + String.join(", ", missing)
                    + " — Terraform creates them: run deploy --env " + o.env() + " --push-only and the terraform commands it prints");
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> console.line("problem: " + p));
            throw new PhaseFailure(String.join("; ", problems));
        }
    }

    /** The image layout: present, every manifest handler loadable, not older than the sources it was built from. */
    private List<String> checkLayout() {
        List<String> problems = new ArrayList<>();
        Path layout = o.layout();
        if (!Files.isDirectory(layout.resolve("lib"))) {
            problems.add("no image layout at " + layout + ": build first (mvn -B install -DskipTests)");
            return problems;
        }
        List<String> handlerProblems = LambdaLayout.at(layout).problems(manifest.handlers());
        handlerProblems.forEach(p -> problems.add("image layout: " + p));
        String stale = staleModule(layout);
        if (stale != null) {
            problems.add("image layout is older than the sources of " + stale + ": rebuild (mvn -B install -DskipTests)");
        }
        console.line("image layout " + layout + ": " + manifest.handlers().size() + " handlers "
                + (handlerProblems.isEmpty() ? "load" : "FAIL") + (stale == null ? ", up to date" : ", STALE"));
        return problems;
    }

    private static final Pattern PROJECT_JAR = Pattern.compile("com\\.drdailyreport\\.(.+)-\\d[^-]*(-SNAPSHOT)?\\.jar");

    /** A module whose sources changed after its jar in the layout was built, or null. */
    private String staleModule(Path layout) {
        try (Stream<Path> jars = Files.list(layout.resolve("lib"))) {
            for (Path jar : jars.toList()) {
                Matcher m = PROJECT_JAR.matcher(jar.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                Path module = o.repo().resolve(m.group(1));
                if (!Files.isDirectory(module.resolve("src"))) {
                    continue;
                }
                FileTime built = Files.getLastModifiedTime(jar);
                FileTime newest = newest(module.resolve("src"), Files.getLastModifiedTime(module.resolve("pom.xml")));
                if (newest.compareTo(built) > 0) {
                    return m.group(1);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime newest(Path dir, FileTime floor) throws IOException {
        FileTime max = floor;
        try (Stream<Path> files = Files.walk(dir.resolve("main").toFile().exists() ? dir.resolve("main") : dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                FileTime t = Files.getLastModifiedTime(p);
                if (t.compareTo(max) > 0) {
                    max = t;
                }
            }
        }
        return max;
    }

    private Map<String, String> readTfvars() {
        Path file = o.repo().resolve("terraform").resolve("envs").resolve(o.env() + ".tfvars");
        Map<String, String> values = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Pattern assignment = Pattern.compile("^\\s*([a-z_]+)\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?$");
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                Matcher m = assignment.matcher(line);
                if (m.matches()) {
                    values.put(m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }

    private void buildAndPush() {
        String tag = EcrImages.BUILD_TAG_PREFIX + tagSuffix();
        LambdaImage image = LambdaImage.builder(o.layout()).baseImage(o.baseImage()).command(manifest.functions().get(0).handler())
                .log(line -> {
                    if (!line.startsWith("info:") && !line.startsWith("progress:")) {
                        console.line("jib " + line);
                    }
                }).build();
        Instant t0 = clock.instant();
        LambdaImage.ImageResult result;
        try {
            if (o.dryRun()) {
                Path tar = Files.createTempFile("dr-daily-report-dry-run", ".tar");
                try {
                    result = image.writeTar(tar, "dr-daily-report:" + tag);
                } finally {
                    Files.deleteIfExists(tar);
                }
            } else if (o.pushTo() != null) {
                result = image.push(o.pushTo() + ":" + tag, null);
                report.pushedTo = result.image();
            } else {
                String repoName = target.ecrRepositoryUrl().substring(target.ecrRepositoryUrl().indexOf('/') + 1);
                AuthorizationData auth = aws.ecr().getAuthorizationToken(b -> { }).authorizationData().get(0);
                String[] userPassword = new String(Base64.getDecoder().decode(auth.authorizationToken()), StandardCharsets.UTF_8).split(":", 2);
                result = image.push(target.ecrRepositoryUrl() + ":" + tag, new LambdaImage.Credential(userPassword[0], userPassword[1]));
                report.pushedTo = result.image();
                console.line("pushed to ECR repository " + repoName);
            }
        } catch (LambdaImage.ImageBuildException e) {
            throw new PhaseFailure(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report.digest = result.digest();
        report.imageUri = Digests.pin(target.ecrRepositoryUrl(), result.digest());
        console.line((o.dryRun() ? "would push " : "pushed ") + result.image() + " → " + result.digest()
                + String.format(" (%.1f s)", seconds(t0)));
        if (o.pushTo() != null && !o.dryRun()) {
            EcrImages ecr = new EcrImages(aws.ecr(), target.ecrRepositoryUrl());
            if (!ecr.holds(result.digest())) {
                throw new PhaseFailure("ECR repository " + ecr.repository() + " does not hold " + result.digest() + " (pushed to "
                        + o.pushTo() + " only), so Lambda could not pull it: no function was switched. Deploy without --push-to, "
                        + "or copy the image into ECR first (e.g. skopeo copy docker://" + result.image() + " docker://"
                        + target.ecrRepositoryUrl() + ":" + tag + ")");
            }
            console.line("ECR repository " + ecr.repository() + " holds " + Digests.shortForm(result.digest()));
        }
        console.line("functions will run " + report.imageUri);
        pendingDetail = result.digest();
    }

    /** {@code <commit>-<Bangkok time>}, the part of the build and release tags after their prefix. */
    private String tagSuffix() {
        return report.commit.substring(0, 12) + "-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atZone(BANGKOK));
    }

    private void dryRunPlan() {
        console.phase("plan (dry run: nothing changes)");
        for (Manifest.Function f : manifest.functionsOf(o.app())) {
            FunctionUpdater.Current c = before.get(f.name());
            String old = c == null ? null : Digests.of(c.imageUri());
            boolean same = alreadyOn(f, c);
            String status = same ? "unchanged" : "would-update";
            report.functions.add(new Report.FunctionRow(f.name(), f.functionName(o.env()), old, report.digest, status, 0,
                    c == null ? null : c.liveVersion(), null));
            console.line(String.format("%-22s %s", f.name(), same ? "already on " + Digests.shortForm(old)
                    : Digests.shortForm(old) + " → " + Digests.shortForm(report.digest)));
        }
        console.line("would invoke " + Manifest.MIGRATOR + " {\"action\":\"migrate\"} before any other function switches");
        Terraform tf = new Terraform(o.repo(), o.env(), env);
        console.line("would run terraform: " + (tf.binary() != null ? "found " + tf.binary() : "NOT installed here (the commands would be printed)"));
        console.line("would validate: health, logs, digests" + (includes("scheduler") ? ", pattern-precompute, state machine, schedule" : ""));
        report.phases.add(new Report.Phase("plan", "dry-run", 0, "nothing changed"));
        report.outcome = "dry-run";
    }

    private void migrate() {
        Manifest.Function migrator = manifest.function(Manifest.MIGRATOR);
        String fn = migrator.functionName(o.env());
        Instant t0 = clock.instant();
        switched.add(migrator);
        updater.switchTo(fn, report.imageUri, migrator.liveAlias(), null);
        console.line(fn + " on " + Digests.shortForm(report.digest) + "; invoking {\"action\":\"migrate\"}");
        Invoker.Result r = new Invoker(aws.lambda()).invoke(fn, "{\"action\":\"migrate\"}");
        FunctionUpdater.Current old = before.get(migrator.name());
        report.functions.add(new Report.FunctionRow(migrator.name(), fn, old == null ? null : Digests.of(old.imageUri()), report.digest,
                r.ok() ? "migrated" : "failed", seconds(t0), null, r.ok() ? summary(r) : r.reason()));
        if (!r.ok()) {
            throw new PhaseFailure(r.reason());
        }
        console.line("schema: " + summary(r));
        pendingDetail = summary(r);
    }

    private static String summary(Invoker.Result r) {
        var p = r.payload();
        return "version " + p.path("current_version").asText("?") + ", applied " + p.path("applied").size() + ", pending "
                + p.path("pending").size();
    }

    private void updateFunctions() {
        List<Manifest.Function> fns = manifest.functionsOf(o.app()).stream().filter(f -> !f.name().equals(Manifest.MIGRATOR)).toList();
        List<Report.FunctionRow> rows = inParallel(fns, o.parallelism(), f -> {
            FunctionUpdater.Current old = before.get(f.name());
            String oldDigest = Digests.of(old.imageUri());
            boolean same = alreadyOn(f, old);
            Instant t0 = clock.instant();
            if (same) {
                // already there, $LATEST and live: not a single call that changes something
                console.line(String.format("%-22s unchanged%s", f.name(), f.liveAlias() ? ", live = " + old.liveVersion() : ""));
                return new Report.FunctionRow(f.name(), f.functionName(o.env()), oldDigest, report.digest, "unchanged", seconds(t0),
                        f.liveAlias() ? old.liveVersion() : null, null);
            }
            synchronized (switched) {
                switched.add(f);
            }
            try {
                String live = updater.switchTo(f.functionName(o.env()), report.imageUri, f.liveAlias(), null);
                Report.FunctionRow row = new Report.FunctionRow(f.name(), f.functionName(o.env()), oldDigest, report.digest,
                        "updated", seconds(t0), live, null);
                console.line(String.format("%-22s %s %.1f s%s", f.name(), row.status(), row.seconds(), live == null ? "" : ", live = " + live));
                return row;
            } catch (RuntimeException e) {
                console.line(String.format("%-22s FAILED: %s", f.name(), e.getMessage()));
                return new Report.FunctionRow(f.name(), f.functionName(o.env()), oldDigest, report.digest, "failed", seconds(t0), null,
                        e.getMessage());
            }
        });
        report.functions.addAll(rows);
        List<String> failed = rows.stream().filter(r -> r.status().equals("failed")).map(r -> r.detail()).toList();
        if (!failed.isEmpty()) {
            throw new PhaseFailure(String.join("; ", failed));
        }
    }

    /** Whether the function ({@code $LATEST}, and {@code live} where it has the alias) already runs the new image. */
    private boolean alreadyOn(Manifest.Function f, FunctionUpdater.Current c) {
        return c != null && report.imageUri.equals(c.imageUri()) && (!f.liveAlias() || report.digest.equals(Digests.of(c.liveImageUri())));
    }

    /** {@code work} on each item, at most {@code parallelism} at once; results in item order. */
    static <T, R> List<R> inParallel(List<T> items, int parallelism, java.util.function.Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, items.size())));
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> work.apply(item)));
            }
            List<R> results = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void miniApp() {
        if (target.miniappBucket() == null || target.cloudfrontDistributionId() == null) {
            pendingStatus = "not-configured";
            pendingDetail = "the environment names no miniapp_bucket/cloudfront_distribution_id: the page was not published";
            console.line(pendingDetail);
            report.notes.add(pendingDetail);
            return;
        }
        MiniAppSite site = MiniAppSite.fromClasspath(Deployment.class.getClassLoader());
        MiniAppPublisher publisher = new MiniAppPublisher(aws.s3(), aws.cloudFront());
        // what the bucket holds now, so that a rollback puts the page back with the functions
        pageBefore = publisher.snapshot(target.miniappBucket());
        if (!pageBefore.versioned()) {
            String warning = "bucket " + target.miniappBucket() + " is not versioned (Terraform enables versioning): "
                    + "a rollback of this deploy could not restore the page";
            console.line(warning);
            report.notes.add(warning);
        }
        MiniAppPublisher.Result r = publisher.publish(site, target.miniappBucket(), target.cloudfrontDistributionId(),
                target.apiUrl() == null ? "" : target.apiUrl());
        pendingDetail = r.uploaded().size() + " uploaded, " + r.unchanged().size() + " unchanged, " + r.deleted().size() + " deleted"
                + (r.invalidationId() == null ? "" : ", invalidation " + r.invalidationId());
        console.line("s3://" + target.miniappBucket() + ": " + pendingDetail);
    }

    /** The digest each manifest function runs after this deploy: the new one for this app, the old one for the rest. */
    private Map<String, String> releasedDigests() {
        Map<String, String> digests = new LinkedHashMap<>();
        List<Manifest.Function> mine = manifest.functionsOf(o.app());
        for (Manifest.Function f : manifest.functions()) {
            FunctionUpdater.Current c = before.get(f.name());
            String d = mine.contains(f) || c == null || Digests.of(c.imageUri()) == null ? report.digest : Digests.of(c.imageUri());
            digests.put(f.name(), d);
        }
        return digests;
    }

    private Path writeTerraformVariables() {
        Path file = o.repo().resolve("deploy").resolve("target").resolve("release-" + o.env() + ".tfvars.json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Terraform.releaseVariables(report.digest, releasedDigests()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void terraform() {
        Path varFile = writeTerraformVariables();
        Terraform tf = new Terraform(o.repo(), o.env(), env);
        if (tf.binary() == null) {
            pendingStatus = "not-run";
            pendingDetail = "terraform is not installed here, so the infrastructure was NOT synced. Run: "
                    + String.join(" ", tf.initCommand()) + " && " + String.join(" ", tf.applyCommand(varFile))
                    + " (with the environment's TF_VAR_ secrets)";
            console.line(pendingDetail);
            report.notes.add(pendingDetail);
            return;
        }
        console.line("running " + String.join(" ", tf.applyCommand(varFile)));
        String failure = tf.apply(varFile, secrets.terraformVariables(), console::line);
        if (failure != null) {
            throw new PhaseFailure(failure);
        }
        pendingDetail = "applied with " + varFile;
    }

    private void validate(Instant start) {
        Map<String, String> expected = new LinkedHashMap<>();
        manifest.functionsOf(o.app()).forEach(f -> expected.put(f.name(), report.imageUri));
        List<Validator.Check> checks = new ArrayList<>(new Validator(aws, updater, o.env())
                .run(target, manifest.functionsOf(o.app()), expected, start, includes("scheduler")));
        if (o.triggerPrecompute()) {
            Invoker.Result r = new Invoker(aws.lambda()).invoke("dr-daily-report-precompute-controller-" + o.env(),
                    "{\"action\":\"start\",\"source\":\"post-deploy\"}");
            checks.add(new Validator.Check("precompute started", r.ok(), r.ok() ? String.valueOf(r.payload()) : r.reason()));
        }
        report.checks.addAll(checks);
        Validator.print(checks, console);
        List<String> failed = checks.stream().filter(c -> !c.ok()).map(c -> c.name() + " (" + c.detail() + ")").toList();
        if (!failed.isEmpty()) {
            throw new PhaseFailure(String.join("; ", failed));
        }
    }

    private void recordRelease() {
        Map<String, Release.FunctionState> states = new LinkedHashMap<>();
        for (Manifest.Function f : manifest.functions()) {
            FunctionUpdater.Current c = updater.current(f.functionName(o.env()), f.liveAlias());
            if (c != null) {
                states.put(f.name(), new Release.FunctionState(c.imageUri(), c.liveVersion()));
            }
        }
        Release current = Release.current(aws.ssm(), o.env());
        if (current != null && report.digest.equals(current.digest()) && states.equals(current.functions())) {
            pendingStatus = "unchanged";
            pendingDetail = Release.parameterName(o.env()) + " already records this release: nothing written";
            console.line(pendingDetail);
            return;
        }
        // what every function ran before this deploy: what `rollback` restores when no earlier release differs
        Map<String, Release.FunctionState> previous = new LinkedHashMap<>();
        before.forEach((name, c) -> {
            if (c != null) {
                previous.put(name, new Release.FunctionState(c.imageUri(), c.liveVersion()));
            }
        });
        Release release = new Release(report.digest, report.commit, clock.instant().atZone(BANGKOK).toOffsetDateTime().toString(),
                "deploy", o.app(), states, previous);
        Release.write(aws.ssm(), o.env(), release);
        recorded = true;
        console.line(Release.parameterName(o.env()) + " ← " + Digests.shortForm(report.digest) + " " + report.commit.substring(0, 12));
    }

    /** The released digest gets its {@code release-*} tag in ECR: the lifecycle policy never expires it. */
    private void tagRelease() {
        EcrImages ecr = new EcrImages(aws.ecr(), target.ecrRepositoryUrl());
        String tag = EcrImages.RELEASE_TAG_PREFIX + tagSuffix();
        try {
            ecr.tag(report.digest, tag);
        } catch (RuntimeException e) {
            throw new PhaseFailure("tagging " + Digests.shortForm(report.digest) + " " + tag + " in ECR repository " + ecr.repository()
                    + " failed (" + e.getMessage() + "): tag it by hand, or ECR's lifecycle policy expires the released image after 14 days");
        }
        pendingDetail = ecr.repository() + ":" + tag;
        console.line("ECR " + pendingDetail + " → " + Digests.shortForm(report.digest));
    }

    // ------------------------------------------------------------------------------------------ rollback

    private void rollBack(String why) {
        if (switched.isEmpty() && pageBefore == null) {
            console.line("no function was switched: nothing to roll back");
            return;
        }
        console.phase("rollback (" + why + ")");
        Instant t0 = clock.instant();
        List<Report.FunctionRow> rows = restore(switched, before, updater, o.env(), o.parallelism(), console, clock);
        report.rollback.addAll(rows);
        boolean functionsOk = rows.stream().allMatch(r -> r.status().equals("restored"));
        List<String> done = new ArrayList<>();
        done.add(rows.size() + " function(s) restored to what they ran before");
        boolean pageOk = true;
        if (pageBefore != null) {
            try {
                MiniAppPublisher.Result page = new MiniAppPublisher(aws.s3(), aws.cloudFront()).restore(pageBefore, target.cloudfrontDistributionId());
                String detail = "the Mini App page put back as it was (" + page.uploaded().size() + " restored, " + page.deleted().size()
                        + " deleted" + (page.invalidationId() == null ? "" : ", invalidation " + page.invalidationId()) + ")";
                console.line(detail);
                done.add(detail);
            } catch (RuntimeException e) {
                pageOk = false;
                console.line("Mini App page NOT restored: " + e.getMessage());
                report.notes.add("the Mini App page was NOT restored (" + e.getMessage() + ")");
            }
        }
        boolean allOk = functionsOk && pageOk;
        report.phases.add(new Report.Phase("rollback", allOk ? "ok" : "failed", seconds(t0), String.join("; ", done)));
        if (allOk) {
            report.outcome = "rolled-back";
            report.notes.add("rolled back automatically: " + String.join("; ", done) + " (" + why + ")");
            validateRestored(t0);
        } else {
            report.exitCode = Report.ROLLBACK_FAILED;
            report.outcome = "rollback-failed";
            report.notes.add("ROLLBACK FAILED" + (functionsOk ? "" : " for some functions") + ": a person must look (deploy status --env "
                    + o.env() + ")");
        }
    }

    /** The post-deploy validation again, on what the rollback restored: reported beside the checks that failed the deploy. */
    private void validateRestored(Instant rollbackStart) {
        console.phase("validation after the rollback");
        Instant t0 = clock.instant();
        List<Manifest.Function> fns = manifest.functionsOf(o.app()).stream().filter(f -> before.get(f.name()) != null).toList();
        Map<String, String> expected = new LinkedHashMap<>();
        fns.forEach(f -> expected.put(f.name(), before.get(f.name()).imageUri()));
        List<Validator.Check> checks;
        try {
            checks = new Validator(aws, updater, o.env()).run(target, fns, expected, rollbackStart, includes("scheduler"));
        } catch (RuntimeException e) {
            checks = List.of(new Validator.Check("validation", false, Validator.describe(e)));
        }
        report.rollbackChecks.addAll(checks);
        Validator.print(checks, console);
        List<String> failed = checks.stream().filter(c -> !c.ok()).map(c -> c.name() + " (" + c.detail() + ")").toList();
        report.phases.add(new Report.Phase("validation after rollback", failed.isEmpty() ? "ok" : "failed", seconds(t0),
                failed.isEmpty() ? checks.size() + " checks ok on the restored release" : String.join("; ", failed)));
        if (!failed.isEmpty()) {
            report.outcome = "restored-but-unhealthy";
            report.notes.add("the restored release fails validation too — a person must look: " + String.join("; ", failed));
        }
    }

    /** Puts each function back on its recorded image and {@code live} version, in parallel. */
    static List<Report.FunctionRow> restore(List<Manifest.Function> fns, Map<String, FunctionUpdater.Current> states, FunctionUpdater updater,
                                            String env, int parallelism, Console console, Clock clock) {
        return restore(fns, states, updater, env, parallelism, console, clock, false);
    }

    /**
     * @param publishWhenNoVersion for alias functions whose recorded state has no {@code live} version: publish
     *                             one from the restored code and move {@code live} to it (else {@code live} is left alone)
     */
    static List<Report.FunctionRow> restore(List<Manifest.Function> fns, Map<String, FunctionUpdater.Current> states, FunctionUpdater updater,
                                            String env, int parallelism, Console console, Clock clock, boolean publishWhenNoVersion) {
        return inParallel(fns, parallelism, f -> {
            FunctionUpdater.Current old = states.get(f.name());
            Instant t0 = clock.instant();
            String fn = f.functionName(env);
            FunctionUpdater.Current now = updater.current(fn, f.liveAlias());
            String from = now == null ? null : Digests.of(now.imageUri());
            try {
                boolean alias = f.liveAlias() && (old.liveVersion() != null || publishWhenNoVersion);
                String live = updater.switchTo(fn, old.imageUri(), alias, old.liveVersion());
                console.line(String.format("%-22s restored to %s%s", f.name(), Digests.shortForm(Digests.of(old.imageUri())),
                        live == null ? "" : ", live = " + live));
                return new Report.FunctionRow(f.name(), fn, from, Digests.of(old.imageUri()), "restored", seconds(clock, t0), live, null);
            } catch (RuntimeException e) {
                console.line(String.format("%-22s NOT restored: %s", f.name(), e.getMessage()));
                return new Report.FunctionRow(f.name(), fn, from, Digests.of(old.imageUri()), "failed", seconds(clock, t0), null,
                        e.getMessage());
            }
        });
    }

    // ------------------------------------------------------------------------------------------ helpers

    private boolean includes(String app) {
        return "all".equals(o.app()) || app.equals(o.app());
    }

    private double seconds(Instant t0) {
        return seconds(clock, t0);
    }

    static double seconds(Clock clock, Instant t0) {
        return Duration.between(t0, clock.instant()).toMillis() / 1000.0;
    }
}
