package com.drdailyreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.image.Tools;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy} end to end against the stand-ins: a real registry (Debian's docker-registry,
 * digests read back with skopeo), moto_server for every AWS API, and the small Lambda fake in
 * front of moto for update states and resolved digests moto cannot produce.
 */
class DeployIT {

    private static DeployStandIns standIns;

    @TempDir
    Path tmp;

    private Path repo;

    @BeforeAll
    static void start() throws Exception {
        standIns = DeployStandIns.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (standIns != null) {
            standIns.close();
        }
    }

    @BeforeEach
    void freshEnvironment() throws Exception {
        standIns.seed();
        repo = standIns.repository(tmp.resolve("checkout"), "dev");
    }

    private static List<String> names(JsonNode rows, String status) {
        List<String> names = new ArrayList<>();
        rows.forEach(r -> {
            if (status == null || status.equals(r.path("status").asText())) {
                names.add(r.path("name").asText());
            }
        });
        return names;
    }

    @Test
    void deployPushesOneImageAndEveryFunctionRunsTheDigestTheRegistryHolds_thenANoChangeDeployPushesAndChangesNothing() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        int blobsBefore = standIns.registry.uploadedBlobs().size();

        DeployStandIns.Run first = standIns.deploy(repo);

        assertThat(first.exit()).as(first.err()).isZero();
        JsonNode r = first.json();
        assertThat(r.path("status").asText()).isEqualTo("ok");
        assertThat(r.path("outcome").asText()).isEqualTo("ok");
        String digest = r.path("digest").asText();
        assertThat(digest).matches("sha256:[0-9a-f]{64}");
        assertThat(r.path("commit").asText()).isEqualTo(DeployStandIns.git(repo, "rev-parse", "HEAD"));
        String pushed = r.path("pushed_to").asText();
        assertThat(pushed).as("every push is tagged build-*: the lifecycle policy expires it unless it is released")
                .startsWith(standIns.pushTo() + ":build-");
        String registryDigest = Tools.skopeoDigest(pushed);
        assertThat(registryDigest).as("the digest the registry reports").isEqualTo(digest);

        // every function — pattern-precompute and schema-migrator included — and every live alias runs that digest,
        // named in the ECR repository (not the registry it was pushed to)
        String expectedUri = DeployStandIns.ECR_URL + "@" + registryDigest;
        Map<String, String> state = standIns.functionState();
        assertThat(state).containsOnlyKeys(standIns.manifest.functions().stream().map(Manifest.Function::name).toArray(String[]::new));
        state.forEach((name, s) -> {
            assertThat(s).as(name).startsWith(expectedUri);
            if (standIns.manifest.function(name).liveAlias()) {
                assertThat(s).as(name + " live").endsWith(":" + expectedUri).doesNotContain("live=1:");
            }
        });
        assertThat(names(r.path("functions"), "updated")).containsExactlyInAnyOrderElementsOf(
                standIns.manifest.functions().stream().map(Manifest.Function::name).filter(n -> !n.equals(Manifest.MIGRATOR)).toList());
        assertThat(names(r.path("functions"), "migrated")).containsExactly(Manifest.MIGRATOR);
        r.path("functions").forEach(f -> {
            assertThat(f.path("old_digest").asText()).isEqualTo(DeployStandIns.OLD_DIGEST);
            assertThat(f.path("new_digest").asText()).isEqualTo(digest);
        });
        // the migrator was switched first and invoked before any other function was touched
        assertThat(standIns.fake.updates.get(0)[0]).isEqualTo("dr-daily-report-schema-migrator-dev");

        // phases in runbook order; Terraform said plainly that it did not run, with the command
        assertThat(r.path("phases").findValuesAsText("name")).containsExactly("pre-flight", "build and push", "migrate",
                "update functions", "mini app", "terraform", "post-deploy validation", "release record", "release tag");
        JsonNode terraform = r.path("phases").get(5);
        assertThat(terraform.path("status").asText()).isEqualTo("not-run");
        assertThat(terraform.path("detail").asText()).contains("terraform is not installed", "apply", "-var-file=");
        Path varFile = repo.resolve("deploy/target/release-dev.tfvars.json");
        assertThat(Files.readString(varFile)).contains("\"image_digest\" : \"" + digest + "\"");

        // validation ran against the stand-ins
        assertThat(r.path("checks").findValuesAsText("name")).contains("health", "logs", "digest telegram-api", "digest pattern-precompute",
                "pattern-precompute exists", "state machine", "schedule");
        r.path("checks").forEach(c -> assertThat(c.path("ok").asBoolean()).as(c.toString()).isTrue());
        assertThat(standIns.healthRequests.get()).isPositive();

        // the release record
        Release release = Release.current(standIns.ssm, "dev");
        assertThat(release.digest()).isEqualTo(digest);
        assertThat(release.commit()).isEqualTo(r.path("commit").asText());
        assertThat(release.functions().get("telegram-api").liveVersion()).isNotEqualTo("1");
        assertThat(release.functions().values()).allSatisfy(s -> assertThat(s.imageUri()).isEqualTo(expectedUri));
        // … with what each function ran before it (the seeded earlier release: live on version 1)
        assertThat(release.previous()).containsOnlyKeys(state.keySet().toArray(String[]::new));
        assertThat(release.previous().values()).allSatisfy(s -> assertThat(s.digest()).isEqualTo(DeployStandIns.OLD_DIGEST));
        assertThat(release.previous().get("telegram-api").liveVersion()).isEqualTo("1");

        // the released digest got its release-* tag in ECR (the registry behind the ECR fake); the build tag stays
        List<String> tags = standIns.registryTags(standIns.pushRepository());
        assertThat(tags).filteredOn(t -> t.startsWith("release-")).hasSize(1);
        String releaseTag = tags.stream().filter(t -> t.startsWith("release-")).findFirst().orElseThrow();
        assertThat(Tools.skopeoDigest(standIns.pushTo() + ":" + releaseTag)).isEqualTo(digest);
        assertThat(r.path("phases").get(8).path("detail").asText()).endsWith(":" + releaseTag);
        long releaseVersion = standIns.ssm.getParameter(b -> b.name(Release.parameterName("dev"))).parameter().version();

        // the Mini App went to its bucket
        assertThat(r.path("phases").get(4).path("detail").asText()).contains("uploaded");

        // ---- the same commit again: no new layer, no digest change, no function touched
        Map<String, String> stateAfterFirst = standIns.functionState();
        int blobsAfterFirst = standIns.registry.uploadedBlobs().size();
        assertThat(blobsAfterFirst).as("the first push uploaded the layers").isGreaterThan(blobsBefore);
        int updatesAfterFirst = standIns.fake.updates.size();
        int aliasUpdatesAfterFirst = standIns.fake.aliasUpdates.size();
        standIns.queueInvocationResults(DeployStandIns.migrated(), "{\"status\":\"ok\",\"execution_arn\":\"arn:aws:states:run-1\"}");

        DeployStandIns.Run second = standIns.deploy(repo, "--trigger-precompute");

        assertThat(second.exit()).as(second.err()).isZero();
        JsonNode r2 = second.json();
        assertThat(r2.path("digest").asText()).isEqualTo(digest);
        assertThat(standIns.registry.uploadedBlobs()).as("no blob uploaded by the second deploy").hasSize(blobsAfterFirst);
        assertThat(standIns.functionState()).isEqualTo(stateAfterFirst);
        assertThat(standIns.fake.updates).as("no UpdateFunctionCode").hasSize(updatesAfterFirst);
        assertThat(standIns.fake.aliasUpdates).as("no UpdateAlias").hasSize(aliasUpdatesAfterFirst);
        assertThat(standIns.ssm.getParameter(b -> b.name(Release.parameterName("dev"))).parameter().version())
                .as("no new release record").isEqualTo(releaseVersion);
        JsonNode record = r2.path("phases").get(7);
        assertThat(record.path("name").asText()).isEqualTo("release record");
        assertThat(record.path("status").asText()).isEqualTo("unchanged");
        assertThat(r2.path("phases").findValuesAsText("name")).doesNotContain("release tag");
        assertThat(standIns.registryTags(standIns.pushRepository())).filteredOn(t -> t.startsWith("release-")).containsExactly(releaseTag);
        assertThat(names(r2.path("functions"), "unchanged")).hasSize(standIns.manifest.functions().size() - 1);
        JsonNode started = r2.path("checks").get(r2.path("checks").size() - 1);
        assertThat(started.path("name").asText()).isEqualTo("precompute started");
        assertThat(started.path("ok").asBoolean()).isTrue();
        assertThat(started.path("detail").asText()).contains("arn:aws:states:run-1");
    }

    @Test
    void aDryRunChecksBuildsAndPlansButChangesNothing() throws Exception {
        String before = standIns.snapshot();
        Map<String, String> state = standIns.functionState();
        int blobs = standIns.registry.uploadedBlobs().size();

        DeployStandIns.Run run = standIns.deploy(repo, "--dry-run");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode r = run.json();
        assertThat(r.path("outcome").asText()).isEqualTo("dry-run");
        assertThat(r.path("dry_run").asBoolean()).isTrue();
        assertThat(r.path("digest").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(names(r.path("functions"), "would-update")).hasSize(standIns.manifest.functions().size());
        assertThat(standIns.snapshot()).isEqualTo(before);
        assertThat(standIns.functionState()).isEqualTo(state);
        assertThat(standIns.registry.uploadedBlobs()).hasSize(blobs);
        assertThat(standIns.fake.updates).isEmpty();
        assertThat(Release.current(standIns.ssm, "dev")).isNull();
        assertThat(standIns.healthRequests.get()).isZero();
    }

    @Test
    void theWaiterWaitsOutInProgressUpdates() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        standIns.fake.inProgressPolls("dr-daily-report-telegram-api-dev", 4);
        standIns.fake.inProgressPolls("dr-daily-report-pattern-precompute-dev", 2);

        DeployStandIns.Run run = standIns.deploy(repo);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(standIns.fake.inProgressAnswers.get("dr-daily-report-telegram-api-dev").get()).isEqualTo(4);
        assertThat(standIns.fake.inProgressAnswers.get("dr-daily-report-pattern-precompute-dev").get()).isEqualTo(2);
        String digest = run.json().path("digest").asText();
        assertThat(standIns.functionState().get("telegram-api")).startsWith(DeployStandIns.ECR_URL + "@" + digest);
    }

    @Test
    void aFunctionWhoseUpdateEndsFailedStopsTheDeployAndEverythingIsRolledBack() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        standIns.fake.failUpdates("dr-daily-report-report-worker-dev", "Lambda was unable to pull the image (test)");
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo);

        assertThat(run.exit()).isEqualTo(Report.UPDATE);
        JsonNode r = run.json();
        assertThat(r.path("status").asText()).isEqualTo("error");
        assertThat(r.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(r.path("reason").asText()).contains("report-worker", "Failed", "unable to pull the image");
        assertThat(names(r.path("functions"), "failed")).containsExactly("report-worker");
        assertThat(names(r.path("rollback"), "restored")).contains("report-worker", "schema-migrator", "telegram-api");
        assertThat(r.path("notes").toString()).contains("rolled back automatically");
        assertThat(standIns.functionState()).as("every function and live alias as before").isEqualTo(before);
        assertThat(Release.current(standIns.ssm, "dev")).as("no release recorded").isNull();
        assertThat(r.path("phases").findValuesAsText("name")).doesNotContain("terraform", "post-deploy validation");
    }

    @Test
    void aResolvedDigestOtherThanThePushedOneIsAFailure() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        standIns.fake.resolveTo("dr-daily-report-line-bot-dev", "sha256:" + "e".repeat(64));
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo, "--app", "line");

        assertThat(run.exit()).isEqualTo(Report.UPDATE);
        JsonNode r = run.json();
        assertThat(r.path("reason").asText()).contains("line-bot", "resolved its image to", "eeeeeeee");
        assertThat(r.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(standIns.functionState()).isEqualTo(before);
    }

    @Test
    void aFailedMigrationSwitchesNoOtherFunction() throws Exception {
        standIns.queueInvocationResults("{\"status\":\"error\",\"action\":\"migrate\",\"error\":\"V21__add_index.sql failed: Duplicate key name\"}");
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo, "--app", "telegram");

        assertThat(run.exit()).isEqualTo(Report.MIGRATE);
        JsonNode r = run.json();
        assertThat(r.path("reason").asText()).contains("schema-migrator", "V21__add_index.sql failed");
        assertThat(standIns.fake.updates).extracting(u -> u[0]).containsOnly("dr-daily-report-schema-migrator-dev");
        assertThat(standIns.functionState()).isEqualTo(before);
        assertThat(r.path("phases").findValuesAsText("name")).doesNotContain("update functions");
    }

    @Test
    void aFailedValidationRollsBackAutomaticallyAndSaysSo() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        // the new telegram-api logs an ERROR while it serves the health check (the restored one does not)
        standIns.onHealth.set(() -> {
            if (!standIns.newReleaseLive()) {
                return;
            }
            String group = "/aws/lambda/dr-daily-report-telegram-api-dev";
            try {
                standIns.logs.createLogGroup(b -> b.logGroupName(group));
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException exists) {
                // created by an earlier request
            }
            String stream = "2026/11/29/[7]" + System.nanoTime();
            standIns.logs.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
            standIns.logs.putLogEvents(b -> b.logGroupName(group).logStreamName(stream).logEvents(
                    software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent.builder().timestamp(Instant.now().toEpochMilli())
                            .message("2026-11-29 12:00:01 ERROR TelegramApiHandler - Communications link failure").build()));
        });
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo, "--app", "telegram");

        assertThat(run.exit()).isEqualTo(Report.VALIDATION);
        JsonNode r = run.json();
        assertThat(r.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(r.path("reason").asText()).contains("logs", "Communications link failure");
        assertThat(r.path("notes").toString()).contains("rolled back automatically");
        assertThat(standIns.functionState()).isEqualTo(before);
        assertThat(Release.current(standIns.ssm, "dev")).isNull();
        // the restored release logs nothing after the rollback
        assertThat(r.path("rollback_checks").findValuesAsText("name")).contains("logs", "health");
        r.path("rollback_checks").forEach(c -> assertThat(c.path("ok").asBoolean()).as(c.toString()).isTrue());
        // nothing was released: the pushed image keeps its build tag only, which the lifecycle policy expires
        assertThat(standIns.registryTags(standIns.pushRepository())).allSatisfy(t -> assertThat(t).startsWith("build-"));
    }

    @Test
    void anUnhealthyApiAfterTheSwitchRollsBack() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        standIns.healthStatus.set(503);
        standIns.healthBody.set("{\"status\":\"error\",\"error\":{\"code\":\"UNAVAILABLE\"}}");
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo, "--app", "telegram");

        assertThat(run.exit()).isEqualTo(Report.VALIDATION);
        assertThat(run.json().path("reason").asText()).contains("health", "503");
        assertThat(standIns.functionState()).isEqualTo(before);
        // the API is down whatever runs: the validation after the rollback says so too, and a person must look
        assertThat(run.json().path("outcome").asText()).isEqualTo("restored-but-unhealthy");
        JsonNode health = run.json().path("rollback_checks").get(0);
        assertThat(health.path("name").asText()).isEqualTo("health");
        assertThat(health.path("ok").asBoolean()).isFalse();
        assertThat(health.path("detail").asText()).contains("503");
        assertThat(run.json().path("notes").toString()).contains("the restored release fails validation too");
    }

    @Test
    void preflightRefusesADirtyTreeAWrongBranchAndMissingSecretsBeforeAnythingChanges() throws Exception {
        String before = standIns.snapshot();
        int blobs = standIns.registry.uploadedBlobs().size();

        Files.writeString(repo.resolve("deploy/functions.json"), Files.readString(repo.resolve("deploy/functions.json")) + "\n");
        DeployStandIns.Run dirty = standIns.deploy(repo);
        assertThat(dirty.exit()).isEqualTo(Report.PREFLIGHT);
        assertThat(dirty.json().path("reason").asText()).contains("working tree not clean");
        DeployStandIns.git(repo, "checkout", "--", ".");

        DeployStandIns.git(repo, "switch", "-q", "-c", "feature/x");
        DeployStandIns.Run branch = standIns.deploy(repo);
        assertThat(branch.exit()).isEqualTo(Report.PREFLIGHT);
        assertThat(branch.json().path("reason").asText()).contains("dev deploys from the dev branch", "feature/x");
        DeployStandIns.git(repo, "switch", "-q", "dev");

        Map<String, String> env = new java.util.HashMap<>(standIns.environment());
        env.remove("TF_VAR_line_channel_secret");
        env.put("TF_VAR_telegram_bot_token", "PLACEHOLDER-token");
        DeployStandIns.Run secrets = standIns.deploy(env, repo, standIns.layout());
        assertThat(secrets.exit()).isEqualTo(Report.PREFLIGHT);
        assertThat(secrets.json().path("reason").asText()).contains("TF_VAR_line_channel_secret is not set", "TF_VAR_telegram_bot_token is a placeholder")
                .doesNotContain("PLACEHOLDER-token");

        DeployStandIns.Run prod = standIns.deploy(repo, "--env", "prod");
        assertThat(prod.exit()).as("picocli: a repeated --env is a usage error").isEqualTo(2);

        assertThat(standIns.snapshot()).isEqualTo(before);
        assertThat(standIns.registry.uploadedBlobs()).hasSize(blobs);
    }

    @Test
    void rollbackRestoresThePreviousReleaseAndStatusVerifyShowIt() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        JsonNode first = standIns.deploy(repo).json();
        String d1 = first.path("digest").asText();
        assertThat(first.path("exit_code").asInt()).isZero();

        // a second release: one class changed (a new file in the layout copy changes the project layer)
        Path layout2 = tmp.resolve("layout2");
        DeployStandIns.copyTree(standIns.layout(), layout2);
        Files.createDirectories(layout2.resolve("classes"));
        Files.writeString(layout2.resolve("classes/release-note.txt"), "second release\n");
        DeployStandIns.git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "--allow-empty", "-m", "second");
        standIns.queueInvocationResults(DeployStandIns.migrated());
        DeployStandIns.Run second = standIns.deploy(standIns.environment(), repo, layout2);
        assertThat(second.exit()).as(second.err()).isZero();
        String d2 = second.json().path("digest").asText();
        assertThat(d2).isNotEqualTo(d1);

        String statusText = standIns.run(standIns.environment(), "status", "--env", "dev", "--repo", repo.toString()).out();
        assertThat(statusText).contains(Digests.shortForm(d2)).doesNotContain("NO");

        DeployStandIns.Run rollback = standIns.run(standIns.environment(), "rollback", "--env", "dev", "--repo", repo.toString(),
                "--api-url", standIns.apiUrl(), "--poll-interval", "PT0.05S", "--json");
        assertThat(rollback.exit()).as(rollback.err()).isZero();
        assertThat(rollback.json().path("digest").asText()).isEqualTo(d1);
        standIns.functionState().forEach((name, s) -> assertThat(s).as(name).startsWith(DeployStandIns.ECR_URL + "@" + d1)
                .doesNotContain(d2));
        // live went back to the version the first release published, not a new one
        String liveAfterFirst = Release.history(standIns.ssm, "dev").get(2).functions().get("telegram-api").liveVersion();
        assertThat(Release.current(standIns.ssm, "dev").functions().get("telegram-api").liveVersion()).isEqualTo(liveAfterFirst);
        assertThat(Release.current(standIns.ssm, "dev").kind()).isEqualTo("rollback");

        DeployStandIns.Run verify = standIns.run(standIns.environment(), "verify", "--env", "dev", "--repo", repo.toString(),
                "--api-url", standIns.apiUrl(), "--json");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.json().path("checks").findValuesAsText("name")).contains("health", "logs", "schedule", "state machine");

        // and forward again by digest
        DeployStandIns.Run to = standIns.run(standIns.environment(), "rollback", "--env", "dev", "--repo", repo.toString(), "--to", d2,
                "--api-url", standIns.apiUrl(), "--poll-interval", "PT0.05S", "--json");
        assertThat(to.exit()).as(to.err()).isZero();
        standIns.functionState().forEach((name, s) -> assertThat(s).as(name).startsWith(DeployStandIns.ECR_URL + "@" + d2));
    }

    @Test
    void theFirstDeployRollsBackToWhatTheFunctionsRanBeforeIt() throws Exception {
        Map<String, String> before = standIns.functionState();
        standIns.queueInvocationResults(DeployStandIns.migrated());
        DeployStandIns.Run first = standIns.deploy(repo);
        assertThat(first.exit()).as(first.err()).isZero();
        String digest = first.json().path("digest").asText();
        assertThat(standIns.functionState()).isNotEqualTo(before);

        // the environment's history holds this one release only: what it replaced comes from its record
        DeployStandIns.Run rollback = standIns.run(standIns.environment(), "rollback", "--env", "dev", "--repo", repo.toString(),
                "--api-url", standIns.apiUrl(), "--poll-interval", "PT0.05S", "--json");

        assertThat(rollback.exit()).as(rollback.err() + rollback.out()).isZero();
        assertThat(rollback.json().path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(rollback.json().path("digest").asText()).isEqualTo(DeployStandIns.OLD_DIGEST);
        assertThat(standIns.functionState()).as("every function, and live on its old version, as before the first deploy").isEqualTo(before);
        rollback.json().path("checks").forEach(c -> assertThat(c.path("ok").asBoolean()).as(c.toString()).isTrue());
        Release now = Release.current(standIns.ssm, "dev");
        assertThat(now.kind()).isEqualTo("rollback");
        assertThat(now.functions().get("telegram-api").digest()).isEqualTo(DeployStandIns.OLD_DIGEST);
        assertThat(now.previous().get("telegram-api").digest()).as("and it can go forward again").isEqualTo(digest);
        JsonNode status = new com.fasterxml.jackson.databind.ObjectMapper().readTree(standIns.run(standIns.environment(), "status", "--env",
                "dev", "--repo", repo.toString(), "--json").out());
        status.path("functions").forEach(f -> assertThat(f.path("matches_release").asBoolean()).as(f.toString()).isTrue());
    }

    @Test
    void anAutomaticRollbackPutsTheMiniAppPageBackAndValidatesWhatItRestored() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        // the API fails its health check while the new release serves it, and is healthy again on the old one
        standIns.healthWhileNew.set(Map.entry(503, "{\"status\":\"error\",\"error\":{\"code\":\"UNAVAILABLE\"}}"));
        Map<String, String> page = standIns.page();
        assertThat(page).containsKeys("earlier-only.js", "config.js");
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo, "--app", "telegram");

        assertThat(run.exit()).isEqualTo(Report.VALIDATION);
        JsonNode r = run.json();
        assertThat(r.path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(r.path("phases").findValuesAsText("name")).containsExactly("pre-flight", "build and push", "migrate",
                "update functions", "mini app", "terraform", "post-deploy validation", "rollback", "validation after rollback");
        assertThat(r.path("phases").get(4).path("detail").asText()).as("the new page went up").contains("uploaded", "1 deleted");
        // the page is the earlier release's again — config.js included (it pointed at the failed API) — with its headers
        assertThat(standIns.page()).isEqualTo(page);
        assertThat(r.path("phases").get(7).path("detail").asText()).contains("Mini App page put back", "invalidation");
        assertThat(standIns.functionState()).isEqualTo(before);

        // the checks that failed the deploy, and beside them the validation of what the rollback restored
        JsonNode failedHealth = r.path("checks").get(0);
        assertThat(failedHealth.path("name").asText()).isEqualTo("health");
        assertThat(failedHealth.path("ok").asBoolean()).isFalse();
        assertThat(failedHealth.path("detail").asText()).contains("503");
        assertThat(r.path("rollback_checks").findValuesAsText("name")).contains("health", "digest telegram-api", "digest report-worker",
                "digest schema-migrator", "logs");
        r.path("rollback_checks").forEach(c -> assertThat(c.path("ok").asBoolean()).as(c.toString()).isTrue());
        assertThat(r.path("rollback_checks").get(0).path("detail").asText()).contains("200");
        assertThat(r.path("rollback_checks").toString()).contains(Digests.shortForm(DeployStandIns.OLD_DIGEST));
    }

    @Test
    void aPushToARegistryWhoseImageEcrDoesNotHoldStopsBeforeAnyFunctionSwitches() throws Exception {
        String elsewhere = standIns.registry.host() + "/not-ecr-" + Long.toHexString(System.nanoTime());
        String before = standIns.snapshot();

        DeployStandIns.Run run = standIns.deployTo(elsewhere, standIns.environment(), repo, standIns.layout());

        assertThat(run.exit()).isEqualTo(Report.BUILD);
        JsonNode r = run.json();
        String digest = r.path("digest").asText();
        assertThat(Tools.skopeoDigest(r.path("pushed_to").asText())).as("pushed there").isEqualTo(digest);
        assertThat(r.path("reason").asText()).contains("ECR repository " + DeployStandIns.ECR_REPOSITORY + " does not hold " + digest,
                "pushed to " + elsewhere + " only", "no function was switched", "skopeo copy");
        assertThat(run.err()).as("pre-flight says what --push-to needs").contains("Lambda pulls from ECR repository " + DeployStandIns.ECR_REPOSITORY);
        assertThat(standIns.fake.updates).as("no UpdateFunctionCode").isEmpty();
        assertThat(standIns.snapshot()).isEqualTo(before);
        assertThat(Release.current(standIns.ssm, "dev")).isNull();
    }

    @Test
    void aMigratorAnswerWithoutAStatusIsReportedAsItCame() throws Exception {
        standIns.queueInvocationResults("{\"action\":\"migrate\",\"message\":\"Communications link failure: connect timed out\"}");
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = standIns.deploy(repo, "--app", "line");

        assertThat(run.exit()).isEqualTo(Report.MIGRATE);
        assertThat(run.json().path("reason").asText()).contains("schema-migrator-dev returned no status", "Communications link failure");
        assertThat(run.json().path("functions").get(0).path("detail").asText()).contains("Communications link failure");
        assertThat(standIns.functionState()).isEqualTo(before);
    }

    /** The README's dry-run line ({@code bin/dr-deploy …}) with its arguments as they stand, on a machine without Doppler's CLI or the base image's registry. */
    @Test
    void theReadmesDryRunLineRunsWithoutDopplerOrNetwork() throws Exception {
        String readme = Files.readString(standIns.repoRoot.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Deploy tool"));
        String line = section.lines().filter(l -> l.contains("--dry-run") && l.startsWith("bin/dr-deploy ")).findFirst().orElseThrow();
        String command = line.substring("bin/dr-deploy ".length());
        command = command.contains("#") ? command.substring(0, command.indexOf('#')) : command;
        List<String> args = new ArrayList<>(List.of(command.trim().split("\\s+")));
        args.addAll(List.of("--repo", repo.toString(), "--layout", standIns.layout().toString(), "--api-url", standIns.apiUrl(), "--json"));
        Map<String, String> env = standIns.environment();
        assertThat(env.get("PATH").split(":")).allSatisfy(dir -> assertThat(Path.of(dir, "doppler")).doesNotExist());

        DeployStandIns.Run run = standIns.run(env, args.toArray(String[]::new));

        assertThat(run.exit()).as(line + "\n" + run.err()).isZero();
        assertThat(run.json().path("outcome").asText()).isEqualTo("dry-run");
    }

    /**
     * The README runs the tool through {@code mvn -q … exec:java}, whose stdout carries the tool's
     * {@code --json} result: Maven itself must add nothing there (its console library used to write a
     * colour reset, ESC[0m, before and after, so the result did not parse). Any goal shows it.
     */
    @Test
    void mavenAddsNothingToStdoutSoTheJsonResultParses() throws Exception {
        String home = System.getProperty("deploy.it.maven.home");
        String local = System.getProperty("deploy.it.maven.repo.local");
        if (home == null || local == null) {
            String reason = "not run by Maven's failsafe (no deploy.it.maven.home): cannot start the same Maven";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(reason);
            }
            org.junit.jupiter.api.Assumptions.abort(reason);
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(home, "bin", "mvn").toString(), "-q", "-o", "-N", "-Dmaven.repo.local=" + local, "validate")
                .directory(standIns.repoRoot.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(new String(out, java.nio.charset.StandardCharsets.UTF_8)).as("stdout of mvn -q").isEmpty();
    }

    @Test
    void verifyFailsWhenAFunctionDriftedFromTheReleaseOrTheScheduleChanged() throws Exception {
        standIns.queueInvocationResults(DeployStandIns.migrated());
        assertThat(standIns.deploy(repo).exit()).isZero();
        // someone points report-worker elsewhere by hand
        standIns.lambda.updateFunctionCode(b -> b.functionName("dr-daily-report-report-worker-dev")
                .imageUri(DeployStandIns.ECR_URL + "@sha256:" + "f".repeat(64)));

        DeployStandIns.Run verify = standIns.run(standIns.environment(), "verify", "--env", "dev", "--repo", repo.toString(),
                "--api-url", standIns.apiUrl(), "--json");

        assertThat(verify.exit()).isEqualTo(Report.VALIDATION);
        JsonNode failed = null;
        for (JsonNode c : verify.json().path("checks")) {
            if (!c.path("ok").asBoolean()) {
                failed = c;
            }
        }
        assertThat(failed).isNotNull();
        assertThat(failed.path("name").asText()).isEqualTo("digest report-worker");
        assertThat(failed.path("detail").asText()).contains("ffffffff");
    }

    @Test
    void precomputeInvokesTheControllerOrOneTickersWorkersAndReportsTheirResults() throws Exception {
        standIns.queueInvocationResults("{\"status\":\"ok\",\"execution_arn\":\"arn:aws:states:x\"}");
        DeployStandIns.Run all = standIns.run(standIns.environment(), "precompute", "--env", "dev", "--repo", repo.toString(), "--json");
        assertThat(all.exit()).as(all.err()).isZero();
        assertThat(all.json().path("functions").get(0).path("function_name").asText()).isEqualTo("dr-daily-report-precompute-controller-dev");
        assertThat(all.json().path("functions").get(0).path("detail").asText()).contains("execution_arn");

        standIns.queueInvocationResults("{\"status\":\"ok\",\"ticker\":\"NVDA19\",\"patterns\":3}",
                "{\"status\":\"error\",\"ticker\":\"NVDA19\",\"reason\":\"no prices for NVDA19\"}");
        DeployStandIns.Run one = standIns.run(standIns.environment(), "precompute", "--env", "dev", "--repo", repo.toString(),
                "--ticker", "nvda19", "--json");
        assertThat(one.exit()).isEqualTo(Report.VALIDATION);
        assertThat(names(one.json().path("functions"), "ok")).containsExactly("pattern-precompute");
        assertThat(names(one.json().path("functions"), "failed")).containsExactly("report-worker");
        assertThat(one.json().path("reason").asText()).contains("no prices for NVDA19");

        DeployStandIns.Run bad = standIns.run(standIns.environment(), "precompute", "--env", "dev", "--repo", repo.toString(),
                "--ticker", "NVDA19; DROP", "--json");
        assertThat(bad.exit()).isEqualTo(Report.PREFLIGHT);
    }

    /**
     * No Terraform binary exists on these machines (TOOLING.md), so a script named {@code terraform}
     * on the PATH stands in for it: it records its arguments, the names (not values) of the TF_VAR_
     * variables it got, and the var file, and exits with the status the test asks for.
     */
    private Path terraformStandIn(int exitCode) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path script = bin.resolve("terraform");
        Files.writeString(script, """
                #!/bin/sh
                echo "ARGS $*" >> "%1$s/calls.log"
                env | grep '^TF_VAR_' | cut -d= -f1 | sort | tr '\\n' ' ' | sed 's/^/VARS /' >> "%1$s/calls.log"
                echo >> "%1$s/calls.log"
                for a in "$@"; do case "$a" in -var-file=/*) cp "${a#-var-file=}" "%1$s/release.tfvars.json" ;; esac; done
                case "$*" in *apply*) exit %2$d ;; esac
                exit 0
                """.formatted(bin, exitCode));
        script.toFile().setExecutable(true);
        return bin;
    }

    private DeployStandIns.Run deployWithTerraform(Path bin, String... extra) {
        Map<String, String> env = new java.util.HashMap<>(standIns.environment());
        env.put("PATH", bin + ":/usr/bin:/bin");
        return standIns.deploy(env, repo, standIns.layout(), extra);
    }

    @Test
    void terraformRunsWithTheDigestEachFunctionRunsAndTheSecretsAndOneAppLeavesTheOthersWhereTheyAre() throws Exception {
        Path bin = terraformStandIn(0);
        standIns.queueInvocationResults(DeployStandIns.migrated());

        DeployStandIns.Run run = deployWithTerraform(bin, "--app", "line");

        assertThat(run.exit()).as(run.err()).isZero();
        String digest = run.json().path("digest").asText();
        List<String> calls = Files.readAllLines(bin.resolve("calls.log"));
        assertThat(calls.get(0)).contains("init", "-backend-config=envs/dev.s3.tfbackend");
        assertThat(calls.get(2)).contains("apply", "-auto-approve", "-var-file=envs/dev.tfvars", "-var-file=");
        assertThat(calls.get(3)).contains("TF_VAR_line_channel_access_token", "TF_VAR_line_channel_secret", "TF_VAR_telegram_bot_token");
        JsonNode vars = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bin.resolve("release.tfvars.json").toFile());
        assertThat(vars.path("image_digest").asText()).isEqualTo(digest);
        assertThat(vars.path("function_image_digests").path("line-bot").asText()).isEqualTo(digest);
        assertThat(vars.path("function_image_digests").path("schema-migrator").asText()).isEqualTo(digest);
        assertThat(vars.path("function_image_digests").path("telegram-api").asText()).as("not part of the line app")
                .isEqualTo(DeployStandIns.OLD_DIGEST);
        assertThat(vars.path("function_image_digests").path("pattern-precompute").asText()).isEqualTo(DeployStandIns.OLD_DIGEST);
        assertThat(standIns.functionState().get("telegram-api")).startsWith(DeployStandIns.ECR_URL + "@" + DeployStandIns.OLD_DIGEST);
        assertThat(run.json().path("phases").get(4).path("status").asText()).isEqualTo("ok");
    }

    @Test
    void aFailedTerraformApplyRollsBack() throws Exception {
        Path bin = terraformStandIn(1);
        standIns.queueInvocationResults(DeployStandIns.migrated());
        Map<String, String> before = standIns.functionState();

        DeployStandIns.Run run = deployWithTerraform(bin, "--app", "scheduler");

        assertThat(run.exit()).isEqualTo(Report.INFRASTRUCTURE);
        assertThat(run.json().path("reason").asText()).contains("terraform", "exited 1");
        assertThat(run.json().path("outcome").asText()).isEqualTo("rolled-back");
        assertThat(standIns.functionState()).isEqualTo(before);
    }

    @Test
    void aNewEnvironmentStartsWithPushOnlyWhichPrintsTheTerraformCommandsAndSwitchesNothing() throws Exception {
        standIns.ssm.deleteParameter(b -> b.name("/dr-daily-report/dev/deploy/environment"));
        for (Manifest.Function f : standIns.manifest.functions()) {
            standIns.lambda.deleteFunction(b -> b.functionName(f.functionName("dev")));
        }

        DeployStandIns.Run plain = standIns.deploy(repo);
        assertThat(plain.exit()).isEqualTo(Report.PREFLIGHT);
        assertThat(plain.json().path("reason").asText()).contains("--push-only");

        DeployStandIns.Run run = standIns.deploy(repo, "--push-only");

        assertThat(run.exit()).as(run.err()).isZero();
        String digest = run.json().path("digest").asText();
        assertThat(Tools.skopeoDigest(run.json().path("pushed_to").asText())).isEqualTo(digest);
        assertThat(run.json().path("image_uri").asText()).isEqualTo(DeployStandIns.ECR_URL + "@" + digest);
        assertThat(run.json().path("notes").toString()).contains("terraform", "init", "apply", "release-dev.tfvars.json");
        assertThat(Files.readString(repo.resolve("deploy/target/release-dev.tfvars.json"))).contains(digest);
        assertThat(standIns.lambda.listFunctions().functions()).isEmpty();
        assertThat(Release.current(standIns.ssm, "dev")).isNull();
    }

    @Test
    void withoutPushToTheImageGoesToTheEnvironmentsRepositoryWithEcrCredentialsAndSecretsComeFromDoppler() throws Exception {
        // The environment's repository is the loopback registry here (moto has no registry behind its ECR), so the push
        // takes the ECR path: GetAuthorizationToken, its "AWS:password" as credentials, the repository from the environment.
        String registryRepo = standIns.registry.host() + "/" + DeployStandIns.ECR_REPOSITORY;
        String descriptor = standIns.ssm.getParameter(b -> b.name("/dr-daily-report/dev/deploy/environment")).parameter().value()
                .replace(DeployStandIns.ECR_URL, registryRepo);
        standIns.ssm.putParameter(b -> b.name("/dr-daily-report/dev/deploy/environment").value(descriptor).overwrite(true));
        // No Doppler CLI exists here: a script named doppler stands in, recording its arguments and printing a config.
        Path bin = Files.createDirectories(tmp.resolve("doppler-bin"));
        Files.writeString(bin.resolve("doppler"), """
                #!/bin/sh
                echo "$*" > "%s/doppler-args"
                echo '{"TF_VAR_telegram_bot_token":"1:abc","TF_VAR_line_channel_secret":"s","TF_VAR_line_channel_access_token":"t","OTHER":"x"}'
                """.formatted(bin));
        bin.resolve("doppler").toFile().setExecutable(true);
        Map<String, String> env = new java.util.HashMap<>(standIns.environment());
        env.keySet().removeIf(k -> k.startsWith("TF_VAR_"));
        env.put("PATH", bin + ":/usr/bin:/bin");

        DeployStandIns.Run run = standIns.run(env, "deploy", "--env", "dev", "--base-image", "scratch", "--repo", repo.toString(),
                "--layout", standIns.layout().toString(), "--push-only", "--json");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readString(bin.resolve("doppler-args"))).contains("secrets download", "--format json", "--config dev");
        String digest = run.json().path("digest").asText();
        assertThat(run.json().path("pushed_to").asText()).startsWith(registryRepo + ":build-");
        assertThat(Tools.skopeoDigest(registryRepo + "@" + digest)).isEqualTo(digest);
        assertThat(run.err()).contains("Doppler config dev", "pushed to ECR repository");
    }
}
