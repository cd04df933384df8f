package com.drdailyreport.local.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.lambda.InvocationContext;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
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
 * the body. Every failure the server itself answers uses the same envelope — also a request that is
 * not valid HTTP (400), headers over {@link #MAX_HEADER_BYTES} (431), a body over
 * {@link #MAX_BODY_BYTES} (413) or one that does not arrive in time (408), never an HTML page.
 * {@code HEAD} works wherever {@code GET} does (the function sees a GET; the body is left out), and
 * every response carries {@code X-Content-Type-Options: nosniff}.
 *
 * <p>Built on Jetty (HTTP/1.1 keep-alive) so that a slow client costs a connection, not a thread:
 * request lines, headers and bodies are read without blocking, and the worker threads (16 per core,
 * between 16 and 64) only run the functions and send. {@link Limits}: a request's line and headers
 * must arrive within 10 s of its first byte and its body within 30 s, a response must be taken within
 * 30 s, a connection silent for 30 s is closed, and at most 512 connections are open at once (more
 * wait to be accepted). Binds to the loopback address unless told otherwise.
 * Usage: {@code try (var s = new LocalHttpServer(8080, api, line, contexts).start()) {…}}.
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
    /** The request line and headers together; more is answered 431. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The files of the Mini App page, {@code vendor/echarts.min.js} included (the build unpacks it from its WebJar). */
    static final List<String> PAGE_FILES = List.of("index.html", "app.js", "app.css", "config.js", "vendor/echarts.min.js");

    private static final Logger LOG = LoggerFactory.getLogger(LocalHttpServer.class);

    /**
     * How long a client may take and how many may be connected.
     *
     * @param header         from a request's first byte to the end of its headers (then the connection is closed)
     * @param body           from the end of the headers to the end of the body (then 408)
     * @param response       to send a response to the client (then the connection is closed)
     * @param idle           a connection without a byte in either direction is closed
     * @param maxConnections connections open at once; further ones wait to be accepted
     */
    record Limits(Duration header, Duration body, Duration response, Duration idle, int maxConnections) {
        static final Limits DEFAULT = new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30), 512);
    }

    private final InetAddress bindAddress;
    private final int requestedPort;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api;
    private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> line;
    private final Function<String, Context> contexts;
    private final Limits limits;
    private final StaticFiles files;
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private Server server;
    private ServerConnector connector;
    private NetworkConnectionLimit connectionLimit;
    private ScheduledExecutorService timers;

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
        this(bindAddress, port, api, line, contexts, Limits.DEFAULT);
    }

    LocalHttpServer(InetAddress bindAddress, int port, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
                    RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> line, Function<String, Context> contexts, Limits limits) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, was " + port);
        }
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        this.requestedPort = port;
        this.api = Objects.requireNonNull(api, "api handler");
        this.line = line;
        this.contexts = Objects.requireNonNull(contexts, "context factory");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.files = new StaticFiles(LocalHttpServer.class.getClassLoader(), "miniapp");
    }

    /**
     * The files of the Mini App page that are not on the classpath (empty when the page is complete);
     * a build that skipped the chart library's WebJar lacks {@code vendor/echarts.min.js}.
     */
    public static List<String> missingPageFiles() {
        return missingPageFiles(LocalHttpServer.class.getClassLoader());
    }

    static List<String> missingPageFiles(ClassLoader loader) {
        return new StaticFiles(loader, "miniapp").missing(PAGE_FILES);
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
        int workers = Math.clamp(Runtime.getRuntime().availableProcessors() * 16L, 16, 64);
        QueuedThreadPool pool = new QueuedThreadPool(workers + 8, 8);
        pool.setName("http");
        pool.setDaemon(true);
        Server s = new Server(pool);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_HEADER_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // API Gateway passes odd paths (encoded dots and slashes, empty segments) to the function
        // as they came; the function or the static files decide, as in AWS
        http.setUriCompliance(UriCompliance.UNSAFE);
        ServerConnector c = new ServerConnector(s, 1, 1, new HttpConnectionFactory(http));
        c.setHost(bindAddress.getHostAddress());
        c.setPort(requestedPort);
        c.setIdleTimeout(limits.idle().toMillis());
        c.setAcceptQueueSize(1024);
        c.addBean(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection instanceof HttpConnection h) {
                    connections.add(h);
                }
            }

            @Override
            public void onClosed(Connection connection) {
                connections.remove(connection);
            }
        });
        s.addConnector(c);
        NetworkConnectionLimit limit = new NetworkConnectionLimit(limits.maxConnections(), c);
        s.addBean(limit);
        s.setErrorHandler(new EnvelopeErrorHandler());
        s.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                LocalHttpServer.this.handle(request, response, callback);
                return true;
            }
        });
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(50, Math.min(1_000, limits.header().toMillis() / 4));
        t.scheduleWithFixedDelay(this::closeSlowHeaders, tick, tick, TimeUnit.MILLISECONDS);
        try {
            s.start();
        } catch (Exception e) {
            t.shutdownNow();
            stopQuietly(s);
            throw new UncheckedIOException("cannot listen on " + bindAddress.getHostAddress() + ":" + requestedPort + ": " + e.getMessage(),
                    e instanceof java.io.IOException io ? io : new java.io.IOException(e));
        }
        server = s;
        connector = c;
        connectionLimit = limit;
        timers = t;
        LOG.info("listening on http://{}:{}/ ({} worker threads, at most {} connections)", bindAddress.getHostAddress(), port(), workers,
                limits.maxConnections());
        return this;
    }

    /** The port listened on (the chosen one when constructed with 0). */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return connector.getLocalPort();
    }

    /** Connections open now (at most {@link Limits#maxConnections()}). */
    synchronized int openConnections() {
        return connectionLimit == null ? 0 : connectionLimit.getNetworkConnectionCount();
    }

    /** Stops accepting, gives requests in progress up to a second, and ends the worker threads. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.setStopTimeout(1_000);
        stopQuietly(server);
        timers.shutdownNow();
        connections.clear();
        server = null;
        connector = null;
        connectionLimit = null;
        timers = null;
    }

    private static void stopQuietly(Server s) {
        try {
            s.stop();
        } catch (Exception e) {
            LOG.debug("stopping the http server: {}", e.getMessage());
        }
    }

    /** Closes connections that started a request but have not finished its line and headers in time (slow or stuck clients). */
    private void closeSlowHeaders() {
        long now = System.nanoTime();
        for (HttpConnection connection : connections) {
            HttpParser parser = connection.getParser();
            if (!parser.isStart() && parser.inHeaderState() && now - parser.getBeginNanoTime() > limits.header().toNanos()) {
                LOG.debug("closing {}: no complete request line and headers within {}", connection.getEndPoint().getRemoteSocketAddress(),
                        limits.header());
                connections.remove(connection);
                connection.getEndPoint().close();
            }
        }
    }

    private void handle(Request request, Response response, Callback callback) {
        Instant now = Instant.now();
        String requestId = UUID.randomUUID().toString();
        try {
            String path = request.getHttpURI().getPath();
            if (path == null || path.isEmpty()) {
                path = "/";
            }
            if (path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/")) {
                invoke(request, response, callback, api, API_FUNCTION, requestId, now);
            } else if (path.equals(LINE_PATH) || path.startsWith(LINE_PATH + "/")) {
                if (line == null) {
                    sendError(response, callback, 404, "NOT_FOUND", "No LINE webhook is configured here", Map.of("path", LINE_PATH));
                } else {
                    invoke(request, response, callback, line, LINE_FUNCTION, requestId, now);
                }
            } else {
                serveFile(request, response, callback, path);
            }
        } catch (RuntimeException e) {
            LOG.error("local http server failed on {} {} (request {})", request.getMethod(), request.getHttpURI().getPathQuery(), requestId, e);
            sendError(response, callback, 500, "INTERNAL_ERROR", "An internal error occurred", Map.of("request_id", requestId));
        }
    }

    private void invoke(Request request, Response response, Callback callback,
                        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String function, String requestId, Instant now) {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            sendError(response, callback, 413, "INVALID_REQUEST", "The request body is larger than " + MAX_BODY_BYTES + " bytes",
                    Map.of("field", "body"));
            return;
        }
        CompletableFuture<byte[]> body = new BodyReader(request, MAX_BODY_BYTES).start();
        ScheduledFuture<?> deadline = timers.schedule(() -> body.completeExceptionally(new TimeoutException()), limits.body().toMillis(),
                TimeUnit.MILLISECONDS);
        body.whenCompleteAsync((bytes, failure) -> {
            deadline.cancel(false);
            if (failure instanceof TimeoutException) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                sendError(response, callback, 408, "REQUEST_TIMEOUT", "The request body did not arrive within " + limits.body().toSeconds() + " s",
                        Map.of("field", "body"));
            } else if (failure != null) {
                LOG.debug("{}: the client went away while sending the body: {}", function, failure.toString());
                callback.failed(failure);
            } else if (bytes == null) {
                response.getHeaders().put(HttpHeader.CONNECTION, "close");
                sendError(response, callback, 413, "INVALID_REQUEST", "The request body is larger than " + MAX_BODY_BYTES + " bytes",
                        Map.of("field", "body"));
            } else {
                respond(request, response, callback, handler, function, requestId, now, bytes);
            }
        }, request.getComponents().getExecutor());
    }

    private void respond(Request request, Response response, Callback callback,
                         RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, String function, String requestId, Instant now,
                         byte[] body) {
        APIGatewayV2HTTPEvent event = ApiGatewayMapping.toEvent(incoming(request), body, requestId, now);
        ApiGatewayMapping.WireResponse wire;
        try {
            APIGatewayV2HTTPResponse result = handler.handleRequest(event, contexts.apply(function));
            if (result == null) {
                throw new IllegalStateException("the function returned no response");
            }
            wire = ApiGatewayMapping.toWire(result);
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            LOG.error("{} failed on {} {} (request {})", function, event.getRequestContext().getHttp().getMethod(), event.getRawPath(),
                    requestId, e);
            sendError(response, callback, 500, "INTERNAL_ERROR", "An internal error occurred", Map.of("request_id", requestId));
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>(wire.headers());
        headers.add(Map.entry("apigw-requestid", requestId));
        send(response, callback, wire.status(), headers, wire.body());
    }

    /** The request as API Gateway receives it; HEAD reaches the function as the GET it stands for. */
    private static ApiGatewayMapping.Incoming incoming(Request request) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (HttpField field : request.getHeaders()) {
            headers.add(Map.entry(field.getName(), field.getValue() == null ? "" : field.getValue()));
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        String sourceIp = remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : null;
        String method = request.getMethod().equalsIgnoreCase("HEAD") ? "GET" : request.getMethod();
        return new ApiGatewayMapping.Incoming(method, request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                request.getConnectionMetaData().getProtocol(), headers, sourceIp);
    }

    private void serveFile(Request request, Response response, Callback callback, String rawPath) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put("Allow", "GET, HEAD");
            sendError(response, callback, 405, "METHOD_NOT_ALLOWED", method + " is not allowed here; use GET", Map.of("allowed", "GET, HEAD"));
            return;
        }
        StaticFiles.File file = files.find(rawPath).orElse(null);
        if (file == null) {
            String shown = rawPath.length() > 80 ? rawPath.substring(0, 80) + "…" : rawPath;
            sendError(response, callback, 404, "NOT_FOUND", "No such file: " + shown, Map.of("path", shown));
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Content-Type", file.contentType()));
        headers.add(Map.entry("Cache-Control", file.cacheControl()));
        headers.add(Map.entry("ETag", file.etag()));
        headers.add(Map.entry("Referrer-Policy", "no-referrer"));
        String ifNoneMatch = request.getHeaders().get(HttpHeader.IF_NONE_MATCH);
        if (ifNoneMatch != null && ifNoneMatch.contains(file.etag())) {
            send(response, callback, 304, headers, new byte[0]);
            return;
        }
        byte[] body = file.bytes();
        if (file.gzipped() != null) {
            headers.add(Map.entry("Vary", "Accept-Encoding"));
            String accept = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
            if (accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip")) {
                headers.add(Map.entry("Content-Encoding", "gzip"));
                body = file.gzipped();
            }
        }
        send(response, callback, 200, headers, body);
    }

    /** The error envelope every failure the server answers itself carries. */
    static byte[] envelope(String code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return Json.write(Map.of("error", error)).getBytes(StandardCharsets.UTF_8);
    }

    private void sendError(Response response, Callback callback, int status, String code, String message, Map<String, Object> details) {
        send(response, callback, status, List.of(Map.entry("Content-Type", "application/json"), Map.entry("Cache-Control", "no-store")),
                envelope(code, message, details));
    }

    /**
     * Sends a whole response (HEAD: the same headers, with the length of the body it leaves out) and
     * closes the connection when the client does not take it within the response limit.
     */
    private void send(Response response, Callback callback, int status, List<Map.Entry<String, String>> headers, byte[] body) {
        response.setStatus(status);
        HttpFields.Mutable out = response.getHeaders();
        headers.forEach(h -> out.add(h.getKey(), h.getValue()));
        if (!out.contains("X-Content-Type-Options")) {
            out.put("X-Content-Type-Options", "nosniff");
        }
        boolean noBody = status == 204 || status == 304 || status < 200;
        if (noBody) {
            response.write(true, null, callback);
            return;
        }
        out.put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
        if (response.getRequest().getMethod().equalsIgnoreCase("HEAD") || body.length == 0) {
            response.write(true, null, callback);
            return;
        }
        ScheduledFuture<?> deadline = timers.schedule(() -> {
            LOG.debug("closing {}: the response was not taken within {}", response.getRequest().getConnectionMetaData().getRemoteSocketAddress(),
                    limits.response());
            response.getRequest().getConnectionMetaData().getConnection().getEndPoint().close();
        }, limits.response().toMillis(), TimeUnit.MILLISECONDS);
        response.write(true, ByteBuffer.wrap(body), Callback.from(() -> {
            deadline.cancel(false);
            callback.succeeded();
        }, failure -> {
            deadline.cancel(false);
            callback.failed(failure);
        }));
    }

    /** Reads a request body without holding a thread while it arrives: the bytes, or null when it is over the limit. */
    private static final class BodyReader implements Runnable {
        private final Request request;
        private final int max;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();

        BodyReader(Request request, int max) {
            this.request = request;
            this.max = max;
        }

        CompletableFuture<byte[]> start() {
            run();
            return result;
        }

        @Override
        public void run() {
            while (!result.isDone()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    result.completeExceptionally(chunk.getFailure());
                    return;
                }
                ByteBuffer buffer = chunk.getByteBuffer();
                if (bytes.size() + buffer.remaining() > max) {
                    chunk.release();
                    result.complete(null);
                    return;
                }
                byte[] part = new byte[buffer.remaining()];
                buffer.get(part);
                bytes.writeBytes(part);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    result.complete(bytes.toByteArray());
                    return;
                }
            }
        }
    }

    /**
     * What Jetty answers itself — a request that is not valid HTTP, headers over the limit — in the
     * error envelope instead of its HTML page.
     */
    private static final class EnvelopeErrorHandler extends ErrorHandler {

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected void generateResponse(Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            byte[] body = envelope(codeFor(code), messageFor(code), detailsFor(code));
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
            headers.put("X-Content-Type-Options", "nosniff");
            headers.put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
            response.write(true, request.getMethod().equalsIgnoreCase("HEAD") ? null : ByteBuffer.wrap(body), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            fields.put(HttpHeader.CACHE_CONTROL, "no-store");
            fields.put("X-Content-Type-Options", "nosniff");
            return ByteBuffer.wrap(envelope(codeFor(status), messageFor(status), detailsFor(status)));
        }

        private static String codeFor(int status) {
            return switch (status) {
                case 408 -> "REQUEST_TIMEOUT";
                case 413 -> "INVALID_REQUEST";
                case 414 -> "URI_TOO_LONG";
                case 431 -> "REQUEST_HEADERS_TOO_LARGE";
                case 501 -> "NOT_IMPLEMENTED";
                case 505 -> "HTTP_VERSION_NOT_SUPPORTED";
                case 503 -> "SERVICE_UNAVAILABLE";
                default -> status >= 500 ? "INTERNAL_ERROR" : "INVALID_REQUEST";
            };
        }

        private static String messageFor(int status) {
            return switch (status) {
                case 408 -> "The request did not arrive in time";
                case 413 -> "The request body is larger than " + MAX_BODY_BYTES + " bytes";
                case 414 -> "The request line is too long";
                case 431 -> "The request line and headers are larger than " + MAX_HEADER_BYTES + " bytes";
                case 501 -> "This request feature is not supported";
                case 505 -> "Only HTTP/1.0 and HTTP/1.1 are supported";
                case 503 -> "The service is temporarily unavailable";
                default -> status >= 500 ? "An internal error occurred" : "The request is not valid HTTP/1.1";
            };
        }

        private static Map<String, Object> detailsFor(int status) {
            return switch (status) {
                case 431 -> Map.of("limit_bytes", MAX_HEADER_BYTES);
                case 413 -> Map.of("field", "body", "limit_bytes", MAX_BODY_BYTES);
                default -> Map.of();
            };
        }
    }
}
