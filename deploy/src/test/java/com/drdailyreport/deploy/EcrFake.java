package com.drdailyreport.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The small in-process fake of ECR's image API for what moto_server cannot do: moto's ECR has no
 * registry behind it, so it can neither see an image pushed to a registry nor tag one. It sits in
 * front of moto (the deploy tool reaches it through {@code AWS_ENDPOINT_URL_ECR}) and forwards every
 * request there, except {@code BatchGetImage} and {@code PutImage} on an ECR repository that
 * {@link #backs} maps to a repository of the loopback registry: those are answered from that
 * registry over its HTTP API (manifests read by digest, tags written with the exact manifest bytes),
 * as ECR answers them from its own storage.
 */
final class EcrFake implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET_PREFIX = "AmazonEC2ContainerRegistry_V20150921.";
    private static final String ACCEPT = String.join(", ", "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.index.v1+json");

    private final HttpServer server;
    private final MotoForward moto;
    private final String registryHost;
    private final HttpClient http = HttpClient.newHttpClient();
    /** ECR repository name → the registry repository holding its images. */
    private final Map<String, String> backing = new ConcurrentHashMap<>();

    EcrFake(URI moto, String registryHost) throws IOException {
        this.moto = new MotoForward(moto);
        this.registryHost = registryHost;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The images of ECR repository {@code ecrRepository} are those of {@code registryRepository} in the loopback registry. */
    void backs(String ecrRepository, String registryRepository) {
        backing.put(ecrRepository, registryRepository);
    }

    void reset() {
        backing.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String operation = target != null && target.startsWith(TARGET_PREFIX) ? target.substring(TARGET_PREFIX.length()) : "";
            JsonNode request = operation.isEmpty() || body.length == 0 ? null : JSON.readTree(body);
            String repository = request == null ? null : backing.get(request.path("repositoryName").asText(""));
            if (repository != null && operation.equals("BatchGetImage")) {
                answer(exchange, 200, batchGetImage(request, repository));
            } else if (repository != null && operation.equals("PutImage")) {
                putImage(exchange, request, repository);
            } else {
                HttpResponse<byte[]> answer = moto.send(exchange, body);
                MotoForward.reply(exchange, answer, answer.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private ObjectNode batchGetImage(JsonNode request, String repository) throws IOException, InterruptedException {
        ObjectNode result = JSON.createObjectNode();
        ArrayNode images = result.putArray("images");
        ArrayNode failures = result.putArray("failures");
        for (JsonNode id : request.path("imageIds")) {
            String reference = id.hasNonNull("imageDigest") ? id.path("imageDigest").asText() : id.path("imageTag").asText();
            HttpResponse<byte[]> manifest = manifest(repository, reference);
            if (manifest.statusCode() != 200) {
                failures.addObject().<ObjectNode>set("imageId", id.deepCopy()).put("failureCode", "ImageNotFound")
                        .put("failureReason", "Requested image not found");
                continue;
            }
            ObjectNode image = images.addObject().put("registryId", DeployStandIns.ACCOUNT)
                    .put("repositoryName", request.path("repositoryName").asText());
            ObjectNode imageId = image.putObject("imageId").put("imageDigest", sha256(manifest.body()));
            if (id.hasNonNull("imageTag")) {
                imageId.put("imageTag", id.path("imageTag").asText());
            }
            image.put("imageManifest", new String(manifest.body(), StandardCharsets.UTF_8))
                    .put("imageManifestMediaType", manifest.headers().firstValue("Content-Type").orElse(""));
        }
        return result;
    }

    private void putImage(HttpExchange exchange, JsonNode request, String repository) throws IOException, InterruptedException {
        byte[] manifest = request.path("imageManifest").asText().getBytes(StandardCharsets.UTF_8);
        String digest = sha256(manifest);
        String tag = request.path("imageTag").asText();
        if (request.hasNonNull("imageDigest") && !request.path("imageDigest").asText().equals(digest)) {
            error(exchange, "InvalidParameterException", "the manifest's digest is " + digest);
            return;
        }
        HttpResponse<byte[]> existing = manifest(repository, tag);
        if (existing.statusCode() == 200) {
            // the repository's tags are immutable, as Terraform creates it
            boolean same = sha256(existing.body()).equals(digest);
            error(exchange, same ? "ImageAlreadyExistsException" : "ImageTagAlreadyExistsException",
                    "tag " + tag + " exists" + (same ? " on this image" : " on another image"));
            return;
        }
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(registry("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", request.path("imageManifestMediaType").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build(), HttpResponse.BodyHandlers.ofString());
        if (put.statusCode() != 201) {
            error(exchange, "InvalidParameterException", "registry answered " + put.statusCode() + ": " + put.body());
            return;
        }
        ObjectNode result = JSON.createObjectNode();
        ObjectNode image = result.putObject("image").put("registryId", DeployStandIns.ACCOUNT)
                .put("repositoryName", request.path("repositoryName").asText());
        image.putObject("imageId").put("imageDigest", digest).put("imageTag", tag);
        image.put("imageManifest", request.path("imageManifest").asText())
                .put("imageManifestMediaType", request.path("imageManifestMediaType").asText());
        answer(exchange, 200, result);
    }

    private HttpResponse<byte[]> manifest(String repository, String reference) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(registry("/v2/" + repository + "/manifests/" + reference)).header("Accept", ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI registry(String path) {
        return URI.create("http://" + registryHost + path);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        MotoForward.reply(exchange, status, JSON.writeValueAsBytes(body));
    }

    private static void error(HttpExchange exchange, String type, String message) throws IOException {
        answer(exchange, 400, JSON.createObjectNode().put("__type", type).put("message", message));
    }

    private static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        moto.close();
        http.close();
    }
}
