package com.drdailyreport.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The API Gateway emulation on the wire: a real HTTP client against a started
 * {@link LocalHttpServer} whose functions only record the event they get and answer what the test
 * says. Checks the payload 2.0 event (raw path and query, repeated parameters and headers, cookies,
 * text and base64 bodies, request context), the response mapping (status, headers, repeated
 * headers, cookies, base64 bodies), failures (500 envelope, 404 for a missing LINE function), the
 * static Mini App files (content types, gzip, ETag, 404s, no traversal, keep-alive), HTTP hygiene
 * (431 for oversized headers, the envelope for malformed requests, HEAD like GET, nosniff) and slow
 * clients (they hold no worker; header, body and idle limits; the connection cap).
 */
class LocalHttpServerTest {

    /** A function that records what it was invoked with and answers with {@code reply}. */
    static final class RecordingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
        final List<APIGatewayV2HTTPEvent> events = new CopyOnWriteArrayList<>();
        final List<Context> contexts = new CopyOnWriteArrayList<>();
        volatile Function<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> reply =
                e -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody("{\"ok\":true}").build();

        @Override
        public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
            events.add(event);
            contexts.add(context);
            return reply.apply(event);
        }

        APIGatewayV2HTTPEvent last() {
            assertThat(events).isNotEmpty();
            return events.getLast();
        }
    }

    private final RecordingHandler api = new RecordingHandler();
    private final RecordingHandler line = new RecordingHandler();
    private final List<String> contextNames = new CopyOnWriteArrayList<>();
    private LocalHttpServer server;
    private HttpClient client;

    @BeforeEach
    void start() {
        server = new LocalHttpServer(0, api, line, name -> {
            contextNames.add(name);
            return new InvocationContext(name, Duration.ofSeconds(30), 512);
        }).start();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        server.close();
        client.close();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        return Json.read(new String(response.body(), StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------ request → event

    @Test
    void aGetBecomesAPayload2EventWithRawPathRawQueryAndJoinedDuplicates() throws Exception {
        Instant before = Instant.now();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/search?q=NV%20DA&limit=5&tag=a&tag=b&flag"))
                .header("X-Multi", "one")
                .header("X-Multi", "two")
                .header("User-Agent", "recording-test/1.0")
                .header("Cookie", "session=abc; theme=dark")
                .GET());

        assertThat(response.statusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent e = api.last();
        assertThat(e.getVersion()).isEqualTo("2.0");
        assertThat(e.getRouteKey()).isEqualTo("$default");
        assertThat(e.getRawPath()).isEqualTo("/api/v1/search");
        assertThat(e.getRawQueryString()).isEqualTo("q=NV%20DA&limit=5&tag=a&tag=b&flag");
        assertThat(e.getQueryStringParameters())
                .containsExactlyInAnyOrderEntriesOf(Map.of("q", "NV DA", "limit", "5", "tag", "a,b", "flag", ""));
        assertThat(e.getHeaders()).containsEntry("x-multi", "one,two")
                .containsEntry("user-agent", "recording-test/1.0")
                .doesNotContainKey("cookie")
                .allSatisfy((name, value) -> assertThat(name).isEqualTo(name.toLowerCase(Locale.ROOT)));
        assertThat(e.getHeaders().get("host")).isEqualTo("127.0.0.1:" + server.port());
        assertThat(e.getCookies()).containsExactly("session=abc", "theme=dark");
        assertThat(e.getBody()).isNull();
        assertThat(e.getIsBase64Encoded()).isFalse();

        APIGatewayV2HTTPEvent.RequestContext rc = e.getRequestContext();
        assertThat(rc.getRouteKey()).isEqualTo("$default");
        assertThat(rc.getStage()).isEqualTo("$default");
        assertThat(rc.getAccountId()).matches("\\d{12}");
        assertThat(rc.getApiId()).isNotBlank();
        assertThat(rc.getDomainName()).isEqualTo("127.0.0.1");
        assertThat(rc.getRequestId()).isNotBlank();
        assertThat(rc.getTime()).matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(rc.getTimeEpoch()).isBetween(before.toEpochMilli(), Instant.now().toEpochMilli());
        assertThat(rc.getHttp().getMethod()).isEqualTo("GET");
        assertThat(rc.getHttp().getPath()).isEqualTo("/api/v1/search");
        assertThat(rc.getHttp().getProtocol()).isEqualTo("HTTP/1.1");
        assertThat(rc.getHttp().getSourceIp()).isEqualTo("127.0.0.1");
        assertThat(rc.getHttp().getUserAgent()).isEqualTo("recording-test/1.0");

        assertThat(contextNames).containsExactly(LocalHttpServer.API_FUNCTION);
        assertThat(api.contexts.getLast().getFunctionName()).isEqualTo("telegram-api");
        assertThat(response.headers().firstValue("apigw-requestid")).contains(rc.getRequestId());
    }

    @Test
    void everyRequestGetsItsOwnRequestId() throws Exception {
        for (int i = 0; i < 3; i++) {
            send(HttpRequest.newBuilder(uri("/api/v1/health")).GET());
        }
        assertThat(api.events).extracting(e -> e.getRequestContext().getRequestId()).doesNotHaveDuplicates().hasSize(3);
        assertThat(api.events.getFirst().getRawQueryString()).isEmpty();
        assertThat(api.events.getFirst().getQueryStringParameters()).isNull();
        assertThat(api.events.getFirst().getCookies()).isNull();
    }

    @Test
    void theRawPathStaysPercentEncoded() throws Exception {
        send(HttpRequest.newBuilder(uri("/api/v1/report/NVDA%2019")).GET());
        assertThat(api.last().getRawPath()).isEqualTo("/api/v1/report/NVDA%2019");
        assertThat(api.last().getRequestContext().getHttp().getPath()).isEqualTo("/api/v1/report/NVDA%2019");
    }

    @Test
    void aJsonBodyIsPassedAsTextUnchanged() throws Exception {
        String body = "{\"ticker\":\"NVDA19\",\"note\":\"หุ้นน่าสนใจ\"}";
        send(HttpRequest.newBuilder(uri("/api/v1/watchlist"))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        APIGatewayV2HTTPEvent e = api.last();
        assertThat(e.getRequestContext().getHttp().getMethod()).isEqualTo("POST");
        assertThat(e.getIsBase64Encoded()).isFalse();
        assertThat(e.getBody()).isEqualTo(body);
        assertThat(e.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8");
    }

    @Test
    void aBinaryBodyIsBase64Encoded() throws Exception {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        send(HttpRequest.newBuilder(uri("/api/v1/upload"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));

        APIGatewayV2HTTPEvent e = api.last();
        assertThat(e.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(e.getBody())).isEqualTo(bytes);
    }

    @Test
    void aTextBodyThatIsNotUtf8IsBase64EncodedSoNoByteIsLost() throws Exception {
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        send(HttpRequest.newBuilder(uri("/api/v1/echo"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)));

        assertThat(api.last().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(api.last().getBody())).isEqualTo(latin1);
    }

    @Test
    void aBodyWithoutAContentTypeIsBase64Encoded() throws Exception {
        send(HttpRequest.newBuilder(uri("/api/v1/echo")).POST(HttpRequest.BodyPublishers.ofString("plain")));
        assertThat(api.last().getIsBase64Encoded()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(api.last().getBody()), StandardCharsets.UTF_8)).isEqualTo("plain");
    }

    // ------------------------------------------------------------------ response → HTTP

    @Test
    void statusHeadersRepeatedHeadersCookiesAndBodyGoBack() throws Exception {
        api.reply = e -> new APIGatewayV2HTTPResponse(201,
                Map.of("Content-Type", "text/plain; charset=utf-8", "X-One", "1", "Content-Length", "999"),
                Map.of("X-Multi", List.of("a", "b")),
                List.of("session=xyz; Path=/; HttpOnly", "theme=dark"),
                "สวัสดี hello", false);

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/anything")).GET());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("content-type")).contains("text/plain; charset=utf-8");
        assertThat(response.headers().firstValue("x-one")).contains("1");
        assertThat(response.headers().allValues("x-multi")).containsExactly("a", "b");
        assertThat(response.headers().allValues("set-cookie")).containsExactlyInAnyOrder("session=xyz; Path=/; HttpOnly", "theme=dark");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("สวัสดี hello");
        // the function's own Content-Length is ignored: the server sends the true one
        assertThat(response.headers().firstValueAsLong("content-length")).hasValue(response.body().length);
    }

    @Test
    void aBase64ResponseBodyIsDecodedAndJsonIsTheDefaultType() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff, 10, 13};
        api.reply = e -> APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withBody(Base64.getEncoder().encodeToString(bytes)).withIsBase64Encoded(true).build();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/bytes")).GET());

        assertThat(response.body()).isEqualTo(bytes);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
    }

    @Test
    void aResponseWithoutBodyHasNone() throws Exception {
        api.reply = e -> APIGatewayV2HTTPResponse.builder().withStatusCode(204).withHeaders(Map.of("X-Done", "yes")).build();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/preflight")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-done")).contains("yes");
        assertThat(api.last().getRequestContext().getHttp().getMethod()).isEqualTo("OPTIONS");
    }

    @Test
    void aFunctionThatThrowsGivesA500EnvelopeWithoutItsMessage() throws Exception {
        api.reply = e -> {
            throw new IllegalStateException("SELECT * FROM secret_table failed at db-host-7");
        };

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/report/NVDA19")).GET());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.path("message").asText()).isNotBlank();
        assertThat(error.path("details").path("request_id").asText()).isEqualTo(api.last().getRequestContext().getRequestId());
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("secret_table", "db-host", "Exception");
    }

    @Test
    void aFunctionThatReturnsNothingGivesA500Envelope() throws Exception {
        api.reply = e -> null;
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/health")).GET());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("INTERNAL_ERROR");
    }

    @Test
    void aMalformedBase64BodyFromTheFunctionGivesA500Envelope() throws Exception {
        api.reply = e -> APIGatewayV2HTTPResponse.builder().withStatusCode(200).withBody("@@not base64@@").withIsBase64Encoded(true).build();
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1/health")).GET());
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("INTERNAL_ERROR");
    }

    // ------------------------------------------------------------------ routing

    @Test
    void theLineWebhookGoesToTheLineFunctionWithTheExactBody() throws Exception {
        String body = "{\"destination\":\"U1\",\"events\":[{\"type\":\"message\",\"message\":{\"text\":\"NVDA19 ราคา\"}}]}";
        send(HttpRequest.newBuilder(uri("/line/webhook"))
                .header("Content-Type", "application/json")
                .header("X-Line-Signature", "c2lnbmF0dXJl")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

        assertThat(api.events).isEmpty();
        APIGatewayV2HTTPEvent e = line.last();
        assertThat(e.getRawPath()).isEqualTo("/line/webhook");
        assertThat(e.getBody()).isEqualTo(body);
        assertThat(e.getHeaders()).containsEntry("x-line-signature", "c2lnbmF0dXJl");
        assertThat(contextNames).containsExactly(LocalHttpServer.LINE_FUNCTION);
    }

    @Test
    void withoutALineFunctionTheWebhookIs404() throws Exception {
        server.close();
        server = new LocalHttpServer(0, api, null, InvocationContext.factory()).start();

        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/line/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(api.events).isEmpty();
    }

    @Test
    void pathsThatOnlyLookLikeTheApiAreNotSentToIt() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/api/v1x/health")).GET());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(api.events).isEmpty();
    }

    // ------------------------------------------------------------------ static files

    @Test
    void theRootServesTheMiniAppPage() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/")).GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("<main id=\"view\"", "app.js");
        assertThat(api.events).isEmpty();
    }

    @Test
    void scriptsStylesAndTheChartLibraryHaveTheirTypes() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/app.js")).GET()).headers().firstValue("content-type"))
                .contains("text/javascript; charset=utf-8");
        assertThat(send(HttpRequest.newBuilder(uri("/app.css")).GET()).headers().firstValue("content-type"))
                .contains("text/css; charset=utf-8");
        HttpResponse<byte[]> echarts = send(HttpRequest.newBuilder(uri("/vendor/echarts.min.js")).GET());
        assertThat(echarts.statusCode()).as("the build unpacks ECharts into miniapp/vendor/").isEqualTo(200);
        assertThat(echarts.body().length).isGreaterThan(500_000);
        assertThat(new String(echarts.body(), 0, 2_000, StandardCharsets.UTF_8)).contains("echarts");
    }

    @Test
    void thePageIsCompleteOnTheClasspathAndAnIncompleteOneIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        assertThat(LocalHttpServer.missingPageFiles()).as("the miniapp build, chart library included").isEmpty();

        java.nio.file.Files.createDirectories(dir.resolve("miniapp"));
        for (String name : List.of("index.html", "app.js", "app.css", "config.js")) {
            java.nio.file.Files.writeString(dir.resolve("miniapp").resolve(name), "x");
        }
        try (java.net.URLClassLoader withoutChartLibrary = new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, null)) {
            assertThat(LocalHttpServer.missingPageFiles(withoutChartLibrary)).containsExactly("vendor/echarts.min.js");
        }
    }

    @Test
    void textFilesAreGzippedWhenTheClientAcceptsIt() throws Exception {
        HttpResponse<byte[]> plain = send(HttpRequest.newBuilder(uri("/app.js")).GET());
        HttpResponse<byte[]> zipped = send(HttpRequest.newBuilder(uri("/app.js")).header("Accept-Encoding", "gzip, br").GET());

        assertThat(zipped.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(zipped.body().length).isLessThan(plain.body().length);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(plain.body());
        }
    }

    @Test
    void anUnchangedFileIsAnswered304() throws Exception {
        HttpResponse<byte[]> first = send(HttpRequest.newBuilder(uri("/index.html")).GET());
        String etag = first.headers().firstValue("etag").orElseThrow();

        HttpResponse<byte[]> again = send(HttpRequest.newBuilder(uri("/index.html")).header("If-None-Match", etag).GET());

        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void headSendsHeadersOnly() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    }

    @Test
    void aMissingFileIsA404Envelope() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/no-such-page.html")).GET());

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response).path("error");
        assertThat(error.path("code").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.path("details").path("path").asText()).isEqualTo("/no-such-page.html");
    }

    @Test
    void onlyGetAndHeadReachStaticFiles() throws Exception {
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(uri("/index.html")).POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).contains("GET, HEAD");
        assertThat(json(response).path("error").path("code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    /** Sent byte for byte over a socket: an HTTP client would normalise these paths before sending. */
    @ParameterizedTest
    @ValueSource(strings = {
        "/../miniapp/index.html",
        "/%2e%2e/miniapp/index.html",
        "/%2E%2E/com/drdailyreport/local/http/LocalHttpServer.class",
        "/vendor/..%2F..%2Fminiapp%2Findex.html",
        "/vendor/../index.html",
        "/./index.html",
        "//index.html",
        "/..%5cminiapp%5cindex.html",
        "/index.html%00.js",
        "/vendor/",
        "/vendor"
    })
    void traversalAndOddPathsAreRefused(String rawPath) throws Exception {
        RawResponse response = rawGet(rawPath);
        // 404 from the file lookup, or 400 when the path cannot even be resolved (it climbs above the root)
        assertThat(response.status()).as(rawPath).isIn(400, 404);
        assertThat(response.body()).as(rawPath).doesNotContain("<main id=\"view\"", "<!doctype", "<h1>", "<html");
        assertThat(Json.read(response.body()).path("error").path("code").asText()).as(rawPath).isIn("NOT_FOUND", "INVALID_REQUEST");
    }

    @Test
    void aKeptAliveConnectionServesSeveralRequests() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < 3; i++) {
                out.write(("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                RawResponse response = readResponse(in);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"ok\":true}");
            }
        }
        assertThat(api.events).hasSize(3);
    }

    // ------------------------------------------------------------------ HTTP hygiene (issue 14, B9)

    @Test
    void oversizedHeadersGet431WithTheEnvelope() throws Exception {
        String big = "x".repeat(LocalHttpServer.MAX_HEADER_BYTES + 1);
        RawResponse response = raw("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big + "\r\nConnection: close\r\n\r\n");

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.header("content-type")).startsWith("application/json");
        JsonNode error = Json.read(response.body()).path("error");
        assertThat(error.path("code").asText()).isEqualTo("REQUEST_HEADERS_TOO_LARGE");
        assertThat(error.path("details").path("limit_bytes").asInt()).isEqualTo(LocalHttpServer.MAX_HEADER_BYTES);
        assertThat(api.events).isEmpty();
    }

    @Test
    void headersJustUnderTheLimitAreServed() throws Exception {
        String value = "y".repeat(LocalHttpServer.MAX_HEADER_BYTES - 200);
        RawResponse response = raw("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + value + "\r\nConnection: close\r\n\r\n");
        assertThat(response.status()).isEqualTo(200);
        assertThat(api.last().getHeaders()).containsEntry("x-big", value);
    }

    /** Sent byte for byte: requests no HTTP client would send. Each gets the JSON envelope, never the server's HTML page. */
    @ParameterizedTest
    @ValueSource(strings = {
        "GARBAGE\r\n\r\n",
        "GET /api/v1/health\r\n\r\n",
        "GET /api/v1/a b HTTP/1.1\r\nHost: localhost\r\n\r\n",
        "GET /api/v1/health HTTP/9.9\r\nHost: localhost\r\n\r\n",
        "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n",
        "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n\r\n",
        "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: abc\r\n\r\n",
        "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
        "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: gzip\r\n\r\n",
        "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"
    })
    void malformedRequestsGetTheEnvelopeNotAnHtmlPage(String request) throws Exception {
        RawResponse response = raw(request);

        String shown = request.replace("\r\n", "⏎");
        assertThat(response.status()).as(shown).isBetween(400, 599);
        assertThat(response.header("content-type")).as(shown).startsWith("application/json");
        assertThat(response.body()).as(shown).doesNotContain("<h1>", "<html", "<body");
        JsonNode error = Json.read(response.body()).path("error");
        assertThat(error.path("code").asText()).as(shown).isNotBlank();
        assertThat(error.path("message").asText()).as(shown).isNotBlank();
        assertThat(error.has("details")).as(shown).isTrue();
        assertThat(api.events).as(shown).isEmpty();
    }

    @Test
    void headWorksOnTheApiWhereGetDoes() throws Exception {
        // as MiniAppApi routes: GET only (a HEAD reaching the function would be 405)
        api.reply = e -> "GET".equals(e.getRequestContext().getHttp().getMethod())
                ? APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of("Content-Type", "application/json"))
                        .withBody("{\"status\":\"ok\"}").build()
                : APIGatewayV2HTTPResponse.builder().withStatusCode(405).withHeaders(Map.of("Allow", "GET, OPTIONS")).withBody("{}").build();

        HttpResponse<byte[]> head = send(HttpRequest.newBuilder(uri("/api/v1/health")).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        HttpResponse<byte[]> get = send(HttpRequest.newBuilder(uri("/api/v1/health")).GET());

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-type")).contains("application/json");
        assertThat(head.headers().firstValueAsLong("content-length")).hasValue(get.body().length);
        assertThat(api.events).extracting(e -> e.getRequestContext().getHttp().getMethod()).containsExactly("GET", "GET");
    }

    @Test
    void apiResponsesAndErrorsCarryNosniff() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/health")).GET()).headers().firstValue("x-content-type-options"))
                .contains("nosniff");
        api.reply = e -> {
            throw new IllegalStateException("boom");
        };
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/health")).GET()).headers().firstValue("x-content-type-options"))
                .contains("nosniff");
        assertThat(send(HttpRequest.newBuilder(uri("/no-such-file.js")).GET()).headers().firstValue("x-content-type-options"))
                .contains("nosniff");
        assertThat(raw("GARBAGE\r\n\r\n").header("x-content-type-options")).isEqualTo("nosniff");
    }

    // ------------------------------------------------------------------ slow clients (issue 14, B6)

    /**
     * Twice as many clients as the old server had worker threads trickle their headers or their body
     * a byte at a time; the server still answers everybody else at once.
     */
    @Test
    void slowClientsHoldNoWorkerSoOthersAreStillAnswered() throws Exception {
        List<Trickler> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                slow.add(Trickler.start(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
                slow.add(Trickler.start(server.port(), "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n",
                        "b".repeat(100)));
            }
            Thread.sleep(500); // every slow client is connected and has started

            for (int i = 0; i < 10; i++) {
                long started = System.nanoTime();
                HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri("/api/v1/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("request %d beside 80 slow clients", i).isLessThan(Duration.ofSeconds(2));
            }
            HttpResponse<byte[]> page = send(HttpRequest.newBuilder(uri("/")).GET());
            assertThat(page.statusCode()).isEqualTo(200);
        } finally {
            slow.forEach(Trickler::close);
        }
    }

    @Test
    void aClientTooSlowWithItsHeadersIsDisconnected() throws Exception {
        restart(new LocalHttpServer.Limits(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 64));
        try (Trickler slow = Trickler.start(server.port(), "GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", "a".repeat(200))) {
            Duration closedAfter = slow.awaitClosed(Duration.ofSeconds(10));
            assertThat(closedAfter).as("closed after the 1 s header limit").isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
            assertThat(slow.bytesSent()).as("it was still sending").isLessThan(200);
        }
        assertThat(api.events).isEmpty();
    }

    @Test
    void aBodyThatDoesNotArriveInTimeGets408() throws Exception {
        restart(new LocalHttpServer.Limits(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), 64));
        try (Trickler slow = Trickler.start(server.port(), "POST /api/v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 200\r\n\r\n",
                "b".repeat(200))) {
            RawResponse response = readResponse(slow.input());
            assertThat(response.status()).isEqualTo(408);
            assertThat(Json.read(response.body()).path("error").path("code").asText()).isEqualTo("REQUEST_TIMEOUT");
            assertThat(response.header("connection")).isEqualTo("close");
        }
        assertThat(api.events).isEmpty();
    }

    @Test
    void aSilentConnectionIsClosedAfterTheIdleLimit() throws Exception {
        restart(new LocalHttpServer.Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(1), 64));
        try (Socket silent = new Socket("127.0.0.1", server.port())) {
            silent.setSoTimeout(10_000);
            long started = System.nanoTime();
            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(5));
        }
    }

    /** Beyond the cap a client waits until a connection closes (here: silent ones, at the idle limit), then is served. */
    @Test
    void noMoreThanTheCapOfConnectionsIsOpenAtOnce() throws Exception {
        restart(new LocalHttpServer.Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(2), 4));
        List<Socket> silent = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                silent.add(new Socket("127.0.0.1", server.port()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.openConnections() < 4 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.openConnections()).isEqualTo(4);

            long started = System.nanoTime();
            RawResponse response = raw("GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            Duration waited = Duration.ofNanos(System.nanoTime() - started);

            assertThat(response.status()).isEqualTo(200);
            assertThat(waited).as("waited for a free connection").isBetween(Duration.ofSeconds(1), Duration.ofSeconds(8));
            assertThat(server.openConnections()).isLessThanOrEqualTo(4);
        } finally {
            for (Socket socket : silent) {
                socket.close();
            }
        }
    }

    private void restart(LocalHttpServer.Limits limits) {
        server.close();
        server = new LocalHttpServer(java.net.InetAddress.getLoopbackAddress(), 0, api, line,
                name -> new InvocationContext(name, Duration.ofSeconds(30), 512), limits).start();
    }

    /** A client that sends {@code head} at once, then {@code trickle} one byte every 100 ms (in the background). */
    static final class Trickler implements AutoCloseable {
        private final Socket socket;
        private final Thread thread;
        private final long started = System.nanoTime();
        private volatile int sent;
        private volatile long closedAt;

        private Trickler(Socket socket, String head, String trickle) {
            this.socket = socket;
            this.thread = new Thread(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    for (int i = 0; i < trickle.length(); i++) {
                        Thread.sleep(100);
                        out.write(trickle.charAt(i));
                        out.flush();
                        sent = i + 1;
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection, or the test is over
                }
            }, "trickler");
            thread.setDaemon(true);
            thread.start();
        }

        static Trickler start(int port, String head, String trickle) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(15_000);
            return new Trickler(socket, head, trickle);
        }

        InputStream input() throws IOException {
            return socket.getInputStream();
        }

        int bytesSent() {
            return sent;
        }

        /** How long after it connected the server closed the connection (reading until the end of the stream). */
        Duration awaitClosed(Duration atMost) throws IOException {
            socket.setSoTimeout((int) atMost.toMillis());
            InputStream in = socket.getInputStream();
            try {
                while (in.read() >= 0) {
                    // whatever the server says before it closes
                }
            } catch (java.net.SocketException e) {
                // reset by the server: closed too
            }
            closedAt = System.nanoTime();
            return Duration.ofNanos(closedAt - started);
        }

        @Override
        public void close() {
            thread.interrupt();
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    // ------------------------------------------------------------------ raw HTTP

    record RawResponse(int status, String head, String body) {
        /** The first value of a header (case-insensitive name), or null. */
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawResponse rawGet(String rawPath) throws IOException {
        return raw("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    /** Sends these bytes as they are and reads one response. */
    private RawResponse raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream());
        }
    }

    /** One response with a Content-Length body (or none), leaving the connection usable. */
    private static RawResponse readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed in the headers: " + head);
            }
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(headText.substring(9, 12));
        long length = 0;
        for (String headerLine : headText.split("\r\n")) {
            if (headerLine.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(headerLine.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes((int) length);
        return new RawResponse(status, headText, new String(body, StandardCharsets.UTF_8));
    }
}
