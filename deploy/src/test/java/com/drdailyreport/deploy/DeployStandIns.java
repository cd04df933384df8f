package com.drdailyreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.image.LoopbackRegistry;
import com.drdailyreport.image.Tools;
import com.drdailyreport.shared.testing.MotoServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.PackageType;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;
import software.amazon.awssdk.services.scheduler.model.ScheduleState;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Everything a deploy talks to, on loopback: moto_server (Lambda, ECR, STS, SSM, Logs, Step
 * Functions, Scheduler, S3, CloudFront), Debian's docker-registry, the {@link LambdaFake} in front
 * of moto's Lambda, the {@link EcrFake} in front of moto's ECR (whose images are those of the
 * registry repository the deploys push to), and a stand-in for API Gateway's {@code /api/v1/health}
 * (the deployed function cannot run inside moto). {@link #seed()} creates what Terraform would have
 * created for dev, with the functions and the Mini App page of an earlier release; {@link #repository}
 * a git checkout of the dev branch with the manifest.
 */
final class DeployStandIns implements AutoCloseable {

    static final String REGION = "ap-southeast-1";
    static final String ENV = "dev";
    static final String ACCOUNT = MotoServer.ACCOUNT;
    static final String ECR_REPOSITORY = "dr-daily-report-dev";
    static final String ECR_URL = ACCOUNT + ".dkr.ecr." + REGION + ".amazonaws.com/" + ECR_REPOSITORY;
    /** What every function ran before the deploys under test (an earlier release). */
    static final String OLD_DIGEST = "sha256:" + "1".repeat(64);
    static final String SCHEDULE = "dr-daily-report-daily-ticker-fetch-dev";
    static final String STATE_MACHINE = "dr-daily-report-precompute-workflow-dev";
    static final String BUCKET = "dr-daily-report-miniapp-dev";
    /** The Mini App page an earlier release published (what the bucket holds before the deploys under test). */
    static final Map<String, String> EARLIER_PAGE = Map.of(
            "index.html", "<!doctype html><title>DR Daily Report (earlier release)</title>",
            "config.js", "window.DR_CONFIG = Object.assign({apiBase: 'https://earlier.execute-api.ap-southeast-1.amazonaws.com'}, window.DR_CONFIG || {});",
            "app.js", "// the earlier release's page\n",
            "earlier-only.js", "// a file the new page no longer has\n");

    final MotoServer moto;
    final LoopbackRegistry registry;
    final LambdaFake fake;
    final EcrFake ecr;
    final HttpServer api;
    final Manifest manifest;
    final Path repoRoot;

    /** What the health stand-in answers: HTTP status and body. */
    final AtomicInteger healthStatus = new AtomicInteger(200);
    final AtomicReference<String> healthBody = new AtomicReference<>("{\"status\":\"ok\",\"database\":\"ok\"}");
    /** Run on every health request (e.g. a function logging an ERROR as it serves it). */
    final AtomicReference<Runnable> onHealth = new AtomicReference<>(() -> { });
    /** When set, what the API answers (status and body) while telegram-api's live alias runs a new release, not {@link #OLD_DIGEST}. */
    final AtomicReference<Map.Entry<Integer, String>> healthWhileNew = new AtomicReference<>();
    final AtomicInteger healthRequests = new AtomicInteger();

    final LambdaClient lambda;
    final SsmClient ssm;
    final CloudWatchLogsClient logs;
    String distributionId;

    private DeployStandIns(MotoServer moto, LoopbackRegistry registry) throws IOException {
        this.moto = moto;
        this.registry = registry;
        this.fake = new LambdaFake(moto.endpoint());
        this.ecr = new EcrFake(moto.endpoint(), registry.host());
        this.api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/v1/health", exchange -> {
            try (exchange) {
                healthRequests.incrementAndGet();
                onHealth.get().run();
                Map.Entry<Integer, String> whileNew = healthWhileNew.get();
                boolean asNew = whileNew != null && newReleaseLive();
                byte[] body = (asNew ? whileNew.getValue() : healthBody.get()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(asNew ? whileNew.getKey() : healthStatus.get(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        api.start();
        this.repoRoot = Tools.targetDir().getParent().getParent();
        this.manifest = Manifest.read(repoRoot.resolve("deploy").resolve("functions.json"));
        this.lambda = LambdaClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.ssm = SsmClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
        this.logs = CloudWatchLogsClient.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION)).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    static DeployStandIns start() throws Exception {
        LoopbackRegistry registry = LoopbackRegistry.start();
        MotoServer moto = MotoServer.start();
        return new DeployStandIns(moto, registry);
    }

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
    }

    String apiUrl() {
        return "http://127.0.0.1:" + api.getAddress().getPort();
    }

    private final AtomicInteger seeds = new AtomicInteger();
    private String pushRepository = ECR_REPOSITORY;

    /** HOST/REPO of the loopback registry the deploys under test push to. */
    String pushTo() {
        return registry.host() + "/" + pushRepository;
    }

    /** The image layout the image module laid out (the reactor builds it before this module). */
    Path layout() {
        Path layout = repoRoot.resolve("image").resolve("target").resolve("lambda");
        assertThat(layout.resolve("lib")).as("image/target/lambda (mvn package of the image module)").isDirectory();
        return layout;
    }

    /** A fresh moto (everything deleted) with what Terraform creates for dev, the functions on {@link #OLD_DIGEST}. */
    void seed() throws Exception {
        post("/moto-api/reset", "");
        // moto runs Lambda invocations without Docker: answers come from the queue filled by queueInvocationResults
        post("/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
        fake.reset();
        healthStatus.set(200);
        healthBody.set("{\"status\":\"ok\",\"database\":\"ok\"}");
        onHealth.set(() -> { });
        healthWhileNew.set(null);
        healthRequests.set(0);
        // a registry repository of its own per test: what one test pushed is not already there for the next
        pushRepository = ECR_REPOSITORY + "-" + seeds.incrementAndGet();
        // ECR's images are those the deploys push to the loopback registry
        ecr.reset();
        ecr.backs(ECR_REPOSITORY, pushRepository);
        var region = Region.of(REGION);
        try (IamClient iam = IamClient.builder().endpointOverride(moto.endpoint()).region(Region.AWS_GLOBAL).credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
             EcrClient ecr = EcrClient.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(credentials())
                     .httpClient(UrlConnectionHttpClient.create()).build();
             SfnClient sfn = SfnClient.builder().endpointOverride(moto.endpoint()).region(region).credentialsProvider(credentials())
                     .httpClient(UrlConnectionHttpClient.create()).build();
             SchedulerClient scheduler = SchedulerClient.builder().endpointOverride(moto.endpoint()).region(region)
                     .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build();
             var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(moto.endpoint()).region(region)
                     .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build();
             var cloudFront = software.amazon.awssdk.services.cloudfront.CloudFrontClient.builder().endpointOverride(moto.endpoint())
                     .region(Region.AWS_GLOBAL).credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).build()) {
            String role = iam.createRole(b -> b.roleName("dr-daily-report-lambda-dev").assumeRolePolicyDocument("{}")).role().arn();
            ecr.createRepository(b -> b.repositoryName(ECR_REPOSITORY));
            for (Manifest.Function f : manifest.functions()) {
                String name = f.functionName(ENV);
                lambda.createFunction(b -> b.functionName(name).role(role).packageType(PackageType.IMAGE)
                        .code(c -> c.imageUri(ECR_URL + "@" + OLD_DIGEST)).imageConfig(i -> i.command(f.handler()))
                        .timeout(30).memorySize(512));
                if (f.liveAlias()) {
                    String v = lambda.publishVersion(b -> b.functionName(name)).version();
                    lambda.createAlias(b -> b.functionName(name).name("live").functionVersion(v));
                }
            }
            String definition = Files.readString(repoRoot.resolve("terraform/step_functions/precompute_workflow.json"));
            String machine = sfn.createStateMachine(b -> b.name(STATE_MACHINE).definition(definition).roleArn(role)).stateMachineArn();
            scheduler.createSchedule(b -> b.name(SCHEDULE).groupName("default").scheduleExpression("cron(0 5 * * ? *)")
                    .scheduleExpressionTimezone("Asia/Bangkok").flexibleTimeWindow(w -> w.mode(FlexibleTimeWindowMode.OFF))
                    .state(ScheduleState.ENABLED).target(t -> t.arn("arn:aws:lambda:" + REGION + ":" + ACCOUNT
                            + ":function:dr-daily-report-ticker-scheduler-dev").roleArn(role).input("{}")));
            s3.createBucket(b -> b.bucket(BUCKET).createBucketConfiguration(c -> c.locationConstraint(REGION)));
            s3.putBucketVersioning(b -> b.bucket(BUCKET).versioningConfiguration(v -> v.status(
                    software.amazon.awssdk.services.s3.model.BucketVersioningStatus.ENABLED)));
            EARLIER_PAGE.forEach((key, text) -> s3.putObject(b -> b.bucket(BUCKET).key(key).contentType(MiniAppPublisher.contentType(key))
                    .cacheControl(MiniAppPublisher.cacheControl(key)), software.amazon.awssdk.core.sync.RequestBody.fromString(text)));
            distributionId = miniAppDistribution(cloudFront, BUCKET);
            String descriptor = new ObjectMapper().createObjectNode()
                    .put("api_url", "https://abc123.execute-api." + REGION + ".amazonaws.com")
                    .put("ecr_repository_url", ECR_URL).put("precompute_workflow_arn", machine)
                    .put("schedule_name", SCHEDULE).put("schedule_group", "default")
                    .put("miniapp_bucket", BUCKET).put("cloudfront_distribution_id", distributionId).toString();
            ssm.putParameter(b -> b.name("/dr-daily-report/dev/deploy/environment").type(ParameterType.STRING).value(descriptor));
        }
    }

    /** Queues what moto's Docker-less Lambda answers to the next invocations, in order. */
    void queueInvocationResults(String... payloads) throws Exception {
        var json = new ObjectMapper().createObjectNode().put("region", REGION).put("account_id", ACCOUNT);
        var results = json.putArray("results");
        for (String p : payloads) {
            results.add(p);
        }
        post("/moto-api/static/lambda-simple/response", json.toString());
    }

    /** The migrator's answer (the shape MigrateHandler returns). */
    static String migrated() {
        return "{\"status\":\"ok\",\"action\":\"migrate\",\"current_version\":\"20\",\"applied\":[\"20\"],\"pending\":[]}";
    }

    private void post(String path, String body) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(moto.endpoint().resolve(path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as("moto " + path + ": " + r.body()).isBetween(200, 299);
        }
    }

    /** A git checkout on {@code branch} holding the manifest and the dev tfvars, committed and clean. */
    Path repository(Path dir, String branch) throws Exception {
        Files.createDirectories(dir.resolve("deploy"));
        Files.copy(repoRoot.resolve("deploy/functions.json"), dir.resolve("deploy/functions.json"));
        Files.createDirectories(dir.resolve("terraform/envs"));
        Files.copy(repoRoot.resolve("terraform/envs/dev.tfvars"), dir.resolve("terraform/envs/dev.tfvars"));
        Files.writeString(dir.resolve(".gitignore"), "deploy/target/\n");
        git(dir, "init", "-q", "-b", branch);
        git(dir, "add", "-A");
        git(dir, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "-m", "release");
        return dir;
    }

    static String git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("git " + args[0] + ": " + out).isZero();
        return out.strip();
    }

    /** The environment the deploy tool runs with: moto for AWS, the fake for Lambda, the secrets, no terraform on PATH. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_LAMBDA", fake.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_ECR", ecr.endpoint().toString());
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        env.put("PATH", "/usr/bin:/bin");
        env.put("TF_VAR_telegram_bot_token", "123456:telegram-test-token");
        env.put("TF_VAR_line_channel_secret", "line-test-secret");
        env.put("TF_VAR_line_channel_access_token", "line-test-access-token");
        return env;
    }

    /** One run of the command line, as {@code mvn -pl deploy exec:java -Dexec.args=…} would run it. */
    record Run(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr:\n" + err, e);
            }
        }
    }

    Run run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = DeployCli.run(args, env, o, e, Clock.systemUTC());
        }
        Run run = new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("---- " + String.join(" ", args) + " → exit " + exit + "\n" + run.err() + run.out());
        return run;
    }

    /** {@code deploy --env dev} with the stand-ins (scratch base, loopback registry, env secrets, fast polling) plus {@code extra}. */
    Run deploy(Path repo, String... extra) {
        return deploy(environment(), repo, layout(), extra);
    }

    /** The same with another environment (PATH, secrets) and image layout. */
    Run deploy(Map<String, String> env, Path repo, Path layout, String... extra) {
        return deployTo(pushTo(), env, repo, layout, extra);
    }

    /** The same, pushing to {@code pushTo} (HOST/REPO). */
    Run deployTo(String pushTo, Map<String, String> env, Path repo, Path layout, String... extra) {
        List<String> args = new ArrayList<>(List.of("deploy", "--env", ENV, "--base-image", "scratch", "--push-to", pushTo,
                "--secrets", "env", "--api-url", apiUrl(), "--repo", repo.toString(), "--layout", layout.toString(),
                "--poll-interval", "PT0.05S", "--update-timeout", "PT20S", "--json"));
        args.addAll(List.of(extra));
        return run(env, args.toArray(String[]::new));
    }

    /** A copy of a directory tree (an image layout to change without touching the build's). */
    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** The Mini App's CloudFront distribution in front of {@code bucket}, as moto accepts it; its id. */
    static String miniAppDistribution(software.amazon.awssdk.services.cloudfront.CloudFrontClient cloudFront, String bucket) {
        return cloudFront.createDistribution(b -> b.distributionConfig(c -> c
                .callerReference("miniapp-" + bucket).comment("Mini App " + bucket).enabled(true).defaultRootObject("index.html")
                .origins(o -> o.quantity(1).items(i -> i.id("miniapp").domainName(bucket + ".s3.amazonaws.com")
                        .s3OriginConfig(s3 -> s3.originAccessIdentity(""))))
                .defaultCacheBehavior(d -> d.targetOriginId("miniapp")
                        .viewerProtocolPolicy(software.amazon.awssdk.services.cloudfront.model.ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .minTTL(0L).forwardedValues(fv -> fv.queryString(false).cookies(k -> k.forward("none"))))))
                .distribution().id();
    }

    /** Function (manifest name) → what moto says it runs: $LATEST image URI and, for alias functions, live's version and image. */
    Map<String, String> functionState() {
        Map<String, String> state = new LinkedHashMap<>();
        for (Manifest.Function f : manifest.functions()) {
            String name = f.functionName(ENV);
            var fn = lambda.getFunction(b -> b.functionName(name));
            String s = fn.code().imageUri();
            if (f.liveAlias()) {
                String v = lambda.getAlias(b -> b.functionName(name).name("live")).functionVersion();
                s += " live=" + v + ":" + lambda.getFunction(b -> b.functionName(name).qualifier(v)).code().imageUri();
            }
            state.put(f.name(), s);
        }
        return state;
    }

    /** Whether telegram-api's live alias runs something other than {@link #OLD_DIGEST} (a release under test). */
    boolean newReleaseLive() {
        String name = manifest.function("telegram-api").functionName(ENV);
        String v = lambda.getAlias(b -> b.functionName(name).name("live")).functionVersion();
        return !lambda.getFunction(b -> b.functionName(name).qualifier(v)).code().imageUri().endsWith(OLD_DIGEST);
    }

    /** The Mini App bucket now: key → content, with each object's type and cache header. */
    Map<String, String> page() {
        Map<String, String> page = new java.util.TreeMap<>();
        try (var s3 = software.amazon.awssdk.services.s3.S3Client.builder().endpointOverride(moto.endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials()).httpClient(UrlConnectionHttpClient.create()).forcePathStyle(true).build()) {
            for (var o : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents()) {
                var object = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key()));
                page.put(o.key(), object.response().contentType() + " | " + object.response().cacheControl() + " | "
                        + object.asString(StandardCharsets.UTF_8));
            }
        }
        return page;
    }

    /** The tags of a repository of the loopback registry (its HTTP API). */
    List<String> registryTags(String repository) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://" + registry.host() + "/v2/" + repository + "/tags/list"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<String> tags = new ArrayList<>();
            new ObjectMapper().readTree(r.body()).path("tags").forEach(t -> tags.add(t.asText()));
            return tags;
        }
    }

    /** The registry repository the deploys push to (ECR's images). */
    String pushRepository() {
        return pushRepository;
    }

    /** Everything a deploy could change in moto, for before/after comparisons. */
    String snapshot() {
        StringBuilder s = new StringBuilder();
        for (Manifest.Function f : manifest.functions()) {
            String name = f.functionName(ENV);
            var c = lambda.getFunction(b -> b.functionName(name)).configuration();
            s.append(name).append(' ').append(c.codeSha256()).append(' ').append(c.lastModified()).append(' ').append(c.revisionId()).append('\n');
            lambda.listVersionsByFunction(b -> b.functionName(name)).versions()
                    .forEach(v -> s.append("  version ").append(v.version()).append(' ').append(v.codeSha256()).append('\n'));
            lambda.listAliases(b -> b.functionName(name)).aliases()
                    .forEach(a -> s.append("  alias ").append(a.name()).append(" → ").append(a.functionVersion()).append('\n'));
        }
        ssm.describeParameters(b -> { }).parameters()
                .forEach(p -> s.append("ssm ").append(p.name()).append(" v").append(p.version()).append('\n'));
        return s.toString();
    }

    @Override
    public void close() throws Exception {
        api.stop(0);
        fake.close();
        ecr.close();
        lambda.close();
        ssm.close();
        logs.close();
        moto.close();
        registry.close();
    }
}
