package com.drdailyreport.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AffectedAppsTest {

    /** The real manifest: apps per module come from it. */
    private static final AffectedApps APPS = AffectedApps.fromRepository(Path.of(".."));

    @Test
    void aHandlerModuleTouchesTheAppsOfItsFunctions() {
        assertThat(APPS.forPaths(List.of("line-bot/src/main/java/com/drdailyreport/line/LineBot.java"))).containsExactly("line");
        assertThat(APPS.forPaths(List.of("telegram-api/openapi.yaml"))).containsExactly("telegram");
        assertThat(APPS.forPaths(List.of("miniapp/src/main/resources/miniapp/app.js"))).containsExactly("telegram");
        // scheduler also builds report-worker, which the telegram app invokes
        assertThat(APPS.forPaths(List.of("scheduler/src/main/java/com/drdailyreport/scheduler/ReportWorkerService.java")))
                .containsExactly("telegram", "scheduler");
    }

    @Test
    void sharedCodeMigrationsTheBuildAndInfrastructureTouchEveryApp() {
        for (String path : List.of("shared/src/main/java/X.java", "migrations/src/main/resources/db/migration/V021__x.sql", "pom.xml",
                "image/pom.xml", "deploy/functions.json", "terraform/lambda.tf", "terraform/step_functions/precompute_workflow.json",
                "something/new.txt")) {
            assertThat(APPS.forPaths(List.of(path))).as(path).containsExactlyInAnyOrder("telegram", "line", "scheduler");
        }
    }

    @Test
    void docsTheLocalRunnerAndCiTouchNothing() {
        assertThat(APPS.forPaths(List.of("README.md", "local/src/main/java/X.java", "bin/dr-local", ".ci/run", ".github/workflows/ci.yml")))
                .isEmpty();
        assertThat(APPS.forPaths(List.of("README.md", "line-bot/pom.xml"))).containsExactly("line");
    }

    @Test
    void changedPathsComeFromGitSinceTheBase(@TempDir Path repo) throws Exception {
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.email", "ci@example.com");
        git(repo, "config", "user.name", "ci");
        write(repo, "README.md", "x");
        write(repo, "line-bot/A.java", "a");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        write(repo, "line-bot/A.java", "b");
        write(repo, "telegram-api/B.java", "b");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "change");
        write(repo, "scheduler/C.java", "uncommitted");
        git(repo, "add", "-A");

        assertThat(AffectedApps.changedPaths(repo, "HEAD~1")).containsExactly("line-bot/A.java", "scheduler/C.java", "telegram-api/B.java");
        assertThatThrownBy(() -> AffectedApps.changedPaths(repo, "no-such-ref")).hasMessageContaining("failed");
        assertThatThrownBy(() -> AffectedApps.changedPaths(repo, "HEAD; rm -rf /")).hasMessageContaining("--base");
    }

    private static void write(Path repo, String path, String text) throws IOException {
        Files.createDirectories(repo.resolve(path).getParent());
        Files.writeString(repo.resolve(path), text);
    }

    private static void git(Path repo, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }
}
