package com.drdailyreport.line;

import com.amazonaws.services.lambda.runtime.Context;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.LambdaHarness;
import com.drdailyreport.shared.testing.TestSchema;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import javax.sql.DataSource;

/** The line-bot wired onto a test schema, a fixed clock and a loopback Messaging API, driven with LINE callback fixtures. */
final class LineFixture implements AutoCloseable {

    static final String SECRET = "8c570fa6dd201bb328f1c1eac23a96d8";
    static final String ACCESS_TOKEN = "dr-daily-report-test-channel-access-token";
    static final URI MINIAPP = URI.create("https://miniapp.drdailyreport.example/");
    /** 10:12 in Bangkok on 2026-01-15. */
    static final Instant NOW = Instant.parse("2026-01-15T03:12:45Z");
    static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    record Reply(int status, JsonNode body) {
    }

    final TestSchema db;
    final LoopbackMessagingApi line;
    final LineWebhookHandler handler;

    LineFixture(TestSchema db) throws IOException {
        this(db, db.dataSource());
    }

    LineFixture(TestSchema db, DataSource ds) throws IOException {
        this.db = db;
        this.line = new LoopbackMessagingApi();
        LineBotConfig config = new LineBotConfig(SECRET, ACCESS_TOKEN, line.uri(), MINIAPP);
        this.handler = LineWebhookHandler.over(config, ds, BusinessClock.fixed(NOW));
    }

    /** A callback fixture from line-callbacks/ (LINE's documented samples). */
    static ObjectNode callback(String fixture) {
        return (ObjectNode) Json.read(LambdaHarness.fixture("line-callbacks/" + fixture));
    }

    /** A one-event text callback from a user, with its own event id and reply token. */
    static ObjectNode text(String text, String eventId) {
        ObjectNode callback = callback("text-user.json");
        ObjectNode event = (ObjectNode) callback.get("events").get(0);
        ((ObjectNode) event.get("message")).put("text", text);
        event.put("webhookEventId", eventId);
        event.put("replyToken", "token-" + eventId);
        event.putObject("deliveryContext").put("isRedelivery", false);
        return callback;
    }

    /** Posts the callback signed with the channel secret. */
    Reply post(ObjectNode callback) {
        byte[] body = Json.write(callback).getBytes(StandardCharsets.UTF_8);
        return post(body, LineSigner.sign(body, SECRET), false);
    }

    /** Posts the callback signed with the channel secret, invoked with {@code context} (e.g. a function timeout of its own). */
    Reply post(ObjectNode callback, Context context) {
        byte[] body = Json.write(callback).getBytes(StandardCharsets.UTF_8);
        return post(body, LineSigner.sign(body, SECRET), false, context);
    }

    /** Posts raw bytes with the given signature header (null: no header), optionally base64-encoded by the front door. */
    Reply post(byte[] body, String signature, boolean base64) {
        return post(body, signature, base64, LambdaHarness.context("line-bot"));
    }

    private Reply post(byte[] body, String signature, boolean base64, Context context) {
        ObjectNode event = (ObjectNode) Json.read(LambdaHarness.fixture("events/apigw/line-webhook.json"));
        if (signature != null) {
            ((ObjectNode) event.get("headers")).put("x-line-signature", signature);
        }
        event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", base64);
        JsonNode response = Json.read(LambdaHarness.invoke(handler, Json.write(event), context));
        return new Reply(response.get("statusCode").asInt(), Json.read(response.get("body").asText()));
    }

    @Override
    public void close() {
        line.close();
    }
}
