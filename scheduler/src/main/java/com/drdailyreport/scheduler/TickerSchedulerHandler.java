package com.drdailyreport.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.drdailyreport.shared.logging.RequestLog;
import com.drdailyreport.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ticker-scheduler (EventBridge Scheduler, 05:00 Asia/Bangkok): {@code {}} fetches every active
 * ticker, {@code {"tickers":["NVDA19",…]}} just those; other fields (the schedule's
 * {@code action}) are ignored. When at least one ticker was stored it asks precompute-controller
 * to start the workflow (asynchronously); a failure to ask is reported, not fatal. Then it runs the
 * nightly housekeeping of {@code report_jobs} ({@link ReportJobRetention}), reported under
 * {@code report_jobs}.
 */
public final class TickerSchedulerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(TickerSchedulerHandler.class);

    private final PriceFetchService fetcher;
    private final ControllerTrigger trigger;
    private final ReportJobRetention retention;

    public TickerSchedulerHandler() {
        this(SchedulerRuntime.instance().priceFetchService(), SchedulerRuntime.instance().controllerTrigger(),
                SchedulerRuntime.instance().reportJobRetention());
    }

    TickerSchedulerHandler(PriceFetchService fetcher, ControllerTrigger trigger, ReportJobRetention retention) {
        this.fetcher = fetcher;
        this.trigger = trigger;
        this.retention = retention;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (RequestLog ignored = RequestLog.begin(context == null ? null : context.getAwsRequestId(),
                context == null ? null : context.getFunctionName())) {
            return handle(event);
        }
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        List<String> requested;
        try {
            requested = Events.strings(event, "tickers");
        } catch (IllegalArgumentException e) {
            return Events.error(null, e.getMessage());
        }
        FetchSummary summary;
        try {
            summary = fetcher.fetch(requested);
        } catch (RuntimeException e) {
            LOG.error("fetch run failed", e);
            Map<String, Object> failed = Events.error(null, "fetch run failed: " + PriceFetchService.describe(e));
            failed.put("report_jobs", retention.run());
            return failed;
        }
        if (summary.successCount() > 0) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("action", "start");
            payload.put("source", "scheduler");
            payload.put("fetch_summary", Map.of("date", summary.date().toString(), "success_count", summary.successCount(),
                    "failed_count", summary.failedCount()));
            try {
                trigger.trigger(Json.write(payload));
                summary = summary.withPrecompute(true, null);
            } catch (RuntimeException e) {
                LOG.error("could not trigger precompute-controller", e);
                summary = summary.withPrecompute(false, PriceFetchService.describe(e));
            }
        }
        Map<String, Object> result = Events.toMap(summary);
        result.put("report_jobs", retention.run());
        return result;
    }
}
