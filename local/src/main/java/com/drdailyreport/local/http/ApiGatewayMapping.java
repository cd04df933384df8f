package com.drdailyreport.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What API Gateway (HTTP API, payload format 2.0) does around a Lambda function, done locally:
 * a real HTTP request becomes an {@link APIGatewayV2HTTPEvent}, and the function's
 * {@link APIGatewayV2HTTPResponse} becomes the HTTP response.
 *
 * <p>Request side, as the service builds the event: {@code version} "2.0", {@code routeKey} and
 * {@code stage} "$default", {@code rawPath} as received (still percent-encoded),
 * {@code rawQueryString} as received ("" when there is none), {@code queryStringParameters}
 * decoded with repeated names joined by commas (null when there are none), header names lower-cased
 * with repeated headers joined by commas, the {@code Cookie} header moved to {@code cookies} (one
 * entry per cookie), the body as text when its content type is textual (text/*, JSON, XML,
 * JavaScript) and valid UTF-8, otherwise base64 with {@code isBase64Encoded} true (null when
 * empty), and the request context (account, api id, domain, a unique request id, method, path,
 * protocol, source IP, user agent, time in the service's format and epoch milliseconds).
 *
 * <p>Response side: the status, {@code headers}, every value of {@code multiValueHeaders},
 * {@code cookies} as one {@code Set-Cookie} header each, and the body (base64-decoded when the
 * function says so). Without a {@code Content-Type}, a body is sent as {@code application/json},
 * as the service does for payload 2.0.
 */
final class ApiGatewayMapping {

    /** The account id the local "API Gateway" reports (twelve digits, like a real one). */
    static final String ACCOUNT_ID = com.drdailyreport.shared.lambda.InvocationContext.LOCAL_ACCOUNT_ID;
    /** The API id the local "API Gateway" reports. */
    static final String API_ID = "local";

    /** {@code 12/Mar/2020:19:03:58 +0000}: the format of {@code requestContext.time}. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    /** Response headers the HTTP server computes itself; a function's value for them is ignored. */
    private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection", "keep-alive");

    private ApiGatewayMapping() {
    }

    /** A response as it goes on the wire: status, headers (a name may repeat) and body bytes. */
    record WireResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {
    }

    /**
     * A request as it arrived, before API Gateway's treatment.
     *
     * @param method   the HTTP method, as sent
     * @param rawPath  the path, still percent-encoded ("/" when empty)
     * @param rawQuery the query string without '?', still percent-encoded ("" when there is none)
     * @param protocol e.g. {@code HTTP/1.1}
     * @param headers  every header line in order (a name may repeat)
     * @param sourceIp the client's address
     */
    record Incoming(String method, String rawPath, String rawQuery, String protocol, List<Map.Entry<String, String>> headers,
                    String sourceIp) {
    }

    /**
     * The event API Gateway would hand the function for this request.
     *
     * @param request   the request line and headers
     * @param body      the request body bytes
     * @param requestId the unique id of this request
     * @param now       when the request arrived
     */
    static APIGatewayV2HTTPEvent toEvent(Incoming request, byte[] body, String requestId, Instant now) {
        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();

        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        for (Map.Entry<String, String> header : request.headers()) {
            String key = header.getKey().toLowerCase(Locale.ROOT);
            if (key.equals("cookie")) {
                for (String cookie : header.getValue().split(";")) {
                    if (!cookie.isBlank()) {
                        cookies.add(cookie.trim());
                    }
                }
            } else {
                headers.merge(key, header.getValue(), (a, b) -> a + "," + b);
            }
        }

        Map<String, String> query = queryParameters(rawQuery);
        String contentType = headers.get("content-type");
        String bodyText = null;
        boolean base64 = false;
        if (body.length > 0) {
            String text = isTextual(contentType) ? utf8OrNull(body) : null;
            if (text != null) {
                bodyText = text;
            } else {
                bodyText = Base64.getEncoder().encodeToString(body);
                base64 = true;
            }
        }

        String host = headers.getOrDefault("host", "localhost");
        String domainName = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1) : host.replaceFirst(":\\d+$", "");
        int dot = domainName.indexOf('.');
        String sourceIp = request.sourceIp() == null ? "127.0.0.1" : request.sourceIp();

        APIGatewayV2HTTPEvent.RequestContext.Http http = APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                .withMethod(request.method().toUpperCase(Locale.ROOT))
                .withPath(rawPath)
                .withProtocol(request.protocol())
                .withSourceIp(sourceIp)
                .withUserAgent(headers.get("user-agent"))
                .build();
        APIGatewayV2HTTPEvent.RequestContext context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRouteKey("$default")
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withDomainName(domainName)
                .withDomainPrefix(dot < 0 ? domainName : domainName.substring(0, dot))
                .withRequestId(requestId)
                .withStage("$default")
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(http)
                .build();
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey("$default")
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(bodyText)
                .withIsBase64Encoded(base64)
                .withRequestContext(context)
                .build();
    }

    /**
     * The HTTP response for a function's result.
     *
     * @throws IllegalArgumentException when the function flagged a body as base64 that is not
     *                                  (API Gateway answers 500 then, and so does the caller)
     */
    static WireResponse toWire(APIGatewayV2HTTPResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        boolean hasContentType = false;
        if (response.getHeaders() != null) {
            for (Map.Entry<String, String> h : response.getHeaders().entrySet()) {
                if (h.getKey() != null && h.getValue() != null && !HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    headers.add(Map.entry(h.getKey(), h.getValue()));
                    hasContentType |= h.getKey().equalsIgnoreCase("content-type");
                }
            }
        }
        if (response.getMultiValueHeaders() != null) {
            for (Map.Entry<String, List<String>> h : response.getMultiValueHeaders().entrySet()) {
                if (h.getKey() == null || h.getValue() == null || HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                for (String value : h.getValue()) {
                    if (value != null) {
                        headers.add(Map.entry(h.getKey(), value));
                        hasContentType |= h.getKey().equalsIgnoreCase("content-type");
                    }
                }
            }
        }
        if (response.getCookies() != null) {
            for (String cookie : response.getCookies()) {
                if (cookie != null) {
                    headers.add(Map.entry("Set-Cookie", cookie));
                }
            }
        }
        byte[] body;
        if (response.getBody() == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            body = Base64.getMimeDecoder().decode(response.getBody());
        } else {
            body = response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        if (!hasContentType && body.length > 0) {
            headers.add(Map.entry("Content-Type", "application/json"));
        }
        return new WireResponse(response.getStatusCode(), headers, body);
    }

    /** Decoded query parameters, a repeated name's values joined by commas in order; "" for a name without '='. */
    static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!name.isEmpty()) {
                out.merge(name, value, (a, b) -> a + "," + b);
            }
        }
        return out;
    }

    /** Percent-decoding that keeps malformed input as it came (the function judges it). */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Whether API Gateway passes a body of this type as text rather than base64. */
    static boolean isTextual(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/javascript")
                || type.equals("application/graphql");
    }

    private static String utf8OrNull(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
