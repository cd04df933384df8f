package com.drdailyreport.deploy;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;

/**
 * What the in-process fakes in front of moto_server share: a request forwarded to moto as it came
 * (method, path, query, headers, body), and an answer written back to the client.
 */
final class MotoForward implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP_REQUEST = Set.of("host", "content-length", "connection", "expect", "transfer-encoding", "upgrade");
    private static final Set<String> HOP_BY_HOP_RESPONSE = Set.of("content-length", "connection", "transfer-encoding", "date", "server");

    private final URI moto;
    private final HttpClient http = HttpClient.newHttpClient();

    MotoForward(URI moto) {
        this.moto = moto;
    }

    /** Moto's answer to the request {@code exchange} carries (whose body was read into {@code body}). */
    HttpResponse<byte[]> send(HttpExchange exchange, byte[] body) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(moto + path + (query == null ? "" : "?" + query)))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP_REQUEST.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        try {
            return http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Writes {@code out} as the answer, with the headers of moto's {@code answer}. */
    static void reply(HttpExchange exchange, HttpResponse<byte[]> answer, byte[] out) throws IOException {
        answer.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP_RESPONSE.contains(n) && !n.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, v));
            }
        });
        reply(exchange, answer.statusCode(), out);
    }

    static void reply(HttpExchange exchange, int status, byte[] out) throws IOException {
        exchange.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
