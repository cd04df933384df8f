package com.drdailyreport.telegram;

import com.drdailyreport.shared.db.DatabaseUnavailableException;
import com.drdailyreport.shared.db.ReportJobRepository;
import com.drdailyreport.shared.db.WatchlistRepository;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.JobStatus;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.WatchlistItem;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Mini App API under {@code /api/v1}, free of Lambda types: routing, CORS, rate limits,
 * Telegram authentication and the one error envelope {@code {"error":{"code","message","details"}}}
 * for every failure — unknown routes (404), wrong methods (405), bad parameters (400), missing or
 * invalid initData (401), rate limiting (429), an unreachable database (503) and anything
 * unexpected (500, with the request id and nothing internal).
 */
public final class MiniAppApi {

    private static final Logger LOG = LoggerFactory.getLogger(MiniAppApi.class);
    private static final String PREFIX = "/api/v1";
    /** Retry-After of a refused report request: jobs take seconds. */
    static final int JOB_RETRY_AFTER_SECONDS = 10;

    /** Requests per minute per client and route group (health and preflight are not limited). */
    static final Map<String, Integer> RATE_LIMITS = Map.of("search", 120, "report", 120, "report_post", 20, "rankings", 120,
            "status", 240, "watchlist", 120);

    private final TelegramApiConfig config;
    private final DataSource dataSource;
    private final TickerDirectory tickers;
    private final ReportQueryService reportQuery;
    private final RankingsService rankings;
    private final ReportJobRepository jobs;
    private final WatchlistRepository watchlist;
    private final ReportWorkerInvoker worker;
    private final InitDataValidator initData;
    private final RateLimiter limiter;
    private final BusinessClock clock;

    MiniAppApi(TelegramApiConfig config, DataSource dataSource, TickerDirectory tickers, ReportQueryService reportQuery,
               RankingsService rankings, ReportJobRepository jobs, WatchlistRepository watchlist, ReportWorkerInvoker worker,
               RateLimiter limiter, BusinessClock clock) {
        this.config = config;
        this.dataSource = dataSource;
        this.tickers = tickers;
        this.reportQuery = reportQuery;
        this.rankings = rankings;
        this.jobs = jobs;
        this.watchlist = watchlist;
        this.worker = worker;
        this.initData = new InitDataValidator(config.botToken());
        this.limiter = limiter;
        this.clock = clock;
    }

    public ApiResponse handle(ApiRequest request) {
        ApiResponse response;
        try {
            response = route(request);
        } catch (ApiException e) {
            response = ApiResponse.json(e.status(), e.envelope());
            if (e.status() == 429 && e.details().get("retry_after_seconds") instanceof Number seconds) {
                response = response.withHeader("Retry-After", seconds.toString());
            }
            if (e.status() == 405 && e.details().get("allowed") instanceof String allow) {
                response = response.withHeader("Allow", allow);
            }
        } catch (InvalidValueException e) {
            response = ApiResponse.json(400, ApiException.badRequest(e.field(), e.getMessage()).envelope());
        } catch (DatabaseUnavailableException e) {
            LOG.error("database unavailable for {} {}: {}", request.method(), request.path(), e.getMessage());
            response = unavailableResponse(request);
        } catch (RuntimeException e) {
            LOG.error("unexpected failure for {} {}", request.method(), request.path(), e);
            response = ApiResponse.json(500, new ApiException(500, "INTERNAL_ERROR", "An internal error occurred",
                    Map.of("request_id", request.requestId())).envelope());
        }
        return cors(request, response).withHeader("X-Request-Id", request.requestId());
    }

    /**
     * The answer when {@code request} could not be served in time (the handler's deadline passed,
     * see {@link com.drdailyreport.shared.lambda.RequestDeadline}): the same 503 envelope as an
     * unreachable database, with the CORS and request-id headers of every answer.
     */
    public ApiResponse unavailable(ApiRequest request) {
        return cors(request, unavailableResponse(request)).withHeader("X-Request-Id", request.requestId());
    }

    private static ApiResponse unavailableResponse(ApiRequest request) {
        return ApiResponse.json(503, new ApiException(503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable",
                Map.of("request_id", request.requestId())).envelope()).withHeader("Retry-After", "5");
    }

    private ApiResponse route(ApiRequest request) {
        String path = request.path();
        if (!path.equals(PREFIX) && !path.startsWith(PREFIX + "/")) {
            throw notFound(path);
        }
        List<String> segments = segments(path.substring(PREFIX.length()));
        String method = request.method();
        if (method.equals("OPTIONS")) {
            return ApiResponse.empty(204);
        }
        if (segments.size() == 1 && segments.getFirst().equals("health")) {
            allow(method, "GET");
            return health();
        }
        if (segments.size() == 1 && segments.getFirst().equals("search")) {
            allow(method, "GET");
            limit("search", request);
            return search(request);
        }
        if (segments.size() == 1 && segments.getFirst().equals("rankings")) {
            allow(method, "GET");
            limit("rankings", request);
            return rankings(request);
        }
        if (segments.size() == 3 && segments.get(0).equals("report") && segments.get(1).equals("status")) {
            allow(method, "GET");
            limit("status", request);
            return jobStatus(segments.get(2));
        }
        if (segments.size() == 2 && segments.get(0).equals("report")) {
            allow(method, "GET", "POST");
            limit(method.equals("POST") ? "report_post" : "report", request);
            Ticker ticker = tickers.require(segments.get(1));
            return method.equals("POST") ? submitReport(ticker, request) : ApiResponse.json(200, reportQuery.current(ticker))
                    .withHeader("Cache-Control", "public, max-age=60");
        }
        if (segments.size() == 1 && segments.getFirst().equals("watchlist")) {
            allow(method, "GET", "POST");
            limit("watchlist", request);
            TelegramUser user = authenticate(request);
            return method.equals("POST") ? addToWatchlist(user, request) : listWatchlist(user);
        }
        if (segments.size() == 2 && segments.get(0).equals("watchlist")) {
            allow(method, "DELETE");
            limit("watchlist", request);
            TelegramUser user = authenticate(request);
            return removeFromWatchlist(user, segments.get(1));
        }
        throw notFound(path);
    }

    private ApiResponse health() {
        boolean databaseOk;
        try (Connection connection = dataSource.getConnection()) {
            databaseOk = connection.isValid(1);
        } catch (SQLException | RuntimeException e) {
            databaseOk = false;
        }
        if (!databaseOk) {
            throw new ApiException(503, "SERVICE_UNAVAILABLE", "The database is unreachable",
                    Map.of("database", "unavailable", "version", config.version(), "build", config.build()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("version", config.version());
        body.put("build", config.build());
        body.put("database", "ok");
        return ApiResponse.json(200, body).withHeader("Cache-Control", "no-store");
    }

    private ApiResponse search(ApiRequest request) {
        String q = request.query().get("q");
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("q", "q is required: part of a ticker symbol or company name");
        }
        if (q.length() > 100) {
            throw ApiException.badRequest("q", "q must be at most 100 characters");
        }
        int limit = intParam(request, "limit", 10, 1, 50);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Ticker t : tickers.registry().search(q, limit)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ticker", t.drSymbol());
            item.put("company_name", t.displayName());
            item.put("yahoo_symbol", t.yahooSymbol());
            item.put("exchange", t.exchange());
            item.put("currency", t.currency());
            item.put("type", t.quoteType());
            results.add(item);
        }
        return ApiResponse.json(200, Map.of("results", results)).withHeader("Cache-Control", "public, max-age=300");
    }

    private ApiResponse rankings(ApiRequest request) {
        String category = request.query().get("category");
        if (category == null || !RankingsService.CATEGORIES.contains(category)) {
            throw ApiException.badRequest("category", "category must be one of top_gainers, top_losers, volume_surge, trending");
        }
        int limit = intParam(request, "limit", 10, 1, 50);
        return ApiResponse.json(200, rankings.rank(category, limit)).withHeader("Cache-Control", "public, max-age=60");
    }

    /**
     * {@code POST report/{ticker}}: today's report when it exists (no job is recorded); else the
     * requester's job for the ticker and day that is already pending or in progress; else a new job
     * and a report-worker invocation — unless the requester, or everyone together, already has as
     * many jobs running as allowed (429 {@code TOO_MANY_JOBS} with Retry-After). These bounds hold
     * whatever the per-client rate limit is (bin/dr-local switches that one off).
     */
    private ApiResponse submitReport(Ticker ticker, ApiRequest request) {
        Instant now = clock.instant();
        LocalDate today = clock.today();
        Optional<ObjectNode> ready = reportQuery.forDate(ticker, today);
        if (ready.isPresent()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("job_id", null);
            body.put("ticker", ticker.drSymbol());
            body.put("status", JobStatus.COMPLETED.wireName());
            body.put("report_date", today);
            body.put("result", ready.get());
            return ApiResponse.json(200, body).withHeader("Cache-Control", "no-store");
        }
        String requester = requester(request);
        jobs.expireStale(now.minus(ReportJob.STALE_AFTER), ReportJob.STALE_REASON, now);
        Optional<ReportJob> active = jobs.findActive(ticker, requester, today);
        if (active.isPresent()) {
            return ApiResponse.json(202, jobBody(active.get(), false));
        }
        ReportJobRepository.ActiveJobs running = jobs.countActive(requester);
        if (running.ofRequester() >= config.maxActiveJobsPerClient() || running.total() >= config.maxActiveJobs()) {
            boolean mine = running.ofRequester() >= config.maxActiveJobsPerClient();
            LOG.warn("report_jobs_bounded: {} active jobs ({} of this requester); refusing a new one for {}", running.total(),
                    running.ofRequester(), ticker.drSymbol());
            throw new ApiException(429, "TOO_MANY_JOBS", mine
                    ? "You already have " + running.ofRequester() + " reports being generated; try again when they are done"
                    : "Too many reports are being generated right now; try again shortly",
                    Map.of("retry_after_seconds", JOB_RETRY_AFTER_SECONDS, "limit", mine ? config.maxActiveJobsPerClient() : config.maxActiveJobs()));
        }
        ReportJobRepository.Submission submission = jobs.submit(ticker, requester, today, "telegram_api", now);
        ReportJob job = submission.job();
        if (!submission.created()) {
            return ApiResponse.json(202, jobBody(job, false));
        }
        try {
            worker.invoke(job.jobId(), ticker.drSymbol());
        } catch (RuntimeException e) {
            LOG.error("could not start report-worker for job {}", job.jobId(), e);
            jobs.markFailed(job.jobId(), "report generation could not be started", clock.instant());
            throw new ApiException(503, "SERVICE_UNAVAILABLE", "Report generation could not be started; try again shortly",
                    Map.of("ticker", ticker.drSymbol()));
        }
        return ApiResponse.json(202, jobBody(job, false));
    }

    private ApiResponse jobStatus(String jobId) {
        Optional<ReportJob> job = ReportJob.isValidJobId(jobId) ? jobs.find(jobId) : Optional.empty();
        Instant now = clock.instant();
        if (job.isPresent() && job.get().isStale(now)) {
            // its worker timed out or died: the job ends as failed, with the reason, instead of staying in progress for ever
            job = jobs.expireIfStale(jobId, now.minus(ReportJob.STALE_AFTER), ReportJob.STALE_REASON, now);
        }
        if (job.isEmpty()) {
            String shown = jobId.length() > 40 ? jobId.substring(0, 40) + "…" : jobId;
            throw new ApiException(404, "JOB_NOT_FOUND", "No report job " + shown, Map.of("job_id", shown));
        }
        return ApiResponse.json(200, jobBody(job.get(), true)).withHeader("Cache-Control", "no-store");
    }

    private Map<String, Object> jobBody(ReportJob job, boolean withResult) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("job_id", job.jobId());
        body.put("ticker", job.ticker());
        body.put("status", job.status().wireName());
        body.put("created_at", job.createdAt());
        body.put("started_at", job.startedAt());
        body.put("finished_at", job.finishedAt());
        body.put("report_date", job.reportDate());
        body.put("error", job.error());
        if (withResult) {
            JsonNode result = null;
            if (job.reportDate() != null) {
                Ticker ticker = tickers.registry().byDrSymbol(job.ticker()).orElse(null);
                result = ticker == null ? null : reportQuery.forDate(ticker, job.reportDate()).orElse(null);
            }
            body.put("result", result);
        }
        return body;
    }

    private ApiResponse listWatchlist(TelegramUser user) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (WatchlistItem item : watchlist.list(user.id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ticker", item.ticker());
            row.put("company_name", item.companyName() == null ? item.ticker() : item.companyName());
            row.put("added_at", item.addedAt());
            items.add(row);
        }
        return ApiResponse.json(200, Map.of("tickers", items)).withHeader("Cache-Control", "no-store");
    }

    private ApiResponse addToWatchlist(TelegramUser user, ApiRequest request) {
        JsonNode body;
        try {
            body = request.body() == null || request.body().isBlank() ? null : Json.read(request.body());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body", "the body must be a JSON object such as {\"ticker\":\"NVDA19\"}");
        }
        if (body == null || !body.isObject() || !body.path("ticker").isTextual() || body.get("ticker").asText().isBlank()) {
            throw ApiException.badRequest("ticker", "the body must be a JSON object such as {\"ticker\":\"NVDA19\"}");
        }
        Ticker ticker = tickers.require(body.get("ticker").asText());
        boolean added = watchlist.add(user.id(), ticker, clock.instant());
        return ApiResponse.json(added ? 201 : 200, Map.of("status", "ok", "ticker", ticker.drSymbol(), "added", added));
    }

    private ApiResponse removeFromWatchlist(TelegramUser user, String symbol) {
        Ticker ticker = tickers.require(symbol);
        boolean removed = watchlist.remove(user.id(), ticker.drSymbol());
        return ApiResponse.json(200, Map.of("status", "ok", "ticker", ticker.drSymbol(), "removed", removed));
    }

    /**
     * Who a report request counts against: the Telegram user when the request carries valid
     * initData (or, in development, the user header), else the client's address.
     */
    private String requester(ApiRequest request) {
        if (request.header("X-Telegram-Init-Data") != null || config.devUserHeader() && request.header("X-Telegram-User-Id") != null) {
            try {
                return "user:" + authenticate(request).id();
            } catch (ApiException e) {
                // not a valid user: counted by address
            }
        }
        String ip = request.sourceIp() == null || request.sourceIp().isBlank() ? "unknown" : request.sourceIp();
        return "ip:" + (ip.length() > 60 ? ip.substring(0, 60) : ip);
    }

    private TelegramUser authenticate(ApiRequest request) {
        String header = request.header("X-Telegram-Init-Data");
        if (header == null && config.devUserHeader() && request.header("X-Telegram-User-Id") != null) {
            String id = request.header("X-Telegram-User-Id").trim();
            if (id.matches("\\d{1,20}")) {
                return new TelegramUser(id, null); // development only: refused at start-up in staging and prod
            }
        }
        if (header == null) {
            throw new ApiException(401, "UNAUTHORIZED", "Open the app from Telegram: X-Telegram-Init-Data is missing");
        }
        try {
            return initData.validate(header, clock.instant());
        } catch (InitDataValidator.InvalidInitDataException e) {
            throw new ApiException(401, "UNAUTHORIZED", "Telegram authentication failed: " + e.getMessage());
        }
    }

    private void limit(String group, ApiRequest request) {
        long wait = limiter.acquire(group, request.sourceIp() == null ? "unknown" : request.sourceIp());
        if (wait > 0) {
            throw new ApiException(429, "RATE_LIMITED", "Too many requests; try again in " + wait + " s",
                    Map.of("retry_after_seconds", wait));
        }
    }

    private static void allow(String method, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        String allow = String.join(", ", allowed) + ", OPTIONS";
        throw new ApiException(405, "METHOD_NOT_ALLOWED", method + " is not allowed here; use " + String.join(" or ", allowed),
                Map.of("allowed", allow));
    }

    private static ApiException notFound(String path) {
        String shown = path.length() > 80 ? path.substring(0, 80) + "…" : path;
        return new ApiException(404, "NOT_FOUND", "No such endpoint: " + shown, Map.of("path", shown));
    }

    private static int intParam(ApiRequest request, String name, int fallback, int min, int max) {
        String value = request.query().get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name, name + " must be an integer from " + min + " to " + max);
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                try {
                    segments.add(java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("path", "the path is not correctly percent-encoded");
                }
            }
        }
        return segments;
    }

    private ApiResponse cors(ApiRequest request, ApiResponse response) {
        return Cors.apply(request.header("Origin"), request.method().equals("OPTIONS"), config.allowedOrigins(), response);
    }
}
