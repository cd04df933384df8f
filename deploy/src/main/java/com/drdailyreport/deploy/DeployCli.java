package com.drdailyreport.deploy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The deploy tool's command line: {@code bin/dr-deploy COMMAND …} (or, with Maven itself on a JDK
 * >= 21, {@code mvn -pl deploy exec:java -Dexec.args="COMMAND …"}). AWS clients use the SDK's
 * standard settings (region, credentials, {@code AWS_ENDPOINT_URL} and the service-specific
 * variants), so the tool runs unchanged against an emulator.
 */
@Command(name = "deploy-tool", mixinStandardHelpOptions = true, version = "0.1.0",
        description = "DR Daily Report deploy tool.",
        footer = {"", "Run one as: bin/dr-deploy COMMAND --help"},
        subcommands = {DeployCli.Deploy.class, DeployCli.Rollback.class, DeployCli.Verify.class, DeployCli.Status.class,
                DeployCli.Precompute.class, DeployCli.PublishMiniApp.class, DeployCli.Affected.class, CommandLine.HelpCommand.class})
public final class DeployCli implements Callable<Integer> {

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    DeployCli(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, out);
        return 2;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, Clock.systemUTC()));
    }

    /** Runs one command with this environment (the AWS settings, PATH, secrets with --secrets env) and streams. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        CommandLine cli = new CommandLine(new DeployCli(env, out, err, clock));
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        return cli.execute(args);
    }

    /** The repository: the folder holding deploy/functions.json, from the working directory upwards. */
    static Path findRepo(Path given) {
        Path start = (given != null ? given : Path.of("")).toAbsolutePath().normalize();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("deploy").resolve("functions.json"))) {
                return p;
            }
        }
        throw new IllegalArgumentException("no deploy/functions.json in " + start + " or above: run from the repository (or --repo DIR)");
    }

    /** Options every AWS command shares. */
    static final class Common {
        @Option(names = "--env", required = true, description = "dev, staging or prod")
        String env;

        @Option(names = "--json", description = "print the result as JSON on stdout (progress goes to stderr)")
        boolean json;

        @Option(names = "--repo", description = "the repository (default: found from the working directory)")
        Path repo;

        @Option(names = "--api-url", description = "the API's base URL for the health check (default: the environment's api_url)")
        String apiUrl;

        @Option(names = "--parallel", defaultValue = "4", description = "functions switched at once (default ${DEFAULT-VALUE})")
        int parallel;

        @Option(names = "--poll-interval", defaultValue = "PT1S",
                description = "FunctionUpdatedV2 waiter delay as an ISO-8601 duration (default ${DEFAULT-VALUE})")
        Duration pollInterval;

        @Option(names = "--update-timeout", defaultValue = "PT5M", description = "longest wait for one function update (default ${DEFAULT-VALUE})")
        Duration updateTimeout;

        void check() {
            if (!java.util.List.of("dev", "staging", "prod").contains(env)) {
                throw new IllegalArgumentException("--env must be dev, staging or prod, not '" + env + "'");
            }
            if (parallel < 1 || parallel > 16) {
                throw new IllegalArgumentException("--parallel must be between 1 and 16");
            }
        }
    }

    /** {@code --app}, checked once for every command that takes it. */
    static final class AppOption {
        @Option(names = "--app", defaultValue = "all", description = "telegram, line, scheduler or all (default ${DEFAULT-VALUE})")
        String name;

        String get() {
            if (!"all".equals(name) && !Manifest.APPS.contains(name)) {
                throw new IllegalArgumentException("--app must be telegram, line, scheduler or all");
            }
            return name;
        }
    }

    private int finish(Report report, boolean json) {
        if (json) {
            out.println(report.toJson());
        } else {
            report.printTable(out);
        }
        return report.exitCode;
    }

    /** A command run through {@link Operations}: options checked, the AWS clients opened, the report printed. */
    private int operate(Common common, String command, java.util.function.Function<Operations, Report> operation) {
        try {
            common.check();
            Path repo = findRepo(common.repo);
            try (Aws aws = new Aws(env)) {
                Report report = operation.apply(new Operations(common.env, repo, aws, console(common.json), clock, common.pollInterval,
                        common.updateTimeout, common.parallel));
                return finish(report, common.json);
            }
        } catch (IllegalArgumentException e) {
            err.println(command + ": " + e.getMessage());
            return 2;
        }
    }

    private Console console(boolean json) {
        return new Console(json ? err : out);
    }

    @Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Deploy an app to an environment: pre-flight (branch policy, clean tree, AWS account and region, secrets, "
                    + "every handler in the image layout), build and push the image with Jib, migrate through schema-migrator, "
                    + "update every function of the app by digest (FunctionUpdatedV2 waiter, resolved digest checked, live moved), "
                    + "Terraform, post-deploy validation, release record. A failure after code switched rolls back automatically."},
            footer = {"", Report.EXIT_CODES})
    static final class Deploy implements Callable<Integer> {
        @ParentCommand
        DeployCli parent;

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Mixin
        AppOption app = new AppOption();

        @Option(names = "--dry-run", description = "check, build and show the plan; push, switch and write nothing")
        boolean dryRun;

        @Option(names = "--push-only", description = "pre-flight and push only, then print the terraform commands (a new environment)")
        boolean pushOnly;

        @Option(names = "--trigger-precompute", description = "after validation, start a precompute run through precompute-controller")
        boolean triggerPrecompute;

        @Option(names = "--base-image", defaultValue = "public.ecr.aws/lambda/java:21",
                description = "base image (default ${DEFAULT-VALUE}); scratch for tests")
        String baseImage;

        @Option(names = "--push-to", description = "push to this HOST/REPO instead of ECR (functions still name the ECR repository)")
        String pushTo;

        @Option(names = "--secrets", defaultValue = "doppler", description = "doppler (its CLI) or env (this process's environment)")
        String secrets;

        @Option(names = "--doppler-config", description = "Doppler config (default: dev, stg, prd by environment)")
        String dopplerConfig;

        @Option(names = "--layout", description = "the image layout (default: image/target/lambda of the repository)")
        Path layout;

        @Override
        public Integer call() {
            try {
                common.check();
                if (!java.util.List.of("doppler", "env").contains(secrets)) {
                    throw new IllegalArgumentException("--secrets must be doppler or env");
                }
                Path repo = findRepo(common.repo);
                Path lay = layout != null ? layout.toAbsolutePath() : repo.resolve("image").resolve("target").resolve("lambda");
                Deployment.Options options = new Deployment.Options(common.env, app.get(), dryRun, pushOnly, triggerPrecompute, baseImage,
                        pushTo, secrets, dopplerConfig, repo, lay, common.apiUrl, common.parallel, common.pollInterval, common.updateTimeout);
                try (Aws aws = new Aws(parent.env)) {
                    Report report = new Deployment(options, parent.env, aws, parent.console(common.json), parent.clock).run();
                    return parent.finish(report, common.json);
                }
            } catch (IllegalArgumentException e) {
                parent.err.println("deploy: " + e.getMessage());
                return 2;
            }
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Restore the previous release of an environment (from its release records; after the first deploy, what the "
                    + "functions ran before it), or the one of --to DIGEST.",
            footer = {"", Report.EXIT_CODES})
    static final class Rollback implements Callable<Integer> {
        @ParentCommand
        DeployCli parent;

        @CommandLine.Mixin
        Common common = new Common();

        @Option(names = "--to", description = "the digest to go back to (sha256:…); default: the release before the current one")
        String to;

        @CommandLine.Mixin
        AppOption app = new AppOption();

        @Override
        public Integer call() {
            return parent.operate(common, "rollback", ops -> ops.rollback(app.get(), to, common.apiUrl));
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Post-deploy validation alone: health, logs, digests against the release record, and for the scheduler "
                    + "pattern-precompute, the state machine's fan-out and the 05:00 Bangkok schedule.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        DeployCli parent;

        @CommandLine.Mixin
        Common common = new Common();

        @CommandLine.Mixin
        AppOption app = new AppOption();

        @Option(names = "--log-window", defaultValue = "PT15M",
                description = "scan logs this far back, at most to the release's time (default ${DEFAULT-VALUE})")
        Duration logWindow;

        @Override
        public Integer call() {
            return parent.operate(common, "verify", ops -> ops.verify(app.get(), common.apiUrl, logWindow));
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "What each function of an environment runs now, beside its release record.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        DeployCli parent;

        @CommandLine.Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            try {
                common.check();
                Path repo = findRepo(common.repo);
                try (Aws aws = new Aws(parent.env)) {
                    parent.out.println(new Operations(common.env, repo, aws, parent.console(common.json), parent.clock, common.pollInterval,
                            common.updateTimeout, common.parallel).status(common.json));
                    return 0;
                }
            } catch (IllegalArgumentException e) {
                parent.err.println("status: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                parent.err.println("status failed: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "precompute", mixinStandardHelpOptions = true,
            description = "Start the full precompute through precompute-controller, or with --ticker run pattern-precompute and "
                    + "report-worker for one ticker, and print their results.")
    static final class Precompute implements Callable<Integer> {
        @ParentCommand
        DeployCli parent;

        @CommandLine.Mixin
        Common common = new Common();

        @Option(names = "--ticker", description = "one DR ticker, e.g. NVDA19")
        String ticker;

        @Override
        public Integer call() {
            return parent.operate(common, "precompute", ops -> ops.precompute(ticker));
        }
    }

    @Command(name = "affected-apps", mixinStandardHelpOptions = true,
            description = "Print the apps (one per line) that the change since --base touches; shared code, migrations, the build "
                    + "and infrastructure touch all of them.")
    static final class Affected implements Callable<Integer> {

        @ParentCommand
        DeployCli parent;

        @Option(names = "--base", required = true, description = "the revision the change is compared with (e.g. the last deployed commit)")
        String base;

        @Option(names = "--repo", defaultValue = ".", description = "the repository (default: the current directory)")
        java.nio.file.Path repo;

        @Override
        public Integer call() {
            try {
                java.nio.file.Path root = repo.toAbsolutePath();
                // mvn -pl deploy runs in deploy/: the repository is the folder holding the manifest
                if (!java.nio.file.Files.exists(root.resolve("deploy/functions.json")) && root.getParent() != null
                        && java.nio.file.Files.exists(root.getParent().resolve("deploy/functions.json"))) {
                    root = root.getParent();
                }
                AffectedApps.fromRepository(root).forPaths(AffectedApps.changedPaths(root, base)).forEach(parent.out::println);
                return 0;
            } catch (RuntimeException e) {
                parent.err.println("affected-apps failed: " + e.getMessage());
                return 1;
            }
        }
    }

    @Command(name = "publish-miniapp", mixinStandardHelpOptions = true,
            description = "Upload the Mini App page (as built in the miniapp module) to its S3 bucket and invalidate CloudFront.")
    static final class PublishMiniApp implements Callable<Integer> {

        @ParentCommand
        DeployCli parent;

        @Option(names = "--bucket", required = true, description = "the Mini App bucket (Terraform output miniapp_bucket)")
        String bucket;

        @Option(names = "--distribution", required = true, description = "the CloudFront distribution id (output cloudfront_distribution_id)")
        String distribution;

        @Option(names = "--api-base", defaultValue = "", description = "the API's origin the page calls (output api_url); empty = same origin")
        String apiBase;

        @Override
        public Integer call() {
            try (Aws aws = new Aws(parent.env)) {
                MiniAppPublisher.Result result = new MiniAppPublisher(aws.s3(), aws.cloudFront())
                        .publish(MiniAppSite.fromClasspath(DeployCli.class.getClassLoader()), bucket, distribution, apiBase);
                parent.out.printf("miniapp: %d uploaded, %d unchanged, %d deleted; %s%n", result.uploaded().size(),
                        result.unchanged().size(), result.deleted().size(),
                        result.invalidationId() == null ? "no invalidation needed" : "CloudFront invalidation " + result.invalidationId());
                result.uploaded().forEach(k -> parent.out.println("  uploaded " + k));
                result.deleted().forEach(k -> parent.out.println("  deleted  " + k));
                return 0;
            } catch (RuntimeException e) {
                parent.err.println("publish-miniapp failed: " + e.getMessage());
                return 1;
            }
        }
    }
}
