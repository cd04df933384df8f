package com.drdailyreport.local.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server of {@code local}, standing where API Gateway and CloudFront stand in AWS:
 * <ul>
 *   <li>{@code /api/v1} and below → the telegram-api function, with the request turned into the
 *       API Gateway HTTP API payload 2.0 event it would get in AWS ({@link ApiGatewayMapping});</li>
 *   <li>{@code /line/webhook} → the line-bot function the same way (404 when there is none);</li>
 *   <li>anything else → the Mini App's static files from the classpath folder {@code miniapp/}
 *       ({@code /} is {@code index.html}; no way out of that folder).</li>
 * </ul>
 * A function that throws, returns nothing or returns a malformed body gives a 500 with the error
 * envelope {@code {"error":{"code":"INTERNAL_ERROR",…}}} and a log line; nothing internal reaches
 * the body. Every failure the server itself answers uses the same envelope.
 *
 * <p>Built on the JDK's {@link HttpServer} (HTTP/1.1 keep-alive) with a fixed pool of worker
 * threads — 16 per core, between 16 and 64 — so a few thousand small requests a second fit on two
 * cores while a slow database call does not hold up the rest. Binds to the loopback address
 * unless told otherwise. Usage: {@code try (var s = new LocalHttpServer(8080, api, line, contexts).start()) {…}}.
 */
public final class LocalHttpServer implements AutoCloseable {

    /** The function name passed to the context factory for API requests. */
    public static final String API_FUNCTION = "telegram-api";
    /** The function name passed to the context factory for LINE webhook requests. */
    public static final String LINE_FUNCTION = "line-bot";

    static final String API_PREFIX = "/api/v1";
    static final String LINE_PATH = "/line/webhook";
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);

    static {
        // Small responses on a kept-alive connection otherwise wait for the peer's delayed ACK
        // (Nagle): ~40 ms per request instead of well under one. Read once, when the JDK's server
        // class first loads; a value set on the command line wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> line;
    private final Function<String, Context> contexts;
    private final StaticFiles files;
    private HttpServer server;
    private ExecutorService workers;

    /**
     * A server on the loopback address, not started yet.
     *
     * @param port     the port, or 0 for any free one ({@link #port()} tells which after {@link #start()})
     * @param api      the telegram-api function
     * @param line     the line-bot function, or null when there is none ({@code /line/webhook} answers 404)
     * @param contexts a new Lambda {@link Context} for an invocation of the named function
     *                 ({@link #API_FUNCTION}, {@link #LINE_FUNCTION}); see {@link InvocationContext#factory()}
     */
    public LocalHttpServer(int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
                           RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> line, Function<String, Context> contexts) {
        this(InetAddress.getLoopbackAddress(), port, api, line, contexts);
    }

    /**
     * As {@link #LocalHttpServer(int, RequestHandler, RequestHandler, Function)}, on {@code bindAddress}
     * (e.g. {@code 0.0.0.0} to be reachable from a phone on the same network).
     */
    public LocalHttpServer(InetAddress bindAddress, int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
                           RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> line, Function<String, Context> contexts) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.requestedPort = port;
        this.api = Objects.requireNonNull(api, "api handler");
        this.line = line;
        this.contexts = Objects.requireNonNull(contexts, "context factory");
        this.files = new StaticFiles(LocalHttpServer.class.getClassLoader(), "miniapp");
    }

    /**
     * Binds and starts serving.
     *
     * @return this server
     * @throws UncheckedIOException when the port cannot be bound
     * @throws IllegalStateException when already started
     */
    public synchronized LocalHttpServer start() {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        int threads = Math.clamp(Runtime.getRuntime().availableProcessors() * 16L, 16, 64);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(bindAddress, requestedPort), 1024);
            s.createContext("/", this::handle);
            s.setExecutor(pool);
            s.start();
            server = s;
            workers = pool;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + bindAddress.getHostAddress() + ":" + requestedPort + ": " + e.getMessage(), e);
        }
        LOG.info("listening on http://{}:{}/ ({} worker threads)", bindAddress.getHostAddress(), port(), threads);
        return this;
    }

    /** The port listened on (the chosen one when constructed with 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.getAddress().getPort();
    }

    /** Stops accepting, gives requests in progress up to a second, and ends the worker threads. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        server = null;
        workers = null;
    }

    private void handle(HttpExchange exchange) {
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            if (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")) {
                invoke(exchange, api, API_FUNCTION, requestId, now);
            } else if (path.equals(LINE_PATH) || path.startsWith(LINE_PATH + "/")) {
                if (line == null) {
                    drain(exchange);
                    sendError(exchange, 404, "NOT_FOUND", "No LINE webhook is configured here", Map.of("path", LINE_PATH));
                } else {
                    invoke(exchange, line, LINE_FUNCTION, requestId, now);
                }
            } else {
                serveFile(exchange, path);
            }
        } catch (IOException e) {
            LOG.debug("client went away during {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("local http server failed on {} {} (request {})", exchange.getRequestMethod(), exchange.getRequestURI(), requestId, e);
        }
    }

    private void invoke(HttpExchange exchange, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String function,
                        String requestId, Instant now) throws IOException {
        byte[] body = readBody(exchange);
        if (body == null) {
            sendError(exchange, 413, "INVALID_REQUEST", "The request body is larger than " + MAX_BODY_BYTES + " bytes",
                    Map.of("field", "body"));
            return;
        }
        APIGatewayV2HTTPEvent event = ApiGatewayMapping.toEvent(exchange, body, requestId, now);
        ApiGatewayMapping.WireResponse wire;
        try {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, contexts.apply(function));
            if (response == null) {
                throw new IllegalStateException("the function returned no response");
            }
            wire = ApiGatewayMapping.toWire(response);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            LOG.error("{} failed on {} {} (request {})", function, event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                    requestId, e);
            sendError(exchange, 500, "INTERNAL_ERROR", "An internal error occurred", Map.of("request_id", requestId));
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>(wire.headers());
        headers.add(Map.entry("apigw-requestid", requestId));
        send(exchange, wire.status(), headers, wire.body());
    }

    private void serveFile(HttpExchange exchange, String rawPath) throws IOException {
        drain(exchange);
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Allow", "GET, HEAD");
            sendError(exchange, 405, "METHOD_NOT_ALLOWED", method + " is not allowed here; use GET", Map.of("allowed", "GET, HEAD"));
            return;
        }
        StaticFiles.File file = files.find(rawPath).orElse(null);
        if (file == null) {
            String shown = rawPath.length() > 80 ? rawPath.substring(0, 80) + "…" : rawPath;
            sendError(exchange, 404, "NOT_FOUND", "No such file: " + shown, Map.of("path", shown));
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", file.contentType()));
        headers.add(Map.entry("Cache-Control", file.cacheControl()));
        headers.add(Map.entry("ETag", file.etag()));
        headers.add(Map.entry("X-Content-Type-Options", "nosniff"));
        headers.add(Map.entry("Referrer-Policy", "no-referrer"));
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(file.etag())) {
            send(exchange, 304, headers, new byte[0]);
            return;
        }
        byte[] body = file.bytes();
        if (file.gzipped() != null) {
            headers.add(Map.entry("Vary", "Accept-Encoding"));
            String accept = exchange.getRequestHeaders().getFirst("Accept-Encoding");
            if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
                headers.add(Map.entry("Content-Encoding", "gzip"));
                body = file.gzipped();
            }
        }
        send(exchange, 200, headers, body);
    }

    private static void sendError(HttpExchange exchange, int status, String code, String message, Map<String, Object> details)
            throws IOException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        byte[] body = Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
        send(exchange, status, List.of(Map.entry("Content-Type", "application/json"), Map.entry("Cache-Control", "no-store")), body);
    }

    private static void send(HttpExchange exchange, int status, List<Map.Entry<String, String>> headers, byte[] body) throws IOException {
        headers.forEach(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue()));
        boolean noBody = exchange.getRequestMethod().equalsIgnoreCase("HEAD") || status == 204 || status == 304 || status < 200
                || body.length == 0;
        if (noBody) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The request body, or null when it is over the limit. */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                return null;
            }
            return body;
        }
    }

    /** Reads and drops a body nobody wants, so the connection can be kept alive. */
    private static void drain(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.skip(MAX_BODY_BYTES);
        }
    }
}
