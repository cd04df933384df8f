package com.drdailyreport.local;

import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where the LINE bot's replies go on a developer's machine when no real channel is configured: a
 * loopback stand-in for the Messaging API's reply endpoint that prints each reply (text, or a Flex
 * card's altText) and answers as LINE does, so the webhook can be tried with curl.
 */
final class LineReplySink implements AutoCloseable {

    private final HttpServer server;

    LineReplySink(PrintStream out) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                JsonNode request = Json.read(body);
                for (JsonNode m : request.path("messages")) {
                    String shown = m.has("altText") ? "[flex] " + m.get("altText").asText() : m.path("text").asText();
                    out.println("line reply (local, not sent) token=" + request.path("replyToken").asText() + ": "
                            + shown.replace('\n', ' '));
                }
            } catch (RuntimeException e) {
                out.println("line reply (local): unreadable request " + e.getMessage());
            }
            byte[] answer = "{\"sentMessages\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
