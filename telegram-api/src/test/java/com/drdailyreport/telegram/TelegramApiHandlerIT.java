package com.drdailyreport.telegram;

import static com.drdailyreport.telegram.ApiFixture.event;
import static com.drdailyreport.telegram.ApiFixture.withBody;
import static com.drdailyreport.telegram.ApiFixture.withHeader;
import static com.drdailyreport.telegram.ApiFixture.withPath;
import static com.drdailyreport.telegram.ApiFixture.withoutHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.drdailyreport.shared.domain.ReportJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The telegram-api handler end to end: API Gateway v2 fixtures → Lambda serializer → handler → real database → OpenAPI contract. */
@ExtendWith(DatabaseExtension.class)
class TelegramApiHandlerIT {

    private final TestSchema db;
    private ApiFixture api;

    TelegramApiHandlerIT(TestSchema db) {
        this.db = db;
    }

    @BeforeEach
    void fresh() {
        db.deleteData();
        api = new ApiFixture(db, false);
    }

    @Test
    void healthReportsVersionBuildAndTheDatabase() {
        ApiFixture.Reply reply = api.call("health.json");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("status").asText()).isEqualTo("ok");
        assertThat(reply.body().get("build").asText()).isEqualTo("test");
        assertThat(reply.headers().get("X-Request-Id")).isEqualTo("Yd2qfhYxSQ0EJXw=");
        OpenApiContract.check("GET", "/api/v1/health", 200, reply.body());
    }

    @Test
    void searchRanksSymbolsAndNamesAndValidatesItsParameters() {
        ApiFixture.Reply reply = api.call("search.json");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(ApiFixture.texts(reply.body().get("results"), "ticker")).first().isEqualTo("NVDA19");
        OpenApiContract.check("GET", "/api/v1/search", 200, reply.body());

        ApiFixture.Reply byName = api.call(withQuery(event("search.json"), Map.of("q", "tencent")));
        assertThat(ApiFixture.texts(byName.body().get("results"), "ticker")).containsExactly("TENCENT19");
        ApiFixture.Reply byYahoo = api.call(withQuery(event("search.json"), Map.of("q", "D05.SI")));
        assertThat(ApiFixture.texts(byYahoo.body().get("results"), "ticker")).containsExactly("DBS19");

        ApiFixture.Reply badLimit = api.call(withQuery(event("search.json"), Map.of("q", "nvd", "limit", "500")));
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().at("/error/code").asText()).isEqualTo("INVALID_REQUEST");
        assertThat(badLimit.body().at("/error/details/field").asText()).isEqualTo("limit");
        OpenApiContract.check("GET", "/api/v1/search", 400, badLimit.body());
        assertThat(api.call(withQuery(event("search.json"), Map.of())).body().at("/error/details/field").asText()).isEqualTo("q");
    }

    @Test
    void todaysReportWithCachedPatterns() {
        String symbol = ApiFixture.symbolWithPatterns(db);
        api.storeReport(symbol, ApiFixture.TODAY, true);
        ApiFixture.Reply reply = api.call(withPath(event("report-get.json"), "/api/v1/report/" + symbol));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode report = reply.body();
        assertThat(report.get("ticker").asText()).isEqualTo(symbol);
        assertThat(report.get("report_date").asText()).isEqualTo("2026-01-15");
        assertThat(report.get("is_stale").asBoolean()).isFalse();
        assertThat(report.get("patterns_source").asText()).isEqualTo("cache");
        assertThat(report.get("chart_patterns").size()).isEqualTo(db.count("chart_pattern_data", "symbol = '" + symbol + "'")).isPositive();
        assertThat(reply.raw()).doesNotContain("NaN");
        OpenApiContract.check("GET", "/api/v1/report/{ticker}", 200, report);
        // each pattern says where it stands and how its type has done before, on demo prices as demo statistics
        for (JsonNode p : report.get("chart_patterns")) {
            assertThat(p.get("state").asText()).isIn("forming", "confirmed", "failed", "target_reached", "expired");
            assertThat(p.get("live").asBoolean()).isEqualTo(p.get("state").asText().equals("forming")
                    || p.get("state").asText().equals("confirmed"));
            JsonNode record = p.get("track_record");
            assertThat(record.get("cases").asInt()).isEqualTo(db.count("pattern_track_events", "pattern_type = '" + p.get("type").asText()
                    + "' AND outcome <> 'open'" + (record.get("confidence").isNull() ? "" : " AND confidence = '"
                    + record.get("confidence").asText() + "'")));
            assertThat(record.get("demo").asBoolean()).isTrue();
            assertThat(record.get("text").asText()).startsWith("demo statistics");
            assertThat(record.get("text_th").asText()).startsWith("สถิติจากข้อมูลตัวอย่าง");
            if (record.get("cases").asInt() < 10) {
                assertThat(record.get("text").asText()).contains("too few past cases");
            }
        }
        api.storeReport("NVDA19", ApiFixture.TODAY, true);
        // the Yahoo symbol and any case name the same report
        assertThat(api.call(withPath(event("report-get.json"), "/api/v1/report/nvda")).body().get("ticker").asText()).isEqualTo("NVDA19");
    }

    @Test
    void withoutPatternRowsThePatternsAreComputedFromTheSamePrices() {
        api.storeReport("DBS19", ApiFixture.TODAY, false);
        ApiFixture.Reply reply = api.call(withPath(event("report-get.json"), "/api/v1/report/DBS19"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("patterns_source").asText()).isEqualTo("computed");
        OpenApiContract.check("GET", "/api/v1/report/{ticker}", 200, reply.body());
    }

    @Test
    void aWarmContainerServesWhatTheTablesHoldNowNotWhatItRenderedBefore() {
        String symbol = ApiFixture.symbolWithPatterns(db);
        api.storeReport(symbol, ApiFixture.TODAY, false);
        var request = withPath(event("report-get.json"), "/api/v1/report/" + symbol);
        ApiFixture.Reply first = api.call(request);
        assertThat(first.body().get("patterns_source").asText()).isEqualTo("computed");
        assertThat(api.call(request).raw()).isEqualTo(first.raw());

        // the pattern worker finishes late: the next request shows the stored rows
        api.storeReport(symbol, ApiFixture.TODAY, true);
        assertThat(api.call(request).body().get("patterns_source").asText()).isEqualTo("cache");

        // the report is regenerated with different content: the next request shows it
        db.execute("UPDATE precomputed_reports SET report_json = JSON_SET(report_json, '$.stance', 'neutral-test')"
                + " WHERE symbol = '" + symbol + "'");
        assertThat(api.call(request).body().get("stance").asText()).isEqualTo("neutral-test");

        // a stored pattern row changes (the detector never grades "high"): the next request shows the change
        // (deleting the only row would not do: no rows at all means the worker did not run, so the API detects)
        assertThat(ApiFixture.texts(api.call(request).body().get("chart_patterns"), "confidence")).doesNotContain("high");
        db.execute("UPDATE chart_pattern_data SET confidence = 'high' WHERE symbol = '" + symbol + "'");
        JsonNode after = api.call(request).body();
        assertThat(after.get("patterns_source").asText()).isEqualTo("cache");
        assertThat(ApiFixture.texts(after.get("chart_patterns"), "confidence")).isNotEmpty().containsOnly("high");
    }

    @Test
    void afterMidnightYesterdaysReportIsServedAsStaleNeverNotFound() {
        api.storeReport("NVDA19", ApiFixture.TODAY.minusDays(2), true);
        ApiFixture.Reply stale = api.call("report-get.json");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.body().get("is_stale").asBoolean()).isTrue();
        assertThat(stale.body().get("report_date").asText()).isEqualTo("2026-01-13");
        OpenApiContract.check("GET", "/api/v1/report/{ticker}", 200, stale.body());
    }

    @Test
    void aKnownTickerWithoutAnyRecentReportIsNotReadyWithTheNextRunTime() {
        api.storeReport("NVDA19", ApiFixture.TODAY.minusDays(4), true);
        ApiFixture.Reply reply = api.call("report-get.json");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("REPORT_NOT_READY");
        assertThat(reply.body().at("/error/details/next_run_at").asText()).isEqualTo("2026-01-16T05:00:00+07:00");
        OpenApiContract.check("GET", "/api/v1/report/{ticker}", 404, reply.body());
    }

    @Test
    void anUnknownTickerIsNotFoundWithSuggestions() {
        ApiFixture.Reply reply = api.call(withPath(event("report-get.json"), "/api/v1/report/NVDIA19"));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("TICKER_NOT_FOUND");
        assertThat(reply.body().at("/error/details/suggestions").toString()).contains("NVDA19");
        OpenApiContract.check("GET", "/api/v1/report/{ticker}", 404, reply.body());
    }

    @Test
    void postingForATickerWithTodaysReportAnswersTheReportAndRecordsNoJob() {
        api.storeReport("NVDA19", ApiFixture.TODAY, true);
        for (int i = 0; i < 3; i++) {
            ApiFixture.Reply reply = api.call("report-post.json");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body().get("status").asText()).isEqualTo("completed");
            assertThat(reply.body().get("job_id").isNull()).isTrue();
            assertThat(reply.body().get("report_date").asText()).isEqualTo("2026-01-15");
            assertThat(reply.body().at("/result/ticker").asText()).isEqualTo("NVDA19");
            OpenApiContract.check("POST", "/api/v1/report/{ticker}", 200, reply.body());
        }
        assertThat(api.invoked).isEmpty();
        assertThat(db.count("report_jobs", null)).isZero();
    }

    @Test
    void postingWithoutAReportStartsTheWorkerAndRecordsAPendingJob() {
        ApiFixture.Reply reply = api.call("report-post.json");
        assertThat(reply.status()).isEqualTo(202);
        String jobId = reply.body().get("job_id").asText();
        assertThat(api.invoked).containsExactly(jobId + " NVDA19");
        assertThat(db.count("report_jobs", "job_id = '" + jobId + "' AND status = 'pending'")).isEqualTo(1);
        OpenApiContract.check("POST", "/api/v1/report/{ticker}", 202, reply.body());

        ApiFixture.Reply status = api.call(withPath(event("report-status.json"), "/api/v1/report/status/" + jobId));
        assertThat(status.body().get("status").asText()).isEqualTo("pending");
        assertThat(status.body().get("result").isNull()).isTrue();
        OpenApiContract.check("GET", "/api/v1/report/status/{job_id}", 200, status.body());

        api.invokeFailure = new IllegalStateException("asynchronous invoke answered HTTP 500");
        ApiFixture.Reply unavailable = api.call(withPath(event("report-post.json"), "/api/v1/report/DBS19"));
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(db.count("report_jobs", "status = 'failed'")).isEqualTo(1);
        OpenApiContract.check("POST", "/api/v1/report/{ticker}", 503, unavailable.body());
    }

    @Test
    void askingAgainReturnsTheRequestersRunningJobInsteadOfAddingOne() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiFixture.Reply reply = api.call("report-post.json");
            assertThat(reply.status()).isEqualTo(202);
            ids.add(reply.body().get("job_id").asText());
        }
        assertThat(ids).containsOnly(ids.getFirst());
        assertThat(api.invoked).hasSize(1);
        assertThat(db.count("report_jobs", null)).isEqualTo(1);

        // another client address has its own job; a Telegram user is one requester whatever address it comes from
        ApiFixture.Reply other = api.call(fromAddress(event("report-post.json"), "198.51.100.9"));
        assertThat(other.body().get("job_id").asText()).isNotEqualTo(ids.getFirst());
        String initData = ApiFixture.initData(424242);
        ApiFixture.Reply user = api.call(withHeader(fromAddress(event("report-post.json"), "198.51.100.10"), "x-telegram-init-data", initData));
        ApiFixture.Reply sameUser = api.call(withHeader(fromAddress(event("report-post.json"), "198.51.100.11"), "x-telegram-init-data", initData));
        assertThat(sameUser.body().get("job_id").asText()).isEqualTo(user.body().get("job_id").asText());
        assertThat(db.count("report_jobs", null)).isEqualTo(3);

        // once the job finished, asking again starts a new one
        db.execute("UPDATE report_jobs SET status = 'failed', error = 'x', active_key = NULL WHERE job_id = '" + ids.getFirst() + "'");
        assertThat(api.call("report-post.json").body().get("job_id").asText()).isNotEqualTo(ids.getFirst());
    }

    @Test
    void runningJobsAreBoundedPerRequesterAndInAllAlsoWithTheRateLimitSwitchedOffAsInDrLocal() {
        TelegramApiConfig config = new TelegramApiConfig(ApiFixture.BOT_TOKEN, List.of(ApiFixture.ORIGIN), "local", true,
                "local:report-worker", "1.0.0", "test", 4, 2);
        ApiFixture local = new ApiFixture(db, db.dataSource(), config, api.clock, false);
        String[] tickers = {"NVDA19", "DBS19", "AAPL19", "MSFT19", "TENCENT19", "UOB19"};

        assertThat(local.call(withPath(event("report-post.json"), "/api/v1/report/" + tickers[0])).status()).isEqualTo(202);
        assertThat(local.call(withPath(event("report-post.json"), "/api/v1/report/" + tickers[1])).status()).isEqualTo(202);
        ApiFixture.Reply third = local.call(withPath(event("report-post.json"), "/api/v1/report/" + tickers[2]));
        assertThat(third.status()).isEqualTo(429);
        assertThat(third.body().at("/error/code").asText()).isEqualTo("TOO_MANY_JOBS");
        assertThat(third.headers().get("Retry-After")).isEqualTo("10");
        OpenApiContract.check("POST", "/api/v1/report/{ticker}", 429, third.body());
        // asking again for a running job is not a new job, so it is not refused
        assertThat(local.call(withPath(event("report-post.json"), "/api/v1/report/" + tickers[0])).status()).isEqualTo(202);

        // in all: two more clients reach the total of 4, the next one is refused
        assertThat(local.call(fromAddress(withPath(event("report-post.json"), "/api/v1/report/" + tickers[3]), "198.51.100.1")).status())
                .isEqualTo(202);
        assertThat(local.call(fromAddress(withPath(event("report-post.json"), "/api/v1/report/" + tickers[4]), "198.51.100.2")).status())
                .isEqualTo(202);
        ApiFixture.Reply full = local.call(fromAddress(withPath(event("report-post.json"), "/api/v1/report/" + tickers[5]), "198.51.100.3"));
        assertThat(full.status()).isEqualTo(429);
        assertThat(full.body().at("/error/details/limit").asInt()).isEqualTo(4);
        assertThat(db.count("report_jobs", null)).isEqualTo(4);
        assertThat(local.invoked).hasSize(4);
    }

    @Test
    void aJobWhoseWorkerNeverFinishedFailsWithTheReasonAfterTheWorkersTimeout() {
        String jobId = api.call("report-post.json").body().get("job_id").asText();
        var statusEvent = withPath(event("report-status.json"), "/api/v1/report/status/" + jobId);
        ApiFixture before = new ApiFixture(db, db.dataSource(), ApiFixture.config(false),
                com.drdailyreport.shared.time.BusinessClock.fixed(ApiFixture.NOW.plus(ReportJob.STALE_AFTER)), true);
        assertThat(before.call(statusEvent).body().get("status").asText()).isEqualTo("pending");

        ApiFixture later = new ApiFixture(db, db.dataSource(), ApiFixture.config(false),
                com.drdailyreport.shared.time.BusinessClock.fixed(ApiFixture.NOW.plus(ReportJob.STALE_AFTER).plusSeconds(1)), true);
        ApiFixture.Reply status = later.call(statusEvent);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().get("status").asText()).isEqualTo("failed");
        assertThat(status.body().get("error").asText()).isEqualTo(ReportJob.STALE_REASON);
        OpenApiContract.check("GET", "/api/v1/report/status/{job_id}", 200, status.body());
        assertThat(db.count("report_jobs", "job_id = '" + jobId + "' AND status = 'failed' AND finished_at IS NOT NULL")).isEqualTo(1);

        // and the requester may ask again: a new job
        ApiFixture.Reply again = later.call("report-post.json");
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.body().get("job_id").asText()).isNotEqualTo(jobId);
    }

    @Test
    void anUnknownJobIsNotFound() {
        ApiFixture.Reply reply = api.call("report-status.json");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("JOB_NOT_FOUND");
        OpenApiContract.check("GET", "/api/v1/report/status/{job_id}", 404, reply.body());
        assertThat(api.call(withPath(event("report-status.json"), "/api/v1/report/status/'%20OR%201=1")).status()).isEqualTo(404);
    }

    @Test
    void rankingsOrderTheDaysReportsAndRefuseUnknownCategories() {
        for (String symbol : new String[] {"NVDA19", "DBS19", "TENCENT19", "AAPL19", "SIA19"}) {
            api.storeReport(symbol, ApiFixture.TODAY, false);
        }
        ApiFixture.Reply gainers = api.call("rankings.json");
        assertThat(gainers.status()).isEqualTo(200);
        OpenApiContract.check("GET", "/api/v1/rankings", 200, gainers.body());
        JsonNode tickers = gainers.body().get("tickers");
        for (int i = 1; i < tickers.size(); i++) {
            assertThat(tickers.get(i - 1).get("price_change_pct").asDouble()).isGreaterThanOrEqualTo(tickers.get(i).get("price_change_pct").asDouble());
        }
        tickers.forEach(t -> assertThat(t.get("price_change_pct").asDouble()).isPositive());
        ApiFixture.Reply losers = api.call(withQuery(event("rankings.json"), Map.of("category", "top_losers")));
        losers.body().get("tickers").forEach(t -> assertThat(t.get("price_change_pct").asDouble()).isNegative());
        assertThat(gainers.body().get("tickers").size() + losers.body().get("tickers").size()).isLessThanOrEqualTo(5);

        ApiFixture.Reply bad = api.call(withQuery(event("rankings.json"), Map.of("category", "moonshots")));
        assertThat(bad.status()).isEqualTo(400);
        OpenApiContract.check("GET", "/api/v1/rankings", 400, bad.body());
    }

    @Test
    void rankingsSayWhichReportsAreFromDemoPrices() {
        api.storeReport("NVDA19", ApiFixture.TODAY, false);
        api.storeReport("DBS19", ApiFixture.TODAY, false);
        // DBS19 as if its prices had come from Yahoo
        db.execute("UPDATE precomputed_reports SET report_json = JSON_SET(report_json, '$.is_demo_data', false, '$.data_source', 'yahoo')"
                + " WHERE symbol = 'DBS19'");

        ApiFixture.Reply trending = api.call(withQuery(event("rankings.json"), Map.of("category", "trending")));

        assertThat(trending.status()).isEqualTo(200);
        OpenApiContract.check("GET", "/api/v1/rankings", 200, trending.body());
        Map<String, Boolean> demo = new java.util.HashMap<>();
        trending.body().get("tickers").forEach(t -> demo.put(t.get("ticker").asText(), t.get("is_demo_data").asBoolean()));
        assertThat(demo).containsExactlyInAnyOrderEntriesOf(Map.of("NVDA19", true, "DBS19", false));
    }

    @Test
    void watchlistWithValidInitData() {
        String initData = ApiFixture.initData(424242);
        ApiFixture.Reply added = api.call(withHeader(event("watchlist-post.json"), "x-telegram-init-data", initData));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.body().get("ticker").asText()).isEqualTo("NVDA19");
        OpenApiContract.check("POST", "/api/v1/watchlist", 201, added.body());
        ApiFixture.Reply again = api.call(withHeader(event("watchlist-post.json"), "x-telegram-init-data", initData));
        assertThat(again.status()).isEqualTo(200);
        OpenApiContract.check("POST", "/api/v1/watchlist", 200, again.body());

        ApiFixture.Reply list = api.call(withHeader(event("watchlist-get.json"), "x-telegram-init-data", initData));
        assertThat(ApiFixture.texts(list.body().get("tickers"), "ticker")).containsExactly("NVDA19");
        OpenApiContract.check("GET", "/api/v1/watchlist", 200, list.body());
        assertThat(db.count("watchlist", "user_id = '424242'")).isEqualTo(1);

        ApiFixture.Reply removed = api.call(withHeader(event("watchlist-delete.json"), "x-telegram-init-data", initData));
        assertThat(removed.body().get("removed").asBoolean()).isTrue();
        OpenApiContract.check("DELETE", "/api/v1/watchlist/{ticker}", 200, removed.body());
        assertThat(db.count("watchlist", null)).isZero();

        ApiFixture.Reply badBody = api.call(withBody(withHeader(event("watchlist-post.json"), "x-telegram-init-data", initData), "[\"NVDA19\"]"));
        assertThat(badBody.status()).isEqualTo(400);
        OpenApiContract.check("POST", "/api/v1/watchlist", 400, badBody.body());
    }

    @Test
    void badInitDataIsUnauthorizedAndWritesNothing() {
        long authDate = ApiFixture.NOW.getEpochSecond() - 60;
        Map<String, String> fields = InitDataSigner.fields(424242, authDate);
        String signed = InitDataSigner.sign(fields, ApiFixture.BOT_TOKEN);

        String tampered = signed.replace("424242", "999999");
        String wrongToken = InitDataSigner.sign(fields, "0000000000:WRONG-token");
        String expired = InitDataSigner.sign(InitDataSigner.fields(424242, ApiFixture.NOW.getEpochSecond() - 86_401), ApiFixture.BOT_TOKEN);
        String missingHash = InitDataSigner.encode(fields);
        String duplicated = signed + "&auth_date=" + authDate;

        for (String bad : new String[] {tampered, wrongToken, expired, missingHash, duplicated, "", "%zz"}) {
            ApiFixture.Reply reply = api.call(withHeader(event("watchlist-post.json"), "x-telegram-init-data", bad));
            assertThat(reply.status()).as(bad).isEqualTo(401);
            assertThat(reply.body().at("/error/code").asText()).isEqualTo("UNAUTHORIZED");
            OpenApiContract.check("POST", "/api/v1/watchlist", 401, reply.body());
        }
        ApiFixture.Reply none = api.call(withoutHeader(event("watchlist-get.json"), "x-telegram-init-data"));
        assertThat(none.status()).isEqualTo(401);
        // the development header is no way in unless explicitly enabled outside staging and prod
        ApiFixture.Reply devHeader = api.call(withHeader(withoutHeader(event("watchlist-post.json"), "x-telegram-init-data"),
                "x-telegram-user-id", "424242"));
        assertThat(devHeader.status()).isEqualTo(401);
        assertThat(db.count("watchlist", null)).isZero();

        ApiFixture dev = new ApiFixture(db, true);
        assertThat(dev.call(withHeader(withoutHeader(event("watchlist-post.json"), "x-telegram-init-data"), "x-telegram-user-id", "424242"))
                .status()).isEqualTo(201);
    }

    @Test
    void corsPreflightAnswersTheMiniAppsOriginOnly() {
        ApiFixture.Reply preflight = api.call("preflight.json");
        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.headers().get("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.ORIGIN);
        assertThat(preflight.headers().get("Access-Control-Allow-Headers")).contains("X-Telegram-Init-Data");
        assertThat(preflight.headers().get("Access-Control-Allow-Methods")).contains("POST");
        // the very values API Gateway's cors_configuration answers with in AWS (terraform/api_gateway.tf)
        GatewayCors gateway = GatewayCors.fromTerraform();
        assertThat(GatewayCors.lower(split(preflight.headers().get("Access-Control-Allow-Methods")))).isEqualTo(GatewayCors.lower(gateway.allowMethods()));
        assertThat(GatewayCors.lower(split(preflight.headers().get("Access-Control-Allow-Headers")))).isEqualTo(GatewayCors.lower(gateway.allowHeaders()));
        assertThat(GatewayCors.lower(split(preflight.headers().get("Access-Control-Expose-Headers")))).isEqualTo(GatewayCors.lower(gateway.exposeHeaders()));
        assertThat(preflight.headers().get("Access-Control-Max-Age")).isEqualTo(Integer.toString(gateway.maxAge()));

        ApiFixture.Reply foreign = api.call(withHeader(event("preflight.json"), "origin", "https://evil.example"));
        assertThat(foreign.headers()).doesNotContainKey("Access-Control-Allow-Origin");
        ApiFixture.Reply health = api.call("health.json");
        assertThat(health.headers().get("Access-Control-Allow-Origin")).isEqualTo(ApiFixture.ORIGIN);
        assertThat(health.headers().get("Access-Control-Expose-Headers")).containsIgnoringCase("Retry-After");
    }

    private static List<String> split(String headerValue) {
        return java.util.Arrays.stream(headerValue.split(",")).map(String::trim).toList();
    }

    @Test
    void unknownRoutesAndWrongMethodsUseTheEnvelope() {
        ApiFixture.Reply missing = api.call("unknown-route.json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().at("/error/code").asText()).isEqualTo("NOT_FOUND");
        ApiFixture.Reply wrong = api.call("wrong-method.json");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.headers().get("Allow")).isEqualTo("GET, OPTIONS");
        assertThat(wrong.body().at("/error/code").asText()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void tooManyRequestsFromOneClientAreLimited() {
        int limited = 0;
        ApiFixture.Reply last = null;
        for (int i = 0; i < MiniAppApi.RATE_LIMITS.get("report_post") + 5; i++) {
            last = api.call(withPath(event("report-post.json"), "/api/v1/report/NOTREAL19"));
            if (last.status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isEqualTo(5);
        assertThat(last.headers().get("Retry-After")).matches("\\d+");
        OpenApiContract.check("POST", "/api/v1/report/{ticker}", 429, last.body());
        // another client is not affected
        assertThat(api.call(withHeader(withPath(event("report-post.json"), "/api/v1/report/NOTREAL19"), "x-forwarded-for", "198.51.100.1"))
                .status()).isIn(404, 429);
    }

    @Test
    void anInternalFaultIsA500WithTheRequestIdAndNothingInside() {
        javax.sql.DataSource broken = new com.zaxxer.hikari.HikariDataSource() {
            @Override
            public java.sql.Connection getConnection() {
                throw new IllegalStateException("jdbc:mysql://secret-host:3306 password=hunter2");
            }
        };
        ApiFixture faulty = new ApiFixture(db, broken, false);
        ApiFixture.Reply reply = faulty.call("report-get.json");
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.body().at("/error/code").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(reply.body().at("/error/details/request_id").asText()).isEqualTo("Yd2qfhYxSQ0EJXw=");
        assertThat(reply.raw()).doesNotContain("secret-host").doesNotContain("hunter2").doesNotContain("Exception");
        OpenApiContract.check("GET", "/api/v1/report/{ticker}", 500, reply.body());
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailable() {
        com.drdailyreport.shared.config.DatabaseConfig nowhere = new com.drdailyreport.shared.config.DatabaseConfig(
                "jdbc:mysql://127.0.0.1:1/none", "u", "p", 1);
        try (com.zaxxer.hikari.HikariDataSource pool = com.drdailyreport.shared.db.DataSources.create(nowhere, "nowhere")) {
            ApiFixture down = new ApiFixture(db, pool, false);
            ApiFixture.Reply health = down.call("health.json");
            assertThat(health.status()).isEqualTo(503);
            OpenApiContract.check("GET", "/api/v1/health", 503, health.body());
        }
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode fromAddress(com.fasterxml.jackson.databind.node.ObjectNode event,
                                                                            String ip) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("requestContext").path("http")).put("sourceIp", ip);
        return withHeader(event, "x-forwarded-for", ip);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode withQuery(com.fasterxml.jackson.databind.node.ObjectNode event,
                                                                          Map<String, String> query) {
        com.fasterxml.jackson.databind.node.ObjectNode params = event.putObject("queryStringParameters");
        query.forEach(params::put);
        return event;
    }
}
