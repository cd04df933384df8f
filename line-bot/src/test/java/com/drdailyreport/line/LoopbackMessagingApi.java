package com.drdailyreport.line;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP server acting as LINE's Messaging API for the reply endpoint: records every
 * request (path, Authorization header, JSON body) and answers like LINE — 200 with
 * {@code sentMessages}, or the status the test sets (400 "Invalid reply token" and the like).
 * LINE's real API cannot be reached from tests; the SDK's client talks real HTTP to this.
 */
final class LoopbackMessagingApi implements AutoCloseable {

    record Call(String method, String path, String authorization, JsonNode body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile int status = 200;
    private final HttpServer server;

    LoopbackMessagingApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            JsonNode body = in.length == 0 ? null : Json.read(new String(in, StandardCharsets.UTF_8));
            calls.add(new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body));
            int answer = status;
            String out = answer == 200
                    ? "{\"sentMessages\":[{\"id\":\"461230966842064897\",\"quoteToken\":\"IStG5h1Tz7b\"}]}"
                    : "{\"message\":\"Invalid reply token\"}";
            byte[] bytes = out.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> replies() {
        return calls.stream().filter(c -> c.path().equals("/v2/bot/message/reply")).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
