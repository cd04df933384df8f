package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Deploy wall time against the stand-ins (docker-registry, moto_server, the Lambda fake): a first
 * deploy to an empty registry repository, a redeploy with no change, and a deploy after one file
 * of a project jar changed (the image rebuild pushes only the project layer; every function moves).
 * Run: {@code mvn -q -pl deploy test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=com.drdailyreport.deploy.DeployBenchmark} (after {@code mvn install -DskipTests}).
 */
public final class DeployBenchmark {

    private DeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Files.createTempDirectory("deploy-benchmark");
        List<Double> cold = new ArrayList<>();
        List<Double> same = new ArrayList<>();
        List<Double> changed = new ArrayList<>();
        List<Double> changedPush = new ArrayList<>();
        try (DeployStandIns s = DeployStandIns.start()) {
            Path layout = work.resolve("layout");
            DeployStandIns.copyTree(s.layout(), layout);
            Path jar;
            try (Stream<Path> jars = Files.list(layout.resolve("lib"))) {
                jar = jars.filter(p -> p.getFileName().toString().startsWith("com.drdailyreport.telegram-api-")).findFirst().orElseThrow();
            }
            for (int round = 0; round <= rounds; round++) {
                s.seed();
                Path repo = s.repository(work.resolve("checkout-" + round), "dev");
                Map<String, String> env = s.environment();
                s.queueInvocationResults(DeployStandIns.migrated(), DeployStandIns.migrated(), DeployStandIns.migrated());
                double a = deploy(s, env, repo, layout).path("seconds").asDouble();
                double b = deploy(s, env, repo, layout).path("seconds").asDouble();
                stamp(jar, "round " + round + " " + System.nanoTime());
                JsonNode c = deploy(s, env, repo, layout);
                if (round == 0) {
                    continue; // warm-up: JIT, Jib's caches
                }
                cold.add(a);
                same.add(b);
                changed.add(c.path("seconds").asDouble());
                for (JsonNode p : c.path("phases")) {
                    if (p.path("name").asText().equals("build and push")) {
                        changedPush.add(p.path("seconds").asDouble());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "deploy --app all, 8 functions, %d rounds (median / max seconds):%n", rounds);
        System.out.printf(Locale.ROOT, "  first deploy, empty registry repository : %.2f / %.2f%n", median(cold), Collections.max(cold));
        System.out.printf(Locale.ROOT, "  redeploy, no change                     : %.2f / %.2f%n", median(same), Collections.max(same));
        System.out.printf(Locale.ROOT, "  deploy after a one-file jar change      : %.2f / %.2f%n", median(changed), Collections.max(changed));
        System.out.printf(Locale.ROOT, "    of which rebuild + push               : %.2f / %.2f%n", median(changedPush), Collections.max(changedPush));
    }

    private static JsonNode deploy(DeployStandIns s, Map<String, String> env, Path repo, Path layout) {
        DeployStandIns.Run run = s.deploy(env, repo, layout);
        if (run.exit() != 0) {
            throw new IllegalStateException("deploy failed: " + run.err() + run.out());
        }
        return run.json();
    }

    /** Changes one file inside a project jar (what recompiling one class does to the layout). */
    private static void stamp(Path jar, String text) throws Exception {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            Files.writeString(fs.getPath("META-INF", "build-stamp.txt"), text, StandardCharsets.UTF_8);
        }
    }

    private static double median(List<Double> xs) {
        List<Double> sorted = new ArrayList<>(xs);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
