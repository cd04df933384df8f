package com.drdailyreport.image;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the image build+push with jib-core against a loopback {@code docker-registry} (on
 * {@code scratch}, so only this project's layers are built and pushed):
 * <ol>
 *   <li>full build+push from an empty Jib cache to an empty repository;</li>
 *   <li>rebuild+push with nothing changed;</li>
 *   <li>rebuild+push after a one-class change in a module jar (several rounds, each a new class
 *       content), target at most 10 s.</li>
 * </ol>
 * Run after {@code mvn package} of the image module (from the repository root):
 * <pre>
 * mvn -q -pl image test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.drdailyreport.image.ImageBuildBenchmark [-Dexec.args=ROUNDS]
 * </pre>
 * It works on a copy of {@code target/lambda} under {@code target/benchmark/}.
 */
public final class ImageBuildBenchmark {

    private static final String HANDLER = "com.drdailyreport.telegram.TelegramApiHandler::handleRequest";

    private ImageBuildBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path work = Tools.targetDir().resolve("benchmark");
        Tools.deleteTree(work);
        Path layout = LayoutCopies.copy(Tools.layout(), work.resolve("lambda"));
        Path cache = work.resolve("jib-cache");
        long layoutBytes = 0;
        for (Path jar : LambdaLayout.at(layout).jars()) {
            layoutBytes += Files.size(jar);
        }
        System.out.printf("layout: %d jars, %.1f MB; %d cores; %s %s%n", LambdaLayout.at(layout).jars().size(), layoutBytes / 1e6,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"));

        try (LoopbackRegistry registry = LoopbackRegistry.start(); RegistryApi api = new RegistryApi(registry.host())) {
            LambdaImage image = LambdaImage.builder(layout).baseImage(LambdaImage.SCRATCH).command(HANDLER).cacheDirectory(cache).build();

            long t0 = System.nanoTime();
            LambdaImage.ImageResult full = image.push(registry.image("bench", "full"), null);
            double fullSeconds = seconds(t0);
            RegistryApi.Manifest m = api.manifest("bench", full.digest());
            System.out.printf("full build+push (empty cache, empty repository): %.2f s → %s (layers %.1f MB + %.1f kB, %d blobs uploaded)%n",
                    fullSeconds, full.digest(), m.layerSize(0) / 1e6, m.layerSize(1) / 1e3, registry.uploadedBlobs().size());

            int uploads = registry.uploadedBlobs().size();
            t0 = System.nanoTime();
            LambdaImage.ImageResult same = image.push(registry.image("bench", "same"), null);
            System.out.printf("rebuild+push, no change: %.2f s, same digest: %s, blobs uploaded: %d%n",
                    seconds(t0), same.digest().equals(full.digest()), registry.uploadedBlobs().size() - uploads);

            List<Double> times = new ArrayList<>();
            for (int i = 1; i <= rounds; i++) {
                LayoutCopies.addClass(layout, "com.drdailyreport.scheduler-", "com.drdailyreport.scheduler.BenchmarkChange", "round " + i);
                uploads = registry.uploadedBlobs().size();
                t0 = System.nanoTime();
                LambdaImage.ImageResult changed = image.push(registry.image("bench", "change-" + i), null);
                double s = seconds(t0);
                times.add(s);
                RegistryApi.Manifest cm = api.manifest("bench", changed.digest());
                System.out.printf("rebuild+push after a one-class change, round %d: %.2f s (blobs uploaded: %d, project layer %.1f kB)%n",
                        i, s, registry.uploadedBlobs().size() - uploads, cm.layerSize(1) / 1e3);
            }
            List<Double> sorted = times.stream().sorted().toList();
            System.out.printf("one-class change → pushed: median %.2f s, max %.2f s over %d rounds (target ≤ 10 s)%n",
                    sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), rounds);
        } finally {
            Tools.deleteTree(work);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
