package com.drdailyreport.line;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.drdailyreport.shared.config.DatabaseConfig;
import com.drdailyreport.shared.config.EnvironmentReader;
import com.drdailyreport.shared.db.ActiveTickers;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.db.DataSources;
import com.drdailyreport.shared.db.LineWebhookEventRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.lambda.RequestDeadline;
import com.drdailyreport.shared.logging.RequestLog;
import com.drdailyreport.shared.time.BusinessClock;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * line-bot: the LINE webhook behind API Gateway HTTP API (payload 2.0). Takes the raw body —
 * base64-decoded first when API Gateway says it encoded it, because the signature is over the
 * bytes LINE sent — and the {@code X-Line-Signature} header, and hands them to {@link LineBot},
 * within the invocation's deadline ({@link RequestDeadline}: a 503 envelope rather than a function
 * timeout).
 */
public final class LineWebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static LineBot runtime;

    private final LineBot bot;
    private final RequestDeadline deadline = new RequestDeadline("line-bot");

    /** The Lambda entry: configuration from the environment, read once per container (every missing key named). */
    public LineWebhookHandler() {
        this(fromEnvironment());
    }

    LineWebhookHandler(LineBot bot) {
        this.bot = bot;
    }

    /** A handler over an existing pool (for {@code local} and tests). */
    public static LineWebhookHandler over(LineBotConfig config, DataSource ds, BusinessClock clock) {
        return new LineWebhookHandler(wire(config, ds, clock));
    }

    static LineBot wire(LineBotConfig config, DataSource ds, BusinessClock clock) {
        String base = config.apiBaseUrl().toString();
        MessagingApiClient messaging = MessagingApiClient.builder(config.channelAccessToken())
                .apiEndPoint(java.net.URI.create(base.endsWith("/") ? base : base + "/")) // the SDK's HTTP client wants a trailing slash
                .connectTimeout(Duration.ofSeconds(3))
                .readTimeout(Duration.ofSeconds(5))
                .writeTimeout(Duration.ofSeconds(5))
                .usingDefaultLogger(false)
                .build();
        return new LineBot(config, messaging, new ActiveTickers(new TickerRepository(ds), System::nanoTime), new ReportRepository(ds),
                new ChartPatternRepository(ds), new TrackRecordRepository(ds), new LineWebhookEventRepository(ds), clock);
    }

    private static synchronized LineBot fromEnvironment() {
        if (runtime == null) {
            EnvironmentReader env = EnvironmentReader.system();
            LineBotConfig config = LineBotConfig.read(env);
            DatabaseConfig db = DatabaseConfig.read(env, DatabaseConfig.Workload.REQUESTS);
            env.validate();
            runtime = wire(config, DataSources.create(db, "line-bot"), BusinessClock.system());
        }
        return runtime;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String requestId = context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        try (RequestLog ignored = RequestLog.begin(requestId, context == null ? null : context.getFunctionName())) {
            LineBot.Outcome outcome;
            String method = event == null || event.getRequestContext() == null || event.getRequestContext().getHttp() == null
                    ? "POST" : event.getRequestContext().getHttp().getMethod();
            if (method != null && !"POST".equalsIgnoreCase(method)) {
                outcome = new LineBot.Outcome(405, "{\"error\":{\"code\":\"METHOD_NOT_ALLOWED\",\"message\":\"The LINE webhook accepts POST only\","
                        + "\"details\":{\"allow\":\"POST\"}}}");
            } else {
                String signature = header(event, "x-line-signature");
                byte[] body = body(event);
                // answered before the function's deadline even when the database stops answering: LINE
                // redelivers a 503, and the events already answered are recognised by their ids
                outcome = deadline.call(context, () -> bot.handle(signature, body), LineBot::unavailable);
            }
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(outcome.status())
                    .withHeaders(Map.of("Content-Type", "application/json; charset=utf-8"))
                    .withBody(outcome.body())
                    .withIsBase64Encoded(false)
                    .build();
        }
    }

    private static String header(APIGatewayV2HTTPEvent event, String name) {
        if (event == null || event.getHeaders() == null) {
            return null;
        }
        for (Map.Entry<String, String> e : event.getHeaders().entrySet()) {
            if (e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static byte[] body(APIGatewayV2HTTPEvent event) {
        if (event == null || event.getBody() == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getDecoder().decode(event.getBody());
            } catch (IllegalArgumentException e) {
                return new byte[0]; // cannot match any signature
            }
        }
        return event.getBody().getBytes(StandardCharsets.UTF_8);
    }
}
