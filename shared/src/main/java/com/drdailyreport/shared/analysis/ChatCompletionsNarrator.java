package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Optional narrator: asks an OpenAI-compatible chat-completions endpoint to rewrite the
 * deterministic narrative more fluently, grounded in the same facts. Any failure — timeout,
 * HTTP error, unusable answer — falls back to the deterministic text, so a report is never lost
 * to the language model. Enabled only when LLM_API_URL, LLM_API_KEY and LLM_MODEL are all set.
 */
public final class ChatCompletionsNarrator implements Narrator {

    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionsNarrator.class);
    private static final int MAX_TEXT = 4_000;
    private static final String SYSTEM_PROMPT = "You write short daily technical-analysis notes about depositary receipts traded"
            + " on the Stock Exchange of Thailand, for retail investors. Use only the facts and the draft you are given;"
            + " never invent numbers, news or fundamentals; keep every figure exactly as given; no investment advice."
            + " Answer with one JSON object and nothing else: {\"th\": \"<Thai text, at most 900 characters>\","
            + " \"en\": \"<English text, at most 900 characters>\"}.";

    /** Where and how to call the model. */
    public record Config(URI endpoint, String apiKey, String model, Duration timeout) {

        /**
         * The LLM settings, when all three of LLM_API_URL, LLM_API_KEY, LLM_MODEL are set; a partial
         * set is recorded as invalid in {@code env}. LLM_TIMEOUT_MS defaults to 20 s.
         */
        public static Optional<Config> read(EnvironmentReader env) {
            String url = env.optional("LLM_API_URL", null);
            String key = env.optional("LLM_API_KEY", null);
            String model = env.optional("LLM_MODEL", null);
            int timeoutMs = env.optionalInt("LLM_TIMEOUT_MS", 20_000, 500, 120_000);
            if (url == null && key == null && model == null) {
                return Optional.empty();
            }
            if (url == null || key == null || model == null) {
                env.invalid("LLM_API_URL/LLM_API_KEY/LLM_MODEL", "must be set together (or none of them)");
                return Optional.empty();
            }
            String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            String endpoint = base.endsWith("/chat/completions") ? base : base + "/chat/completions";
            return Optional.of(new Config(URI.create(endpoint), key, model, Duration.ofMillis(timeoutMs)));
        }
    }

    private final Config config;
    private final Narrator fallback;
    private final HttpClient http;

    public ChatCompletionsNarrator(Config config, Narrator fallback) {
        this.config = config;
        this.fallback = fallback;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** The narrator the environment asks for: this one when the LLM settings are present, else the template. */
    public static Narrator fromEnvironment(EnvironmentReader env) {
        TemplateNarrator template = new TemplateNarrator();
        return Config.read(env).<Narrator>map(c -> new ChatCompletionsNarrator(c, template)).orElse(template);
    }

    @Override
    public Narrative narrate(ReportFacts facts) {
        Narrative draft = fallback.narrate(facts);
        try {
            HttpResponse<String> response = http.send(request(facts, draft), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                LOG.warn("narrator: {} answered HTTP {} for {}; using the template text", config.endpoint().getHost(),
                        response.statusCode(), facts.ticker());
                return draft;
            }
            return parse(response.body()).orElseGet(() -> {
                LOG.warn("narrator: unusable answer for {}; using the template text", facts.ticker());
                return draft;
            });
        } catch (IOException | RuntimeException e) {
            LOG.warn("narrator: call failed for {} ({}); using the template text", facts.ticker(), e.getClass().getSimpleName());
            return draft;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return draft;
        }
    }

    private HttpRequest request(ReportFacts facts, Narrative draft) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("model", config.model());
        body.put("temperature", 0.2);
        body.put("max_tokens", 1_200);
        ArrayNode messages = body.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        ObjectNode user = Json.mapper().createObjectNode();
        user.set("facts", Json.tree(facts));
        user.put("draft_th", draft.thai());
        user.put("draft_en", draft.english());
        messages.addObject().put("role", "user").put("content", Json.write(user));
        return HttpRequest.newBuilder(config.endpoint())
                .timeout(config.timeout())
                .header("Authorization", "Bearer " + config.apiKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body), StandardCharsets.UTF_8))
                .build();
    }

    private Optional<Narrative> parse(String responseBody) {
        try {
            String content = Json.read(responseBody).path("choices").path(0).path("message").path("content").asText("");
            String trimmed = content.strip();
            if (trimmed.startsWith("```")) {
                trimmed = trimmed.replaceFirst("^```(?:json)?", "").replaceFirst("```$", "").strip();
            }
            JsonNode answer = Json.read(trimmed);
            String th = answer.path("th").asText("").strip();
            String en = answer.path("en").asText("").strip();
            if (th.isEmpty() || en.isEmpty() || th.length() > MAX_TEXT || en.length() > MAX_TEXT) {
                return Optional.empty();
            }
            return Optional.of(new Narrative(th, en, "llm:" + config.model()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
