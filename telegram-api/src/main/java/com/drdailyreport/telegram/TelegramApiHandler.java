package com.drdailyreport.telegram;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.drdailyreport.shared.lambda.RequestDeadline;
import com.drdailyreport.shared.logging.RequestLog;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * telegram-api: API Gateway HTTP API (payload 2.0) → {@link MiniAppApi} → response. Only turns the
 * event into a request and the response back, within the invocation's deadline
 * ({@link RequestDeadline}: a 503 envelope rather than a function timeout); everything else is the API's.
 */
public final class TelegramApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final MiniAppApi api;
    private final RequestDeadline deadline = new RequestDeadline("telegram-api");

    public TelegramApiHandler() {
        this(TelegramApiRuntime.instance().api());
    }

    TelegramApiHandler(MiniAppApi api) {
        this.api = api;
    }

    /**
     * A handler over an existing pool, for {@code local}: the same API as in AWS, with the caller's
     * report-worker and clock. {@code perClientRateLimits} false turns the per-client token bucket
     * off (one developer's machine, where a load generator is one client).
     */
    public static TelegramApiHandler over(TelegramApiConfig config, javax.sql.DataSource ds, ReportWorkerInvoker worker,
                                          com.drdailyreport.shared.time.BusinessClock clock, boolean perClientRateLimits) {
        return new TelegramApiHandler(TelegramApiRuntime.wire(config, ds, worker, clock,
                perClientRateLimits ? MiniAppApi.RATE_LIMITS : java.util.Map.of()));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        ApiRequest request = toRequest(event, context);
        try (RequestLog ignored = RequestLog.begin(request.requestId(), context == null ? null : context.getFunctionName())) {
            // answered before the function's deadline even when the database stops answering mid-request
            ApiResponse response = deadline.call(context, () -> api.handle(request), () -> api.unavailable(request));
            return APIGatewayV2HTTPResponse.builder()
                    .withStatusCode(response.status())
                    .withHeaders(response.headers())
                    .withBody(response.body())
                    .withIsBase64Encoded(false)
                    .build();
        }
    }

    static ApiRequest toRequest(APIGatewayV2HTTPEvent event, Context context) {
        APIGatewayV2HTTPEvent.RequestContext rc = event == null ? null : event.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = rc == null ? null : rc.getHttp();
        String method = http != null && http.getMethod() != null ? http.getMethod().toUpperCase(Locale.ROOT) : "GET";
        String path = event != null && event.getRawPath() != null ? event.getRawPath() : http != null && http.getPath() != null ? http.getPath() : "/";
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, String> headers = new HashMap<>();
        if (event != null && event.getHeaders() != null) {
            event.getHeaders().forEach((k, v) -> {
                if (k != null && v != null) {
                    headers.put(k.toLowerCase(Locale.ROOT), v);
                }
            });
        }
        Map<String, String> query = new HashMap<>();
        if (event != null && event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((k, v) -> {
                if (k != null && v != null) {
                    int comma = v.indexOf(','); // API Gateway joins repeated parameters with commas: the first one counts
                    query.put(k, comma < 0 ? v : v.substring(0, comma));
                }
            });
        }
        String body = event == null ? null : event.getBody();
        if (body != null && event.getIsBase64Encoded()) {
            try {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                body = "\u0000not base64";
            }
        }
        String requestId = rc != null && rc.getRequestId() != null ? rc.getRequestId()
                : context != null && context.getAwsRequestId() != null ? context.getAwsRequestId() : UUID.randomUUID().toString();
        return new ApiRequest(method, path, query, headers, body, http == null ? null : http.getSourceIp(), requestId);
    }
}
