package com.drdailyreport.image;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code docker-registry} (the CNCF distribution registry) on an ephemeral loopback
 * port, storing under {@code target/}. Its log tells which blobs were uploaded, so a test can
 * prove that a rebuild pushed nothing new.
 */
public final class LoopbackRegistry implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+)");
    /** A finished blob upload: {@code PUT /v2/<repo>/blobs/uploads/<id>?…digest=sha256%3A…} answered 201. */
    private static final Pattern BLOB_PUT = Pattern.compile("\"PUT (/v2/[^ ]+/blobs/uploads/[^ ]*) HTTP/[0-9.]+\" 201 ");
    private static final Pattern DIGEST_PARAM = Pattern.compile("[?&]digest=([^&]+)");

    private final Process process;
    private final Path dir;
    private final Path log;
    private final String host;

    private LoopbackRegistry(Process process, Path dir, Path log, String host) {
        this.process = process;
        this.dir = dir;
        this.log = log;
        this.host = host;
    }

    /** Starts a registry, or skips the test (outside CI) / fails it (in CI) when the binary is missing. */
    public static LoopbackRegistry start() throws IOException, InterruptedException {
        Path binary = Tools.require("docker-registry", "docker-registry");
        Path dir = Tools.targetDir().resolve("registry").resolve(UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(dir.resolve("data"));
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: info
                  formatter: text
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:0
                  secret: loopback-test-only
                """.formatted(dir.resolve("data")));
        Path log = dir.resolve("registry.log");
        Process process = new ProcessBuilder(binary.toString(), "serve", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String host = null;
        while (host == null && System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                host = m.group(1);
            } else {
                Thread.sleep(50);
            }
        }
        if (host == null) {
            process.destroyForcibly();
            throw new IllegalStateException("docker-registry did not say where it listens within 20 s:\n" + Files.readString(log));
        }
        LoopbackRegistry registry = new LoopbackRegistry(process, dir, log, host);
        registry.awaitReady(deadline);
        return registry;
    }

    private void awaitReady(long deadline) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://" + host + "/v2/")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                Thread.sleep(50);
            }
        }
    }

    /** {@code 127.0.0.1:PORT}. */
    public String host() {
        return host;
    }

    /** {@code 127.0.0.1:PORT/REPO:TAG}. */
    public String image(String repository, String tag) {
        return host + "/" + repository + ":" + tag;
    }

    public Path log() {
        return log;
    }

    public Path directory() {
        return dir;
    }

    /** Digests of every blob upload the registry completed so far, in order. */
    public List<String> uploadedBlobs() throws IOException {
        List<String> digests = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = BLOB_PUT.matcher(line);
            if (m.find()) {
                Matcher d = DIGEST_PARAM.matcher(m.group(1));
                digests.add(d.find() ? URLDecoder.decode(d.group(1), StandardCharsets.UTF_8) : "?");
            }
        }
        return digests;
    }

    /** Stops the registry and deletes its storage (the log stays, for a look after a failure). */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        Tools.deleteTree(dir.resolve("data"));
    }
}
