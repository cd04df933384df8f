package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The optional LLM narrator against a loopback server speaking the chat-completions protocol. */
class ChatCompletionsNarratorTest {

    private static final ReportFacts FACTS = new ReportFacts("NVDA19", "NVIDIA", "USD", LocalDate.of(2026, 1, 14), 181.5, 1.25, 8.4,
            Double.NaN, 165.2, 150, 64, 0.8, 1.1, 42, -18.5, "medium", Stance.BULLISH, List.of("x"), List.of("ก"), List.of(), false, null, null,
            List.of());

    private HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();

    private URI serve(int status, String body, long delayMs) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/chat/completions", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException ignored) {
                // the client gave up (timeout test)
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/chat/completions");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static String completion(String content) {
        return Json.write(Map.of("choices", List.of(Map.of("message", Map.of("role", "assistant", "content", content)))));
    }

    private ChatCompletionsNarrator narrator(URI endpoint, long timeoutMs) {
        return new ChatCompletionsNarrator(new ChatCompletionsNarrator.Config(endpoint, "sk-test", "test-model",
                Duration.ofMillis(timeoutMs)), new TemplateNarrator());
    }

    @Test
    void usesTheModelsAnswerAndSendsAGroundedRequest() throws IOException {
        URI endpoint = serve(200, completion("```json\n{\"th\": \"ข้อความไทย\", \"en\": \"English text\"}\n```"), 0);

        Narrative n = narrator(endpoint, 2_000).narrate(FACTS);

        assertThat(n).isEqualTo(new Narrative("ข้อความไทย", "English text", "llm:test-model"));
        assertThat(auth).containsExactly("Bearer sk-test");
        JsonNode request = Json.read(bodies.getFirst());
        assertThat(request.get("model").asText()).isEqualTo("test-model");
        assertThat(request.get("messages").get(0).get("role").asText()).isEqualTo("system");
        JsonNode user = Json.read(request.get("messages").get(1).get("content").asText());
        assertThat(user.get("facts").get("ticker").asText()).isEqualTo("NVDA19");
        assertThat(user.get("facts").get("ytd_return_percent").isNull()).isTrue(); // NaN went out as null
        assertThat(user.get("draft_en").asText()).contains("NVDA19");
    }

    @Test
    void fallsBackOnHttpErrorsGarbageAndTimeouts() throws IOException {
        Narrative template = new TemplateNarrator().narrate(FACTS);

        assertThat(narrator(serve(500, "{\"error\":\"boom\"}", 0), 2_000).narrate(FACTS)).isEqualTo(template);
        stop();
        assertThat(narrator(serve(200, completion("I cannot do JSON today"), 0), 2_000).narrate(FACTS)).isEqualTo(template);
        stop();
        assertThat(narrator(serve(200, completion("{\"th\": \"\", \"en\": \"x\"}"), 0), 2_000).narrate(FACTS)).isEqualTo(template);
        stop();
        assertThat(narrator(serve(200, completion("{\"th\":\"a\",\"en\":\"b\"}"), 1_200), 300).narrate(FACTS)).isEqualTo(template);
    }

    @Test
    void unreachableEndpointFallsBack() {
        Narrative n = narrator(URI.create("http://127.0.0.1:1/v1/chat/completions"), 500).narrate(FACTS);
        assertThat(n.source()).isEqualTo("template");
    }

    @Test
    void configurationNeedsAllThreeKeysOrNone() {
        assertThat(ChatCompletionsNarrator.fromEnvironment(new EnvironmentReader(Map.of()))).isInstanceOf(TemplateNarrator.class);

        EnvironmentReader partial = new EnvironmentReader(Map.of("LLM_API_URL", "http://x/v1"));
        assertThat(ChatCompletionsNarrator.Config.read(partial)).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(partial::validate).hasMessageContaining("must be set together");

        ChatCompletionsNarrator.Config config = ChatCompletionsNarrator.Config.read(new EnvironmentReader(
                Map.of("LLM_API_URL", "https://llm.example/v1/", "LLM_API_KEY", "k", "LLM_MODEL", "m"))).orElseThrow();
        assertThat(config.endpoint()).hasToString("https://llm.example/v1/chat/completions");
        assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(20));
    }
}
