package com.drdailyreport.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.drdailyreport.shared.testing.TestDatabase;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utilslite.SdkInternalThreadLocal;

/**
 * The image smoke test: pushes the image (on {@code scratch}) to a loopback registry, pulls it
 * back over the registry API, unpacks its layers as a container would, and boots <b>every</b>
 * manifest function from the unpacked {@code /var/task} through the Lambda runtime interface
 * client — the same {@code AWSLambda <handler>} the base image's entrypoint runs, with the task
 * root as working directory so the client's own class loader finds {@code lib/*.jar} — against a
 * loopback Runtime API that invokes it once with the function's smoke event. Each function must
 * answer through {@code /response}: no init error, no crash, no invocation error.
 */
class ImageSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** JVMs started at once: two cores are shared with other work. */
    private static final int PARALLEL = 3;
    private static final long FUNCTION_TIMEOUT_SECONDS = 90;

    private static LoopbackRegistry registry;
    private static TestSchema schema;
    private static Path root;
    private static Path taskRoot;
    private static Path nativeLibrary;

    @BeforeAll
    static void pushPullAndUnpack() throws Exception {
        registry = LoopbackRegistry.start();
        schema = TestDatabase.freshSchema("image_smoke");
        FunctionManifest manifest = FunctionManifest.read(Tools.manifestFile());
        LambdaImage.ImageResult pushed = LambdaImage.builder(Tools.layout())
                .baseImage(LambdaImage.SCRATCH)
                .command(manifest.functions().get(0).handler())
                .cacheDirectory(Tools.jibCache())
                .build()
                .push(registry.image("dr-daily-report", "smoke"), null);

        root = Files.createTempDirectory(Files.createDirectories(Tools.targetDir()), "smoke-root-");
        try (RegistryApi api = new RegistryApi(registry.host())) {
            RegistryApi.Manifest image = api.manifest("dr-daily-report", pushed.digest());
            for (String layer : image.layerDigests()) {
                unpack(api.blob("dr-daily-report", layer), root);
            }
        }
        taskRoot = root.resolve("var/task");
        nativeLibrary = extractNativeLibrary(Tools.targetDir().resolve("ric-native"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (root != null) {
            Tools.deleteTree(root);
        }
        if (schema != null) {
            schema.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void thePulledImageHoldsExactlyTheLayoutAtVarTask() throws IOException {
        Map<String, String> inImage = new TreeMap<>();
        for (Path jar : LambdaLayout.at(taskRoot).jars()) {
            inImage.put(jar.getFileName().toString(), RegistryApi.sha256(Files.readAllBytes(jar)));
        }
        Map<String, String> inLayout = new TreeMap<>();
        for (Path jar : LambdaLayout.at(Tools.layout()).jars()) {
            inLayout.put(jar.getFileName().toString(), RegistryApi.sha256(Files.readAllBytes(jar)));
        }
        assertThat(inImage).isEqualTo(inLayout);
        try (var top = Files.list(root)) {
            assertThat(top.map(p -> p.getFileName().toString())).containsExactly("var");
        }
    }

    @Test
    void everyManifestFunctionBootsFromTheImageAndAnswersItsSmokeEvent() throws Exception {
        FunctionManifest manifest = FunctionManifest.read(Tools.manifestFile());
        String runtimeClasspath = runtimeClasspath();
        Path logs = Files.createDirectories(Tools.targetDir().resolve("smoke-logs"));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        Map<String, Future<String>> runs = new LinkedHashMap<>();
        long started = System.nanoTime();
        try {
            for (FunctionManifest.Function f : manifest.functions()) {
                runs.put(f.name(), pool.submit(() -> invoke(f, runtimeClasspath, logs.resolve(f.name() + ".log"))));
            }
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, Future<String>> run : runs.entrySet()) {
                String failure = run.getValue().get(FUNCTION_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
                if (failure != null) {
                    failures.add(run.getKey() + ": " + failure);
                }
            }
            System.out.printf("[image-smoke] %d functions booted from the pulled image in %.1f s (%d at a time)%n",
                    runs.size(), (System.nanoTime() - started) / 1e9, PARALLEL);
            assertThat(failures).as("functions that did not answer through /response").isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Boots one function and invokes it once; null when it answered through /response, else why not. */
    private static String invoke(FunctionManifest.Function f, String runtimeClasspath, Path log) throws Exception {
        String arn = "arn:aws:lambda:ap-southeast-1:123456789012:function:dr-daily-report-" + f.name() + "-dev";
        try (RuntimeApiServer api = new RuntimeApiServer(JSON.writeValueAsString(f.smokeEvent()), arn)) {
            List<String> command = List.of(Tools.java().toString(),
                    "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx256m",
                    "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=" + nativeLibrary,
                    "-cp", runtimeClasspath,
                    AWSLambda.class.getName(), f.handler());
            ProcessBuilder pb = new ProcessBuilder(command)
                    .directory(taskRoot.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            pb.environment().clear();
            pb.environment().putAll(lambdaEnvironment(f, api.address()));
            Process process = pb.start();
            try {
                RuntimeApiServer.Outcome outcome;
                try {
                    outcome = api.outcome().get(FUNCTION_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    return "no answer within " + FUNCTION_TIMEOUT_SECONDS + " s (process " + (process.isAlive() ? "running" : "exited "
                            + process.exitValue()) + ")\n" + tail(log);
                }
                switch (outcome.kind()) {
                    case RESPONSE -> {
                        JsonNode body = JSON.readTree(outcome.body());
                        if (body == null || !body.isObject()) {
                            return "answered with no JSON object: " + outcome.body() + "\n" + tail(log);
                        }
                        if (f.apiGateway() && (!body.path("statusCode").isInt() || body.path("statusCode").asInt() >= 500)) {
                            return "answered without a non-5xx HTTP status: " + abbreviate(outcome.body()) + "\n" + tail(log);
                        }
                        System.out.println("[image-smoke] " + f.name() + " → " + abbreviate(outcome.body()));
                        return null;
                    }
                    case ERROR -> {
                        return "invocation error " + outcome.errorType() + ": " + outcome.body() + "\n" + tail(log);
                    }
                    default -> {
                        return "init error " + outcome.errorType() + ": " + outcome.body() + "\n" + tail(log);
                    }
                }
            } finally {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** What Lambda and the deploy tool put in a function's environment (dev), with the test database. */
    private static Map<String, String> lambdaEnvironment(FunctionManifest.Function f, String runtimeApi) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "en_US.UTF-8");
        env.put("TZ", ":UTC");
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put("LAMBDA_RUNTIME_DIR", taskRoot.toString());
        env.put("_HANDLER", f.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi);
        env.put("AWS_LAMBDA_FUNCTION_NAME", "dr-daily-report-" + f.name() + "-dev");
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/dr-daily-report-" + f.name() + "-dev");
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "smoke");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_REGION", "ap-southeast-1");
        env.put("AWS_DEFAULT_REGION", "ap-southeast-1");
        env.put("AWS_ACCESS_KEY_ID", "AKIASMOKETEST0000000");
        env.put("AWS_SECRET_ACCESS_KEY", "smoke-test-secret");
        env.put("AWS_SESSION_TOKEN", "smoke-test-session");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("APP_ENV", "dev");
        env.put("DB_URL", schema.url());
        env.put("DB_USER", schema.user());
        env.put("DB_PASSWORD", schema.password());
        env.put("PRICE_SOURCE", "demo");
        env.put("TELEGRAM_BOT_TOKEN", "123456:smoke-test-token");
        env.put("MINIAPP_URL", "https://miniapp.example.invalid/");
        env.put("REPORT_WORKER_FUNCTION", "dr-daily-report-report-worker-dev");
        env.put("LINE_CHANNEL_SECRET", "smoke-test-line-secret");
        env.put("LINE_CHANNEL_ACCESS_TOKEN", "smoke-test-line-token");
        env.put("PRECOMPUTE_STATE_MACHINE_ARN", "arn:aws:states:ap-southeast-1:123456789012:stateMachine:dr-daily-report-precompute-workflow-dev");
        env.put("PRECOMPUTE_CONTROLLER_FUNCTION", "dr-daily-report-precompute-controller-dev");
        return env;
    }

    /**
     * The base image's {@code /var/runtime/lib}: the runtime interface client and what it needs,
     * taken from this test's classpath. The handlers' jars are not on it — the client loads them
     * from the task root, as in Lambda.
     */
    private static String runtimeClasspath() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : List.of(AWSLambda.class, Context.class, PojoSerializer.class, SdkInternalThreadLocal.class)) {
            try {
                jars.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (Exception e) {
                fail("cannot locate the jar of " + c + ": " + e);
            }
        }
        return String.join(File.pathSeparator, jars);
    }

    /** The client's JNI library, unpacked once (it would otherwise be rewritten at /tmp by every JVM at once). */
    private static Path extractNativeLibrary(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("libaws-lambda-jni.linux-x86_64.so");
        try (InputStream in = AWSLambda.class.getResourceAsStream("/jni/libaws-lambda-jni.linux-x86_64.so")) {
            if (in == null) {
                fail("the runtime interface client jar has no jni/libaws-lambda-jni.linux-x86_64.so");
            }
            Path temp = Files.createTempFile(dir, "jni", ".so");
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /** Unpacks one gzipped tar layer below {@code root}, as a container runtime would (no whiteouts needed on scratch). */
    private static void unpack(byte[] layer, Path root) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(layer)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName().replaceFirst("^/+", "")).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("layer entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    throw new IOException("unexpected layer entry " + entry.getName());
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
