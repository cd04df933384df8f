package com.drdailyreport.line;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestReports;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.model.FlexBubble;
import com.linecorp.bot.messaging.model.FlexMessage;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.TextMessage;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class LineWebhookHandlerIT {

    private static final ObjectMapper LINE_MODEL = ModelObjectMapper.createNewObjectMapper();

    private final TestSchema db;
    private LineFixture bot;

    LineWebhookHandlerIT(TestSchema db) {
        this.db = db;
    }

    @BeforeEach
    void fresh() throws Exception {
        db.deleteData();
        bot = new LineFixture(db);
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    @Test
    void followIsWelcomedInThaiWithTheReplyTokenAndTheChannelToken() {
        LineFixture.Reply reply = bot.post(LineFixture.callback("follow.json"));

        assertThat(reply.status()).isEqualTo(200);
        List<LoopbackMessagingApi.Call> calls = bot.line.replies();
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().authorization()).isEqualTo("Bearer " + LineFixture.ACCESS_TOKEN);
        ReplyMessageRequest request = model(calls.getFirst());
        assertThat(request.replyToken()).isEqualTo("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA");
        assertThat(request.messages()).hasSize(1);
        String text = ((TextMessage) request.messages().getFirst()).text();
        assertThat(text).contains("ยินดีต้อนรับ").contains("NVDA19").contains("ช่วยเหลือ");
        assertThat(db.count("line_webhook_events", "event_type = 'follow'")).isEqualTo(1);
    }

    @Test
    void aTickerWithAReportGetsAFlexCardTheSdkAccepts() {
        ReportBuilder.BuiltReport stored = TestReports.store(db, "NVDA19", LineFixture.TODAY, true, LineFixture.NOW);
        bot.post(LineFixture.text("NVDA19", "01HTEXT0000000000000000001"));

        ReplyMessageRequest request = model(bot.line.replies().getFirst());
        assertThat(request.replyToken()).isEqualTo("token-01HTEXT0000000000000000001");
        assertThat(request.messages()).hasSize(1);
        FlexMessage card = (FlexMessage) request.messages().getFirst();
        assertThat(card.altText()).startsWith("NVDA19").hasSizeLessThanOrEqualTo(ReportCard.MAX_ALT_TEXT);
        assertThat(card.contents()).isInstanceOf(FlexBubble.class);
        String json = bot.line.replies().getFirst().body().toString();
        // the price and stance shown are the stored report's
        double price = stored.json().get("price").asDouble();
        assertThat(json).contains(String.format(Locale.ROOT, "%.2f", price) + " USD");
        assertThat(json).contains(stored.stance().thai());
        assertThat(json).contains("RSI (14 วัน)").contains("ข้อมูล ณ 15 ม.ค. 2026");
        assertThat(json).contains("https://miniapp.drdailyreport.example/?ticker=NVDA19");
        assertThat(json).contains("ข้อมูลตัวอย่าง (demo)");
    }

    @Test
    void theCardListsTheDaysStoredPatterns() {
        String symbol = TestReports.symbolWithPatterns(db, LineFixture.TODAY);
        TestReports.store(db, symbol, LineFixture.TODAY, true, LineFixture.NOW);
        int stored = db.count("chart_pattern_data", "symbol = '" + symbol + "'");
        assertThat(stored).isPositive();
        bot.post(LineFixture.text(symbol, "01HPATTERN00000000000000001"));

        JsonNode bubble = bot.line.replies().getFirst().body().at("/messages/0/contents/body/contents");
        long patternLines = 0;
        long recordLines = 0;
        for (JsonNode component : bubble) {
            String text = component.path("text").asText();
            if (text.startsWith("• ")) {
                patternLines++;
                assertThat(component.path("color").asText()).isIn(ReportCard.GREEN, ReportCard.RED, ReportCard.GREY);
                // the pattern's state, in Thai, beside its name
                assertThat(text).containsAnyOf("กำลังก่อตัว", "ยืนยันแล้ว", "ล้มเหลว", "ถึงเป้าหมายแล้ว", "หมดอายุ");
            }
            if (text.contains("สถิติจากข้อมูลตัวอย่าง")) {
                recordLines++; // its type's track record, labelled as demo statistics (demo prices)
            }
        }
        assertThat(patternLines).isEqualTo(Math.min(3, stored));
        assertThat(recordLines).isEqualTo(patternLines);
    }

    @Test
    void severalTickersInOneMessageGetOneAnswerEachAtMostFive() {
        for (String s : List.of("AAPL19", "MSFT19", "NVDA19")) {
            TestReports.store(db, s, LineFixture.TODAY, false, LineFixture.NOW);
        }
        bot.post(LineFixture.text("ขอดู AAPL19, msft19 และ NVDA กับ DBS19 TENCENT19 UOB19 ด้วยครับ", "01HMANY000000000000000001"));

        ReplyMessageRequest request = model(bot.line.replies().getFirst());
        assertThat(request.messages()).hasSize(LineBot.MAX_MESSAGES);
        assertThat(((FlexMessage) request.messages().get(0)).altText()).startsWith("AAPL19");
        assertThat(((FlexMessage) request.messages().get(1)).altText()).startsWith("MSFT19");
        assertThat(((FlexMessage) request.messages().get(2)).altText()).startsWith("NVDA19");
        assertThat(((TextMessage) request.messages().get(3)).text()).contains("DBS19").contains("ยังไม่ได้สร้าง");
        assertThat(((TextMessage) request.messages().get(4)).text()).contains("TENCENT19").contains("UOB19");
    }

    @Test
    void anUnknownTickerIsNotSupportedWithUpToThreeSuggestions() {
        bot.post(LineFixture.text("NVDIA19", "01HUNKNOWN0000000000000001"));

        ReplyMessageRequest request = model(bot.line.replies().getFirst());
        TextMessage message = (TextMessage) request.messages().getFirst();
        assertThat(message.text()).contains("ไม่พบ \"NVDIA19\"").contains("NVDA19");
        assertThat(message.quickReply().items()).hasSizeBetween(1, 3);
    }

    @Test
    void aKnownTickerWithoutAReportIsNotGeneratedYetWithTheNextRun() {
        bot.post(LineFixture.text("dbs19", "01HNOTREADY000000000000001"));

        String text = ((TextMessage) model(bot.line.replies().getFirst()).messages().getFirst()).text();
        // 10:12 Bangkok on 15 Jan: the next run is 05:00 on 16 Jan
        assertThat(text).contains("DBS19").contains("ยังไม่ได้สร้าง").contains("05:00").contains("16 ม.ค. 2026");
    }

    @Test
    void yesterdaysReportIsShownAsTheLatestAvailable() {
        TestReports.store(db, "AAPL19", LineFixture.TODAY.minusDays(1), false, LineFixture.NOW);
        bot.post(LineFixture.text("Apple", "01HSTALE000000000000000001"));

        String json = bot.line.replies().getFirst().body().toString();
        assertThat(json).contains("ข้อมูล ณ 14 ม.ค. 2026").contains("แสดงรายงานล่าสุดที่มี");
    }

    @Test
    void helpInThaiOrEnglishExplainsUsage() {
        bot.post(LineFixture.text("ช่วยเหลือ", "01HHELP0000000000000000001"));
        bot.post(LineFixture.text("help", "01HHELP0000000000000000002"));

        assertThat(bot.line.replies()).hasSize(2);
        for (LoopbackMessagingApi.Call call : bot.line.replies()) {
            assertThat(((TextMessage) model(call).messages().getFirst()).text()).startsWith("วิธีใช้");
        }
    }

    @Test
    void aDatabaseFaultIsTemporarilyUnavailable() throws Exception {
        DatabaseConfig nowhere = new DatabaseConfig("jdbc:mysql://127.0.0.1:1/none", "u", "p", 1);
        try (HikariDataSource pool = DataSources.create(nowhere, "nowhere"); LineFixture down = new LineFixture(db, pool)) {
            LineFixture.Reply reply = down.post(LineFixture.text("NVDA19", "01HDOWN0000000000000000001"));
            assertThat(reply.status()).isEqualTo(200);
            String text = ((TextMessage) model(down.line.replies().getFirst()).messages().getFirst()).text();
            assertThat(text).contains("ระบบขัดข้องชั่วคราว");
        }
    }

    @Test
    void badSignaturesAre401AndNothingElseHappens() {
        byte[] body = Json.write(LineFixture.text("NVDA19", "01HBADSIG00000000000000001")).getBytes(StandardCharsets.UTF_8);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("NVDA19", "AAPL19").getBytes(StandardCharsets.UTF_8);

        List<LineFixture.Reply> replies = List.of(
                bot.post(tampered, LineSigner.sign(body, LineFixture.SECRET), false),
                bot.post(body, LineSigner.sign(body, "another-channel-secret-0000000"), false),
                bot.post(body, null, false),
                bot.post(body, "", false),
                bot.post(body, "not base64 at all!", false));

        for (LineFixture.Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.body().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(bot.line.calls).isEmpty();
        assertThat(db.count("line_webhook_events", null)).isZero();
    }

    @Test
    void aBase64EncodedBodyIsVerifiedOverTheDecodedBytes() {
        byte[] body = Json.write(LineFixture.text("help", "01HBASE640000000000000001")).getBytes(StandardCharsets.UTF_8);
        LineFixture.Reply reply = bot.post(body, LineSigner.sign(body, LineFixture.SECRET), true);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(bot.line.replies()).hasSize(1);
    }

    @Test
    void aValidSignatureOverBrokenJsonIsABadRequest() {
        byte[] body = "{\"events\":[".getBytes(StandardCharsets.UTF_8);
        LineFixture.Reply reply = bot.post(body, LineSigner.sign(body, LineFixture.SECRET), false);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(bot.line.calls).isEmpty();
    }

    @Test
    void aSignedBodyWithoutEventsIsABadRequestAndNothingHappens() {
        for (String json : List.of("{\"destination\":\"U0\"}", "{\"destination\":\"U0\",\"events\":null}", "null")) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            LineFixture.Reply reply = bot.post(body, LineSigner.sign(body, LineFixture.SECRET), false);
            assertThat(reply.status()).as(json).isEqualTo(400);
            assertThat(reply.body().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
        }
        assertThat(bot.line.calls).isEmpty();
        assertThat(db.count("line_webhook_events", null)).isZero();
        // the same body signed with another secret is still a signature failure, not a bad body
        byte[] body = "{\"destination\":\"U0\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(bot.post(body, LineSigner.sign(body, "another-channel-secret-0000000"), false).status()).isEqualTo(401);
    }

    @Test
    void aLongEventIdIsRecordedAsItsDigestSoItsRedeliveryIsNotAnsweredAgain() {
        String longId = "01HLONG" + "x".repeat(93);
        ObjectNode first = LineFixture.text("help", longId);
        assertThat(bot.post(first).status()).isEqualTo(200);
        ((ObjectNode) first.get("events").get(0)).putObject("deliveryContext").put("isRedelivery", true);
        assertThat(bot.post(first).status()).isEqualTo(200);

        assertThat(bot.line.replies()).hasSize(1);
        assertThat(((TextMessage) model(bot.line.replies().getFirst()).messages().getFirst()).text()).startsWith("วิธีใช้");
        assertThat(db.count("line_webhook_events", "webhook_event_id LIKE 'sha256:%' AND LENGTH(webhook_event_id) <= 64")).isEqualTo(1);
    }

    @Test
    void aDeliveryOfAThousandEventsAnswersTheFirstHundredWellWithinTheFunctionTimeout() {
        ObjectNode callback = LineFixture.callback("text-user.json");
        ArrayNode events = callback.putArray("events");
        for (int i = 0; i < 1_000; i++) {
            events.add(LineFixture.text(i % 2 == 0 ? "help" : "NVDA19", "01HFLOOD" + String.format("%06d", i)).get("events").get(0));
        }
        long start = System.nanoTime();
        LineFixture.Reply reply = bot.post(callback);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("[line] a delivery of 1,000 events answered %d in %d ms (%d replies, function timeout 29,000 ms)%n",
                reply.status(), elapsedMs, bot.line.replies().size());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(bot.line.replies()).hasSize(LineBot.MAX_EVENTS_PER_DELIVERY);
        Set<String> tokens = new HashSet<>();
        bot.line.replies().forEach(call -> tokens.add(model(call).replyToken()));
        assertThat(tokens).hasSize(100).contains("token-01HFLOOD000000", "token-01HFLOOD000099").doesNotContain("token-01HFLOOD000100");
        assertThat(db.count("line_webhook_events", null)).isEqualTo(100);
        assertThat(elapsedMs).isLessThan(10_000);
    }

    @Test
    void aRedeliveredEventIsNotAnsweredTwice() {
        ObjectNode first = LineFixture.callback("webhook-redelivery.json");
        ((ObjectNode) first.get("events").get(0)).putObject("deliveryContext").put("isRedelivery", false);
        assertThat(bot.post(first).status()).isEqualTo(200);
        assertThat(bot.post(LineFixture.callback("webhook-redelivery.json")).status()).isEqualTo(200);

        assertThat(bot.line.replies()).hasSize(1);
        assertThat(db.count("line_webhook_events", "webhook_event_id = '01G2KZKG2DS765NMRH3GZFD8AP'")).isEqualTo(1);
    }

    @Test
    void anEventWithoutAnIdIsStillAnsweredOnlyOnce() {
        ObjectNode follow = LineFixture.callback("follow.json");
        bot.post(follow);
        bot.post(follow);
        assertThat(bot.line.replies()).hasSize(1);
    }

    @Test
    void aBurstOf200DistinctEventsIsAllAnswered() {
        Set<String> tokens = new HashSet<>();
        for (int request = 0; request < 40; request++) {
            ObjectNode callback = LineFixture.callback("text-user.json");
            ArrayNode events = callback.putArray("events");
            for (int i = 0; i < 5; i++) {
                int n = request * 5 + i;
                ObjectNode event = (ObjectNode) LineFixture.text(n % 2 == 0 ? "help" : "NVDA19", "burst-" + n).get("events").get(0);
                events.add(event);
            }
            assertThat(bot.post(callback).status()).isEqualTo(200);
        }
        for (LoopbackMessagingApi.Call call : bot.line.replies()) {
            tokens.add(model(call).replyToken());
        }
        assertThat(tokens).hasSize(200);
        assertThat(db.count("line_webhook_events", "webhook_event_id LIKE 'burst-%'")).isEqualTo(200);
    }

    @Test
    void otherEventsAreAcknowledgedAndIgnored() {
        assertThat(bot.post(LineFixture.callback("postback.json")).status()).isEqualTo(200);
        // standby: another channel answers this chat
        assertThat(bot.post(LineFixture.callback("text-group.json")).status()).isEqualTo(200);
        assertThat(bot.line.calls).isEmpty();

        // a sticker in a one-to-one chat gets a hint to type a ticker
        assertThat(bot.post(LineFixture.callback("sticker.json")).status()).isEqualTo(200);
        assertThat(((TextMessage) model(bot.line.replies().getFirst()).messages().getFirst()).text()).contains("กรุณาพิมพ์ชื่อ DR");
    }

    @Test
    void inAGroupTheBotSpeaksOnlyWhenATickerIsNamed() {
        ObjectNode chatter = LineFixture.callback("text-group.json");
        ObjectNode event = (ObjectNode) chatter.get("events").get(0);
        event.put("mode", "active");
        event.put("webhookEventId", "01HGROUP000000000000000001");
        bot.post(chatter);
        assertThat(bot.line.calls).isEmpty();

        ((ObjectNode) event.get("message")).put("text", "มีใครดู NVDA19 บ้าง");
        event.put("webhookEventId", "01HGROUP000000000000000002");
        bot.post(chatter);
        assertThat(bot.line.replies()).hasSize(1);
    }

    @Test
    void aFailedReplyIsLoggedAndTheWebhookStillSucceeds() {
        bot.line.status = 400;
        LineFixture.Reply reply = bot.post(LineFixture.text("help", "01HFAILREPLY00000000000001"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(bot.line.replies()).hasSize(1);
    }

    @Test
    void everyReplyStaysWithinLinesLimits() {
        TestReports.store(db, "NVDA19", LineFixture.TODAY, true, LineFixture.NOW);
        for (String text : List.of("NVDA19", "x".repeat(4_900), "NVDA19 ".repeat(400), "ช่วยเหลือ", "D05.SI AAPL NVDA19 MSFT UOB19 TENCENT19 SIA19")) {
            bot.post(LineFixture.text(text, "01HLIMIT" + Integer.toHexString(text.hashCode())));
        }
        for (LoopbackMessagingApi.Call call : bot.line.replies()) {
            ReplyMessageRequest request = model(call);
            assertThat(request.messages()).hasSizeBetween(1, 5);
            for (Message m : request.messages()) {
                if (m instanceof TextMessage t) {
                    assertThat(t.text()).hasSizeLessThanOrEqualTo(5_000);
                } else {
                    assertThat(((FlexMessage) m).altText()).hasSizeLessThanOrEqualTo(1_500);
                }
            }
        }
        assertThat(bot.line.replies()).hasSize(5);
    }

    private static ReplyMessageRequest model(LoopbackMessagingApi.Call call) {
        try {
            return LINE_MODEL.treeToValue(call.body(), ReplyMessageRequest.class);
        } catch (Exception e) {
            throw new AssertionError("the reply is not a Messaging API ReplyMessageRequest: " + e.getMessage(), e);
        }
    }
}
