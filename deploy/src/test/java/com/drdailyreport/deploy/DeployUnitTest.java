package com.drdailyreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The deploy tool's pure parts: branch policy, manifest, digests, release records, endpoints, the command line. */
class DeployUnitTest {

    private static final Manifest MANIFEST = Manifest.read(repoRoot().resolve("deploy/functions.json"));

    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return here.resolve("deploy/functions.json").toFile().exists() ? here : here.getParent();
    }

    @Test
    void branchPolicy() {
        assertThat(BranchPolicy.violation("dev", "dev", List.of(), false)).isNull();
        assertThat(BranchPolicy.violation("dev", "main", List.of(), true)).contains("dev branch");
        assertThat(BranchPolicy.violation("staging", "main", List.of(), true)).isNull();
        assertThat(BranchPolicy.violation("staging", "dev", List.of(), false)).contains("main branch");
        assertThat(BranchPolicy.violation("staging", "", List.of(), true)).contains("detached HEAD");
        assertThat(BranchPolicy.violation("prod", "", List.of("v1.4.0"), true)).isNull();
        assertThat(BranchPolicy.violation("prod", "main", List.of(), true)).contains("no tag");
        assertThat(BranchPolicy.violation("prod", "", List.of("v1.4"), true)).contains("only [v1.4]");
        assertThat(BranchPolicy.violation("prod", "", List.of("v1.4.0-rc1"), true)).isNotNull();
        assertThat(BranchPolicy.violation("prod", "", List.of("v1.4.0"), false)).contains("not on main");
        assertThat(BranchPolicy.violation("qa", "dev", List.of(), false)).contains("unknown environment");
    }

    @Test
    void everyAppDeploysTheMigratorAndTheSchedulerAppDeploysPatternPrecompute() {
        for (String app : Manifest.APPS) {
            assertThat(MANIFEST.functionsOf(app)).extracting(Manifest.Function::name).contains(Manifest.MIGRATOR);
        }
        assertThat(MANIFEST.functionsOf("scheduler")).extracting(Manifest.Function::name)
                .contains("pattern-precompute", "ticker-scheduler", "precompute-controller", "get-ticker-list", "report-worker");
        assertThat(MANIFEST.functionsOf("telegram")).extracting(Manifest.Function::name).contains("telegram-api", "report-worker")
                .doesNotContain("line-bot");
        assertThat(MANIFEST.functionsOf("all")).hasSameSizeAs(MANIFEST.functions());
        assertThatThrownBy(() -> MANIFEST.functionsOf("web")).hasMessageContaining("unknown app");
        assertThat(MANIFEST.secretsFor("line")).contains("TF_VAR_line_channel_secret", "TF_VAR_telegram_bot_token");
        assertThat(MANIFEST.function("telegram-api").functionName("staging")).isEqualTo("dr-daily-report-telegram-api-staging");
    }

    @Test
    void digestsInImageUris() {
        String d = "sha256:" + "ab".repeat(32);
        assertThat(Digests.of("123.dkr.ecr.ap-southeast-1.amazonaws.com/dr@" + d)).isEqualTo(d);
        assertThat(Digests.of("123.dkr.ecr.ap-southeast-1.amazonaws.com/dr:latest")).isNull();
        assertThat(Digests.of("x/y@sha256@sha256:" + "ab".repeat(32))).as("moto's invented form is still read by its last digest").isEqualTo(d);
        assertThat(Digests.pin("localhost:5000/dr-daily-report:release-1", d)).isEqualTo("localhost:5000/dr-daily-report@" + d);
        assertThat(Digests.pin("123.dkr.ecr.x.amazonaws.com/dr@sha256:" + "0".repeat(64), d)).isEqualTo("123.dkr.ecr.x.amazonaws.com/dr@" + d);
        assertThat(Digests.shortForm(d)).isEqualTo("abababababab");
    }

    @Test
    void releaseRecordsRoundTripWithWhatRanBefore() {
        String d1 = "sha256:" + "1".repeat(64);
        String d2 = "sha256:" + "2".repeat(64);
        Release r = new Release(d2, "abc", "2026-11-29T12:00+07:00", "deploy", "all",
                Map.of("telegram-api", new Release.FunctionState("repo@" + d2, "7")),
                Map.of("telegram-api", new Release.FunctionState("repo@" + d1, "6")));
        Release back = Release.fromJson(r.toJson());
        assertThat(back).isEqualTo(r);
        assertThat(back.functions().get("telegram-api").digest()).isEqualTo(d2);
        assertThat(back.previous().get("telegram-api")).isEqualTo(new Release.FunctionState("repo@" + d1, "6"));
        // a record written before records kept what ran before them
        Release older = Release.fromJson("{\"digest\":\"" + d1 + "\",\"kind\":\"deploy\",\"functions\":{\"telegram-api\":{\"image_uri\":\"repo@" + d1 + "\"}}}");
        assertThat(older.previous()).isEmpty();
        assertThat(older.before()).isNull();
    }

    @Test
    void theTimelineOfAFirstReleaseEndsWithWhatRanBeforeIt() {
        String old = "sha256:" + "1".repeat(64);
        String first = "sha256:" + "a".repeat(64);
        Map<String, Release.FunctionState> before = new java.util.LinkedHashMap<>();
        before.put("telegram-api", new Release.FunctionState("repo@" + old, "1"));
        before.put("report-worker", new Release.FunctionState("repo@" + old, null));
        before.put("line-bot", new Release.FunctionState("repo@sha256:" + "9".repeat(64), "3"));
        Release release = new Release(first, "c1", "2026-11-29T12:00+07:00", "deploy", "all",
                Map.of("telegram-api", new Release.FunctionState("repo@" + first, "2")), before);

        List<Release> timeline = Release.timeline(List.of(release));

        assertThat(timeline).hasSize(2);
        assertThat(timeline.get(0)).isSameAs(release);
        Release previous = timeline.get(1);
        assertThat(previous.kind()).isEqualTo("before");
        assertThat(previous.digest()).as("the digest most functions ran").isEqualTo(old);
        assertThat(previous.functions()).isEqualTo(before);
    }

    @Test
    void aHealthCheckThatCannotConnectSaysWhy() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Validator.Check check = new Validator(null, null, "dev").health("http://127.0.0.1:" + port);
        assertThat(check.ok()).isFalse();
        assertThat(check.detail()).contains("GET http://127.0.0.1:" + port + "/api/v1/health failed: ", "ConnectException")
                .doesNotContain("null");
    }

    /**
     * terraform/ecr.tf's lifecycle policy against the tags the tool gives: ECR never expires an image
     * a higher-priority rule's tag selection matches, so the rule selecting release tags must come
     * before every rule that expires by age, and builds must expire.
     */
    @Test
    void theEcrLifecyclePolicyKeepsWhatTheToolTagsReleasedAndExpiresItsOtherBuilds() throws Exception {
        String tf = java.nio.file.Files.readString(repoRoot().resolve("terraform/ecr.tf"));
        String policy = tf.substring(tf.indexOf("resource \"aws_ecr_lifecycle_policy\""));
        policy = policy.substring(0, policy.indexOf("\n}\n"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rulePriority\\s*=\\s*(\\d+)(.*?)action\\s*=\\s*\\{\\s*type\\s*=\\s*\"(\\w+)\"",
                java.util.regex.Pattern.DOTALL).matcher(policy);
        record Rule(int priority, String status, String prefix, String countType, long count, String action) {
        }
        List<Rule> rules = new java.util.ArrayList<>();
        while (m.find()) {
            String body = m.group(2);
            rules.add(new Rule(Integer.parseInt(m.group(1)), field(body, "tagStatus"), field(body, "tagPrefixList"), field(body, "countType"),
                    Long.parseLong(field(body, "countNumber")), m.group(3)));
        }
        assertThat(rules).hasSizeGreaterThanOrEqualTo(3);
        Rule release = rules.stream().filter(r -> EcrImages.RELEASE_TAG_PREFIX.equals(r.prefix())).findFirst().orElseThrow();
        Rule build = rules.stream().filter(r -> EcrImages.BUILD_TAG_PREFIX.equals(r.prefix())).findFirst().orElseThrow();
        Rule untagged = rules.stream().filter(r -> "untagged".equals(r.status())).findFirst().orElseThrow();
        assertThat(release.countType()).as("released images are kept: no age limit").isEqualTo("imageCountMoreThan");
        assertThat(release.count()).isGreaterThanOrEqualTo(10_000);
        assertThat(rules).filteredOn(r -> r != release && r.action().equals("expire"))
                .allSatisfy(r -> assertThat(r.priority()).as("rule " + r.priority() + " comes after the release rule").isGreaterThan(release.priority()));
        assertThat(build.countType()).isEqualTo("sinceImagePushed");
        assertThat(build.count()).isEqualTo(14);
        assertThat(untagged.countType()).isEqualTo("sinceImagePushed");
        assertThat(EcrImages.RELEASE_TAG_PREFIX).as("a build tag never matches the release prefix").doesNotStartWith(EcrImages.BUILD_TAG_PREFIX);
    }

    /** One setting of an HCL object ({@code name = "value"}, {@code name = ["value"]} or {@code name = 14}), unquoted; null when absent. */
    private static String field(String hcl, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(name + "\\s*=\\s*\\[?\\s*\"?([^\"\\]\\n]*)\"?\\s*\\]?").matcher(hcl);
        return m.find() ? m.group(1).strip() : null;
    }

    @Test
    void endpointsFollowTheSdkNames() {
        Map<String, String> env = Map.of("AWS_REGION", "ap-southeast-1", "AWS_ACCESS_KEY_ID", "a", "AWS_SECRET_ACCESS_KEY", "b",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000", "AWS_ENDPOINT_URL_LAMBDA", "http://127.0.0.1:6000",
                "AWS_ENDPOINT_URL_CLOUDWATCH_LOGS", "http://127.0.0.1:7000");
        try (Aws aws = new Aws(env)) {
            assertThat(aws.endpoint("Lambda")).isEqualTo("http://127.0.0.1:6000");
            assertThat(aws.endpoint("CloudWatch Logs")).isEqualTo("http://127.0.0.1:7000");
            assertThat(aws.endpoint("SSM")).isEqualTo("http://127.0.0.1:5000");
            assertThat(aws.customEndpoints()).isTrue();
            assertThat(aws.region().id()).isEqualTo("ap-southeast-1");
        }
        try (Aws aws = new Aws(Map.of("AWS_REGION", "ap-southeast-1", "AWS_ENDPOINT_URL", "http://x", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"))) {
            assertThat(aws.endpoint("SSM")).isNull();
            assertThat(aws.customEndpoints()).isFalse();
        }
    }

    @Test
    void secretsAreCheckedWithoutEchoingValues() {
        Secrets s = Secrets.fromEnvironment(Map.of("A", "real-value", "B", " ", "C", "my-Placeholder-token"));
        assertThat(s.problems(List.of("A", "B", "C", "D"))).containsExactly("B is empty", "C is a placeholder", "D is not set");
        assertThat(String.join(" ", s.problems(List.of("C")))).doesNotContain("my-Placeholder-token");
        assertThat(Secrets.dopplerConfig("staging")).isEqualTo("stg");
        assertThat(Secrets.dopplerConfig("prod")).isEqualTo("prd");
    }

    private static String[] run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = DeployCli.run(args, Map.of("PATH", "/usr/bin:/bin", "AWS_REGION", "ap-southeast-1"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void everyCommandHasHelpAndBadOptionsAreUsageErrors() {
        for (String command : List.of("deploy", "rollback", "verify", "status", "precompute", "publish-miniapp", "affected-apps")) {
            String[] r = run(command, "--help");
            assertThat(r[0]).as(command).isEqualTo("0");
            assertThat(r[1]).as(command).contains("Usage:", command);
        }
        assertThat(run("deploy", "--help")[1]).contains("--dry-run", "--push-to", "--base-image", "--trigger-precompute", "Exit codes");
        String[] noEnv = run("deploy");
        assertThat(noEnv[0]).isEqualTo("2");
        assertThat(noEnv[2]).contains("--env");
        String[] badEnv = run("deploy", "--env", "qa");
        assertThat(badEnv[0]).isEqualTo("2");
        assertThat(badEnv[2]).contains("dev, staging or prod");
        String[] badApp = run("deploy", "--env", "dev", "--app", "web");
        assertThat(badApp[0]).isEqualTo("2");
        assertThat(badApp[2]).contains("--app");
        assertThat(run("rollback", "--env", "dev", "--parallel", "0")[0]).isEqualTo("2");
    }
}
