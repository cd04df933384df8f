package com.drdailyreport.image;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Where things are for the image tests, and the external programs they use. */
public final class Tools {

    private Tools() {
    }

    /** The image module's directory: failsafe's {@code basedir}, else found from the working directory (exec:java from the root). */
    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        if (basedir != null) {
            return Path.of(basedir).toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath().normalize();
        return Files.isRegularFile(cwd.resolve("image").resolve("pom.xml")) ? cwd.resolve("image") : cwd;
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static Path repoRoot() {
        return moduleDir().getParent();
    }

    public static Path targetDir() {
        return moduleDir().resolve("target");
    }

    /** {@code image/target/lambda}: what {@code mvn package} laid out. */
    static Path layout() {
        Path layout = targetDir().resolve("lambda");
        if (!Files.isDirectory(layout.resolve("lib"))) {
            fail("no " + layout + "/lib: the image tests run after `mvn package` (mvn -pl image verify)");
        }
        return layout;
    }

    /** {@code deploy/functions.json}, or the file named by {@code -Dfunctions.manifest=} (to try the tests on another list). */
    static Path manifestFile() {
        String other = System.getProperty("functions.manifest");
        return other != null && !other.isBlank() ? Path.of(other) : repoRoot().resolve("deploy").resolve("functions.json");
    }

    /** Jib's caches for the tests, inside target/. */
    static Path jibCache() {
        return targetDir().resolve("jib-cache-test");
    }

    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }

    /**
     * The program on PATH. Missing: outside CI the test is skipped with the install command; in CI
     * (CI set) it fails, because CI must install it.
     */
    public static Path require(String program, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = program + " is not installed: apt-get install -y " + debianPackage;
        if (inCi()) {
            fail(message + " (CI is set, so this fails instead of skipping)");
        }
        Assumptions.abort(message + " — skipping (outside CI)");
        throw new AssertionError("unreachable");
    }

    /** The digest skopeo reads for {@code docker://REF} from a plain-HTTP registry. */
    public static String skopeoDigest(String reference) throws IOException, InterruptedException {
        Path skopeo = require("skopeo", "skopeo");
        List<String> command = new ArrayList<>(List.of(skopeo.toString(), "inspect", "--tls-verify=false",
                "--format", "{{.Digest}}", "docker://" + reference));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            fail("skopeo inspect " + reference + " failed: " + out);
        }
        return out;
    }

    /** The java launcher of the running JDK. */
    public static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
