package com.drdailyreport.shared.testing;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;

/**
 * A real AWS API emulator for tests: {@code moto_server} (moto 5, preinstalled in the machine's
 * Python) started on a free loopback port. Outside CI a missing moto_server skips the test with
 * the reason; in CI (CI=true) it fails it, so an emulator test is never silently skipped there.
 */
public final class MotoServer implements AutoCloseable {

    /** The account moto uses. */
    public static final String ACCOUNT = "123456789012";
    public static final String REGION = "us-east-1";

    private final Process process;
    private final URI endpoint;

    private MotoServer(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    public static MotoServer start() {
        String binary = find();
        if (binary == null) {
            String reason = "moto_server not found on PATH (TOOLING.md: it is preinstalled in the machine's Python)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason + " — skipped outside CI");
        }
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("moto", ".log");
            Process process = new ProcessBuilder(binary, "-H", "127.0.0.1", "-p", Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                if (answers(endpoint)) {
                    return new MotoServer(process, endpoint);
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("moto_server exited: " + Files.readString(log));
                }
                Thread.sleep(100);
            }
            process.destroyForcibly();
            throw new IllegalStateException("moto_server did not answer on " + endpoint + " within 30 s");
        } catch (IOException e) {
            throw new IllegalStateException("could not start moto_server: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve("/moto-api/").toURL().openConnection();
            c.setConnectTimeout(200);
            c.setReadTimeout(500);
            return c.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "moto_server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        File pyenv = new File(System.getProperty("user.home"), ".pyenv/shims/moto_server");
        return pyenv.canExecute() ? pyenv.getPath() : null;
    }
}
