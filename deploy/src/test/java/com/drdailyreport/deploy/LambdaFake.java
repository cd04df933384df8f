package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small in-process fake of the Lambda API for what moto_server cannot do (TOOLING.md: moto
 * finishes every update at once and invents {@code ResolvedImageUri}). It sits in front of moto —
 * every Lambda request is forwarded to it, so functions, versions, aliases and invocations are
 * moto's — and changes only {@code GetFunction} answers:
 * <ul>
 *   <li>{@code ResolvedImageUri} is the {@code ImageUri} when that pins a digest (what Lambda does);</li>
 *   <li>{@link #inProgressPolls}: after an update, the next N polls say {@code InProgress};</li>
 *   <li>{@link #failUpdates}: after an update to a new image, the function says {@code Failed} with a reason;</li>
 *   <li>{@link #resolveTo}: after an update, the resolved image is another digest.</li>
 * </ul>
 * The deploy tool reaches it through {@code AWS_ENDPOINT_URL_LAMBDA}, so this also exercises the
 * service-specific endpoint setting.
 */
final class LambdaFake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FUNCTION_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)(/code)?/?$");
    private static final Pattern ALIAS_PATH = Pattern.compile("^/2015-03-31/functions/([^/]+)/aliases/([^/]+)/?$");

    private final HttpServer server;
    private final MotoForward moto;

    private final Map<String, AtomicInteger> inProgressAfterUpdate = new ConcurrentHashMap<>();
    private final Map<String, Integer> inProgressPolls = new ConcurrentHashMap<>();
    private final Map<String, String> failReason = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, String> resolveTo = new ConcurrentHashMap<>();
    private final Set<String> misresolving = ConcurrentHashMap.newKeySet();
    /** Every UpdateFunctionCode: function name and image URI, in order. */
    final List<String[]> updates = new CopyOnWriteArrayList<>();
    /** Every UpdateAlias: the function's name, in order. */
    final List<String> aliasUpdates = new CopyOnWriteArrayList<>();
    /** GetFunction answers that said InProgress, per function. */
    final Map<String, AtomicInteger> inProgressAnswers = new ConcurrentHashMap<>();

    LambdaFake(URI moto) throws IOException {
        this.moto = new MotoForward(moto);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** After each update of {@code function}, its next {@code polls} GetFunction answers say InProgress. */
    void inProgressPolls(String function, int polls) {
        inProgressPolls.put(function, polls);
    }

    /** An update of {@code function} to any image but the ones in {@code except} ends Failed with {@code reason}. */
    void failUpdates(String function, String reason) {
        failReason.put(function, reason);
    }

    /** After an update of {@code function}, Lambda reports it resolved to {@code digest}. */
    void resolveTo(String function, String digest) {
        resolveTo.put(function, digest);
    }

    void reset() {
        inProgressAfterUpdate.clear();
        inProgressPolls.clear();
        failReason.clear();
        failing.clear();
        resolveTo.clear();
        misresolving.clear();
        updates.clear();
        aliasUpdates.clear();
        inProgressAnswers.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            Matcher m = FUNCTION_PATH.matcher(path);
            String function = m.matches() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8) : null;
            boolean update = function != null && m.group(2) != null && "PUT".equals(exchange.getRequestMethod());
            boolean get = function != null && m.group(2) == null && "GET".equals(exchange.getRequestMethod());

            if (update) {
                String imageUri = JSON.readTree(body).path("ImageUri").asText(null);
                updates.add(new String[] {function, imageUri});
                boolean firstUpdate = updates.stream().filter(u -> u[0].equals(function)).count() == 1;
                // the first update switches to the new image; the rollback's update (the next one) succeeds
                if (failReason.containsKey(function) && firstUpdate) {
                    failing.add(function);
                } else {
                    failing.remove(function);
                }
                if (resolveTo.containsKey(function) && firstUpdate) {
                    misresolving.add(function);
                } else {
                    misresolving.remove(function);
                }
                if (inProgressPolls.containsKey(function)) {
                    inProgressAfterUpdate.put(function, new AtomicInteger(inProgressPolls.get(function)));
                }
            }

            Matcher alias = ALIAS_PATH.matcher(path);
            if (alias.matches() && "PUT".equals(exchange.getRequestMethod())) {
                aliasUpdates.add(URLDecoder.decode(alias.group(1), StandardCharsets.UTF_8));
            }

            HttpResponse<byte[]> answer = moto.send(exchange, body);
            byte[] out = answer.body();
            if (get && answer.statusCode() == 200) {
                out = rewriteGetFunction(function, out, query);
            }
            MotoForward.reply(exchange, answer, out);
        }
    }

    private byte[] rewriteGetFunction(String function, byte[] body, String query) throws IOException {
        JsonNode root = JSON.readTree(body);
        ObjectNode code = (ObjectNode) root.path("Code");
        ObjectNode config = (ObjectNode) root.path("Configuration");
        String imageUri = code.path("ImageUri").asText(null);
        boolean latest = query == null || !query.contains("Qualifier=") || query.contains("Qualifier=%24LATEST");
        if (imageUri != null) {
            // Lambda resolves a digest-pinned URI to itself; moto invents "…@sha256@sha256:<hash>"
            String resolved = imageUri.contains("@sha256:") ? imageUri : code.path("ResolvedImageUri").asText(imageUri);
            if (latest && misresolving.contains(function)) {
                resolved = imageUri.substring(0, imageUri.indexOf('@')) + "@" + resolveTo.get(function);
            }
            code.put("ResolvedImageUri", resolved);
        }
        if (latest) {
            AtomicInteger left = inProgressAfterUpdate.get(function);
            if (left != null && left.getAndDecrement() > 0) {
                config.put("LastUpdateStatus", "InProgress").put("LastUpdateStatusReason", "The function is being updated.")
                        .put("LastUpdateStatusReasonCode", "Creating");
                inProgressAnswers.computeIfAbsent(function, k -> new AtomicInteger()).incrementAndGet();
            } else if (failing.contains(function)) {
                config.put("LastUpdateStatus", "Failed").put("LastUpdateStatusReason", failReason.get(function))
                        .put("LastUpdateStatusReasonCode", "ImageAccessDenied");
            }
        }
        return JSON.writeValueAsBytes(root);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        moto.close();
    }
}
