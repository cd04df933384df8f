package com.drdailyreport.line;

import com.drdailyreport.shared.analysis.ChartPatternView;
import com.drdailyreport.shared.analysis.TrackRecordView;
import com.drdailyreport.shared.db.ActiveTickers;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.DataAccessException;
import com.drdailyreport.shared.db.LineWebhookEventRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Report;
import com.drdailyreport.shared.domain.StoredPattern;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParseException;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.ReplyEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UserSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook: verify {@code X-Line-Signature} over the raw body (LINE's SDK), parse the events,
 * answer each new one once, and say 200 whenever the signature was right and the body a callback —
 * also when a reply fails — so LINE does not redeliver what we already handled. A signed body that
 * is not a callback (broken JSON, no {@code events}) is 400; at most
 * {@value #MAX_EVENTS_PER_DELIVERY} events of one delivery are answered.
 *
 * <p>Per event: the {@code webhookEventId} is recorded first (an id seen before is not answered
 * again); {@code follow} gets the welcome; a text message gets one answer per ticker it names (a
 * Flex card when there is a report, "not generated yet" with the next run, "not a supported
 * ticker" with suggestions, or "temporarily unavailable" when the database fails); events in
 * {@code standby} mode and every other event type are acknowledged and left alone. In group chats
 * the bot speaks only when a ticker or help was asked for.
 */
public final class LineBot {

    /** What the webhook answers over HTTP. */
    public record Outcome(int status, String body) {
    }

    static final int MAX_MESSAGES = 5;
    /**
     * Events answered per delivery. LINE sends a handful at a time; a delivery with more (a flood,
     * or a forged-but-signed replay) gets the first ones answered and the rest acknowledged
     * unanswered, so the work per request stays far inside the 29 s function timeout.
     */
    static final int MAX_EVENTS_PER_DELIVERY = 100;
    static final int MAX_STALE_DAYS = 3;
    static final LocalTime DAILY_RUN = LocalTime.of(5, 0);
    private static final long REPLY_WAIT_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(LineBot.class);
    private static final ObjectMapper LINE_MODEL = ModelObjectMapper.createNewObjectMapper();

    private final LineSignatureValidator signatureValidator;
    private final WebhookParser parser;
    private final LineBotConfig config;
    private final MessagingApiClient messaging;
    private final ActiveTickers tickers;
    private final ReportRepository reports;
    private final ChartPatternRepository patterns;
    private final TrackRecordRepository trackRecords;
    private final LineWebhookEventRepository events;
    private final BusinessClock clock;

    public LineBot(LineBotConfig config, MessagingApiClient messaging, ActiveTickers tickers, ReportRepository reports,
                   ChartPatternRepository patterns, TrackRecordRepository trackRecords, LineWebhookEventRepository events,
                   BusinessClock clock) {
        this.signatureValidator = new LineSignatureValidator(config.channelSecret().getBytes(StandardCharsets.UTF_8));
        this.parser = new WebhookParser(signatureValidator);
        this.config = config;
        this.messaging = messaging;
        this.tickers = tickers;
        this.reports = reports;
        this.patterns = patterns;
        this.trackRecords = trackRecords;
        this.events = events;
        this.clock = clock;
    }

    /** Handles one webhook delivery: {@code signature} is the header's value (null when absent), {@code body} the raw bytes. */
    public Outcome handle(String signature, byte[] body) {
        if (!signatureValid(signature, body)) {
            // missing header, wrong signature, or a header that is not even base64: nothing else happens
            LOG.warn("line_signature_rejected: {}", signature == null || signature.isEmpty() ? "no X-Line-Signature" : "invalid signature");
            return error(401, "UNAUTHORIZED", "Missing or invalid X-Line-Signature");
        }
        CallbackRequest callback;
        try {
            callback = parser.handle(signature, body);
        } catch (WebhookParseException e) {
            // signed by LINE's secret, but no events list (the SDK's "Invalid content"): nothing to do, nothing done
            LOG.warn("line_body_invalid: {}", e.getMessage());
            return error(400, "INVALID_REQUEST", "The webhook body is not a valid LINE callback: it has no events list");
        } catch (IOException e) {
            LOG.warn("line_body_invalid: {}", e.getMessage());
            return error(400, "INVALID_REQUEST", "The webhook body is not a valid LINE callback");
        }
        List<Event> all = callback.events();
        List<Event> answered = all.size() > MAX_EVENTS_PER_DELIVERY ? all.subList(0, MAX_EVENTS_PER_DELIVERY) : all;
        if (answered.size() < all.size()) {
            LOG.warn("line_delivery_truncated: {} events in one delivery; answering the first {}, acknowledging {} unanswered"
                    + " (first unanswered webhook_event_id={})", all.size(), answered.size(), all.size() - answered.size(),
                    all.get(MAX_EVENTS_PER_DELIVERY) == null ? null : all.get(MAX_EVENTS_PER_DELIVERY).webhookEventId());
        }
        List<CompletableFuture<Void>> replies = new ArrayList<>();
        for (Event event : answered) {
            try {
                handleEvent(event, replies);
            } catch (RuntimeException e) {
                LOG.error("line_event_failed webhook_event_id={}: {}", eventId(event), e.toString(), e);
            }
        }
        awaitReplies(replies);
        return new Outcome(200, "{\"message\":\"OK\"}");
    }

    /** The answer when a delivery could not be handled in time: 503 with the envelope, so LINE delivers it again. */
    static Outcome unavailable() {
        return error(503, "SERVICE_UNAVAILABLE", "The webhook is temporarily unavailable");
    }

    private boolean signatureValid(String signature, byte[] body) {
        if (signature == null || signature.isEmpty()) {
            return false;
        }
        try {
            return signatureValidator.validateSignature(body, signature);
        } catch (IllegalArgumentException e) {
            return false; // not base64
        }
    }

    private void handleEvent(Event event, List<CompletableFuture<Void>> replies) {
        if (event == null) {
            return;
        }
        String id = eventId(event); // a digest of the event when LINE sent no id: computed once
        if (event.mode() == EventMode.STANDBY) {
            LOG.info("line_event_standby webhook_event_id={}: another channel is active; not answered", id);
            return;
        }
        if (!(event instanceof FollowEvent) && !(event instanceof MessageEvent)) {
            LOG.info("line_event_ignored type={} webhook_event_id={}", event.getClass().getSimpleName(), id);
            return;
        }
        String replyToken = ((ReplyEvent) event).replyToken();
        if (replyToken == null || replyToken.isBlank()) {
            return;
        }
        boolean redelivery = event.deliveryContext() != null && Boolean.TRUE.equals(event.deliveryContext().isRedelivery());
        List<ObjectNode> messages;
        try {
            if (!events.recordIfNew(id, event instanceof FollowEvent ? "follow" : "message", redelivery, clock.instant())) {
                LOG.info("line_event_duplicate webhook_event_id={} redelivery={}: already answered", id, redelivery);
                return;
            }
            messages = event instanceof FollowEvent ? List.of(text(ThaiText.welcome())) : answer((MessageEvent) event);
        } catch (DataAccessException e) {
            LOG.error("line_database_unavailable webhook_event_id={}: {}", id, e.getMessage());
            messages = List.of(text(ThaiText.unavailable()));
        } catch (RuntimeException e) {
            LOG.error("line_event_failed webhook_event_id={}: {}", id, e.toString(), e);
            messages = List.of(text(ThaiText.unavailable()));
        }
        if (!messages.isEmpty()) {
            replies.add(reply(id, replyToken, messages));
        }
    }

    /** The messages answering a message event (empty: stay silent). */
    List<ObjectNode> answer(MessageEvent event) {
        boolean oneToOne = event.source() instanceof UserSource;
        if (!(event.message() instanceof TextMessageContent text)) {
            return oneToOne ? List.of(text(ThaiText.sendText())) : List.of();
        }
        MentionParser.Intent intent = MentionParser.parse(text.text(), tickers.registry());
        return switch (intent) {
            case MentionParser.Help h -> List.of(text(ThaiText.help()));
            case MentionParser.Unknown u -> oneToOne ? List.of(unknown(u)) : List.of();
            case MentionParser.Tickers t -> {
                List<ObjectNode> out = new ArrayList<>();
                int room = t.more().isEmpty() ? MAX_MESSAGES : MAX_MESSAGES - 1;
                List<String> skipped = new ArrayList<>(t.more());
                for (Ticker ticker : t.tickers()) {
                    if (out.size() < room) {
                        out.add(reportMessage(ticker));
                    } else {
                        skipped.addFirst(ticker.drSymbol());
                    }
                }
                if (!skipped.isEmpty()) {
                    out.add(text(ThaiText.tooMany(skipped)));
                }
                yield out;
            }
        };
    }

    private ObjectNode reportMessage(Ticker ticker) {
        LocalDate today = clock.today();
        Optional<Report> report = reports.findLatestCompleted(ticker.drSymbol(), today, today.minusDays(MAX_STALE_DAYS));
        if (report.isEmpty()) {
            return text(ThaiText.notReady(ticker, nextRun()));
        }
        Report r = report.get();
        List<ChartPattern> shown = new ArrayList<>();
        List<StoredPattern> stored = patterns.findForDate(ticker.drSymbol(), r.reportDate());
        if (!stored.isEmpty()) {
            stored.forEach(s -> shown.add(s.pattern()));
        } else {
            for (JsonNode p : r.reportJson().path("chart_patterns")) {
                try {
                    shown.add(ChartPatternView.parse(p));
                } catch (RuntimeException e) {
                    LOG.warn("line_pattern_unreadable ticker={}: {}", ticker.drSymbol(), e.getMessage());
                }
            }
        }
        boolean demo = r.reportJson().path("is_demo_data").asBoolean(false);
        List<TrackRecord> records = shown.isEmpty() ? List.of() : trackRecords.recordsFor(ticker.drSymbol(), demo);
        List<ReportCard.Pattern> cards = shown.stream().map(p -> new ReportCard.Pattern(p.type(), p.confidence(), p.end(), p.state(),
                p.direction(), TrackRecordView.of(records, ticker.drSymbol(), p.type(), p.confidence(), demo).textTh())).toList();
        return ReportCard.flexMessage(ticker, r.reportJson(), cards, r.reportDate(), !r.reportDate().equals(today), config.miniAppUrl());
    }

    private ObjectNode unknown(MentionParser.Unknown u) {
        ObjectNode message = text(ThaiText.unknown(u.word(), u.suggestions()));
        if (!u.suggestions().isEmpty()) {
            var items = message.putObject("quickReply").putArray("items");
            for (Ticker t : u.suggestions()) {
                ObjectNode action = items.addObject().put("type", "action").putObject("action");
                action.put("type", "message");
                action.put("label", t.drSymbol());
                action.put("text", t.drSymbol());
            }
        }
        return message;
    }

    ZonedDateTime nextRun() {
        ZonedDateTime now = clock.now();
        ZonedDateTime next = now.with(DAILY_RUN).withSecond(0).withNano(0);
        return next.isAfter(now) ? next : next.plusDays(1);
    }

    private CompletableFuture<Void> reply(String eventId, String replyToken, List<ObjectNode> json) {
        List<Message> messages = new ArrayList<>();
        for (ObjectNode node : json.subList(0, Math.min(json.size(), MAX_MESSAGES))) {
            messages.add(toModel(node));
        }
        try {
            return messaging.replyMessage(new ReplyMessageRequest(replyToken, messages, false))
                    .handle((result, failure) -> {
                        if (failure != null) {
                            LOG.error("line_reply_failed webhook_event_id={}: {}", eventId, failure.toString());
                        } else {
                            LOG.info("line_replied webhook_event_id={} messages={}", eventId, messages.size());
                        }
                        return null;
                    });
        } catch (RuntimeException e) {
            LOG.error("line_reply_failed webhook_event_id={}: {}", eventId, e.toString());
            return CompletableFuture.completedFuture(null);
        }
    }

    /** A message as the SDK's model: what the Messaging API would refuse fails here, loudly. */
    static Message toModel(ObjectNode json) {
        try {
            return LINE_MODEL.treeToValue(json, Message.class);
        } catch (IOException e) {
            throw new IllegalStateException("message not accepted by the LINE model: " + e.getMessage(), e);
        }
    }

    private static void awaitReplies(List<CompletableFuture<Void>> replies) {
        if (replies.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).get(REPLY_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.error("line_reply_timeout: {} replies still pending after {} ms", replies.stream().filter(f -> !f.isDone()).count(),
                    REPLY_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.error("line_reply_failed: {}", e.getCause().toString());
        }
    }

    static ObjectNode text(String text) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("type", "text");
        node.put("text", ThaiText.clip(text, ThaiText.MAX_TEXT));
        return node;
    }

    /**
     * The event's {@code webhookEventId}; for the rare event without one, a stable digest of the
     * event itself, so a redelivery of it is still recognised.
     */
    static String eventId(Event event) {
        if (event.webhookEventId() != null && !event.webhookEventId().isBlank()) {
            return event.webhookEventId();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(LINE_MODEL.writeValueAsBytes(event));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 24);
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Outcome error(int status, String code, String message) {
        ObjectNode body = Json.mapper().createObjectNode();
        ObjectNode error = body.putObject("error");
        error.put("code", code);
        error.put("message", message);
        error.putObject("details");
        return new Outcome(status, Json.write(body));
    }
}
