package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 1,200 malformed requests — odd tickers, SQL metacharacters, 10 kB strings, broken JSON bodies,
 * bad query values, bad methods, broken events — through the handler on a real database: not one
 * may answer 5xx, and every error is the envelope.
 */
@ExtendWith(DatabaseExtension.class)
class MalformedRequestFuzzIT {

    private static final String[] NASTY = {"'", "\"", "' OR '1'='1", "1; DROP TABLE watchlist;--", "%00", "\u0000", "../../etc/passwd",
            "NVDA19%", "%", "%zz", "\\", "<script>alert(1)</script>", "${jndi:ldap://x}", "ﾟ･✿ヾ╲(｡◕‿◕｡)╱✿･ﾟ", "-1", "0", "NaN", "1e309",
            "null", "[]", "{}", " ", "\t\n", "ＮＶＤＡ１９", "nvda 19", "A".repeat(10_240), "19".repeat(20), "😀", "%2F", "%252F", "rpt_", "rpt_ZZZZZZZZZZZZ"};

    private final ApiFixture api;

    MalformedRequestFuzzIT(TestSchema db) {
        this.api = new ApiFixture(db, false);
    }

    @Test
    void noMalformedRequestGetsA5xx() {
        Random random = new Random(20260115);
        List<String> failures = new ArrayList<>();
        int sent = 0;
        String[] fixtures = {"health.json", "search.json", "report-get.json", "report-post.json", "report-status.json", "rankings.json",
                "watchlist-get.json", "watchlist-post.json", "watchlist-delete.json", "preflight.json"};
        String[] methods = {"GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS", "get", "", "TRACE"};
        for (int i = 0; i < 1_200; i++) {
            ObjectNode event = ApiFixture.event(fixtures[random.nextInt(fixtures.length)]);
            // a different client each time, so rate limiting cannot hide what lies behind it
            ((ObjectNode) event.path("requestContext").path("http")).put("sourceIp", "10.0." + (i / 250) + "." + (i % 250));
            String nasty = NASTY[random.nextInt(NASTY.length)];
            switch (random.nextInt(9)) {
                case 0 -> ApiFixture.withPath(event, "/api/v1/report/" + nasty);
                case 1 -> ApiFixture.withPath(event, "/api/v1/report/status/" + nasty);
                case 2 -> event.putObject("queryStringParameters").put("q", nasty).put("limit", NASTY[random.nextInt(NASTY.length)]);
                case 3 -> event.putObject("queryStringParameters").put("category", nasty).put("limit", nasty);
                case 4 -> ApiFixture.withBody(ApiFixture.withHeader(event, "x-telegram-init-data", ApiFixture.initData(1 + random.nextInt(9))),
                        random.nextBoolean() ? "{\"ticker\":" + Json.write(nasty) + "}" : nasty);
                case 5 -> ApiFixture.withHeader(event, "x-telegram-init-data", nasty);
                case 6 -> ((ObjectNode) event.path("requestContext").path("http")).put("method", methods[random.nextInt(methods.length)]);
                case 7 -> ApiFixture.withPath(event, "/api/v1/watchlist/" + nasty);
                default -> {
                    event.put("body", nasty);
                    event.put("isBase64Encoded", true);
                    if (random.nextBoolean()) {
                        event.remove("requestContext");
                    }
                }
            }
            ApiFixture.Reply reply = api.call(event);
            sent++;
            if (reply.status() >= 500) {
                failures.add(reply.status() + " for " + Json.write(event).substring(0, Math.min(300, Json.write(event).length())));
            }
            if (reply.status() >= 400) {
                assertThat(reply.body().has("error")).as("envelope for " + reply.raw()).isTrue();
                assertThat(reply.raw()).doesNotContain("Exception").doesNotContain("SQL");
            }
        }
        assertThat(sent).isGreaterThanOrEqualTo(1_000);
        assertThat(failures).isEmpty();
    }
}
