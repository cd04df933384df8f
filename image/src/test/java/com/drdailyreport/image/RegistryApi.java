package com.drdailyreport.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads images back from a plain-HTTP registry over the Docker Registry HTTP API v2. */
final class RegistryApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACCEPT = String.join(", ",
            "application/vnd.docker.distribution.manifest.v2+json",
            "application/vnd.oci.image.manifest.v1+json");

    private final String host;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RegistryApi(String host) {
        this.host = host;
    }

    /** An image manifest as the registry stores it, checked against the digest when asked by digest. */
    record Manifest(String digest, byte[] raw, JsonNode json) {
        String configDigest() {
            return json.path("config").path("digest").asText();
        }

        List<String> layerDigests() {
            List<String> digests = new ArrayList<>();
            json.path("layers").forEach(l -> digests.add(l.path("digest").asText()));
            return digests;
        }

        long layerSize(int index) {
            return json.path("layers").path(index).path("size").asLong();
        }
    }

    Manifest manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = get("/v2/" + repository + "/manifests/" + reference, ACCEPT);
        String digest = sha256(r.body());
        if (reference.startsWith("sha256:") && !reference.equals(digest)) {
            throw new IOException("manifest " + reference + " hashes to " + digest);
        }
        String header = r.headers().firstValue("Docker-Content-Digest").orElse(digest);
        if (!header.equals(digest)) {
            throw new IOException("registry says " + header + " for a manifest hashing to " + digest);
        }
        return new Manifest(digest, r.body(), JSON.readTree(r.body()));
    }

    /** A blob, checked against its digest. */
    byte[] blob(String repository, String digest) throws IOException, InterruptedException {
        byte[] body = get("/v2/" + repository + "/blobs/" + digest, "*/*").body();
        String actual = sha256(body);
        if (!actual.equals(digest)) {
            throw new IOException("blob " + digest + " hashes to " + actual);
        }
        return body;
    }

    JsonNode config(String repository, Manifest manifest) throws IOException, InterruptedException {
        return JSON.readTree(blob(repository, manifest.configDigest()));
    }

    private HttpResponse<byte[]> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host + path))
                .header("Accept", accept).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + path + " → " + r.statusCode() + ": " + new String(r.body()));
        }
        return r;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
