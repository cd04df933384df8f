package com.drdailyreport.image;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback Lambda Runtime API (the interface the runtime interface client polls): hands out one
 * invocation with the given event, then holds further {@code next} calls open as Lambda does
 * between invocations, and records how the invocation ended — {@code /response},
 * {@code /error}, or {@code /init/error} when the handler could not even start.
 */
final class RuntimeApiServer implements AutoCloseable {

    static final String PREFIX = "/2018-06-01/runtime";

    /** How the one invocation ended. */
    record Outcome(Kind kind, String requestId, String body, String errorType) {
        enum Kind { RESPONSE, ERROR, INIT_ERROR }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final byte[] event;
    private final String functionArn;
    private final String requestId = "smoke-" + UUID.randomUUID();
    private final AtomicInteger nextCalls = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    RuntimeApiServer(String event, String functionArn) throws IOException {
        this.event = event.getBytes(StandardCharsets.UTF_8);
        this.functionArn = functionArn;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext(PREFIX + "/", this::handle);
        server.start();
    }

    /** {@code 127.0.0.1:PORT}, the value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    String requestId() {
        return requestId;
    }

    CompletableFuture<Outcome> outcome() {
        return outcome;
    }

    int nextCalls() {
        return nextCalls.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals(PREFIX + "/invocation/next")) {
                if (nextCalls.incrementAndGet() > 1) {
                    // a warm container waiting for its next invocation: hold the call until the test ends
                    closing.await(5, TimeUnit.MINUTES);
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                var headers = exchange.getResponseHeaders();
                headers.set("Content-Type", "application/json");
                headers.set("Lambda-Runtime-Aws-Request-Id", requestId);
                headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 60_000));
                headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
                headers.set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
                exchange.sendResponseHeaders(200, event.length);
                exchange.getResponseBody().write(event);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            String errorType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
            if (method.equals("POST") && path.equals(PREFIX + "/invocation/" + requestId + "/response")) {
                outcome.complete(new Outcome(Outcome.Kind.RESPONSE, requestId, text, null));
            } else if (method.equals("POST") && path.equals(PREFIX + "/invocation/" + requestId + "/error")) {
                outcome.complete(new Outcome(Outcome.Kind.ERROR, requestId, text, errorType));
            } else if (method.equals("POST") && path.equals(PREFIX + "/init/error")) {
                outcome.complete(new Outcome(Outcome.Kind.INIT_ERROR, null, text, errorType));
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
