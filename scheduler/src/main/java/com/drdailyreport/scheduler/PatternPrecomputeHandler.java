package com.drdailyreport.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.drdailyreport.shared.logging.RequestLog;
import java.util.Map;

/**
 * pattern-precompute: {@code {"ticker":"NVDA19"}} or {@code {"ticker":"NVDA19","ticker_id":1}} →
 * {@code {ticker, ticker_id, patterns_found, patterns_stored, pattern_types, status}}.
 */
public final class PatternPrecomputeHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final PatternWorkerService service;

    public PatternPrecomputeHandler() {
        this(SchedulerRuntime.instance().patternWorkerService());
    }

    PatternPrecomputeHandler(PatternWorkerService service) {
        this.service = service;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (RequestLog ignored = RequestLog.begin(context == null ? null : context.getAwsRequestId(),
                context == null ? null : context.getFunctionName())) {
            return handle(event);
        }
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        String ticker;
        Integer tickerId;
        try {
            ticker = Events.text(event, "ticker");
            tickerId = Events.integer(event, "ticker_id");
        } catch (IllegalArgumentException e) {
            return Events.error(null, e.getMessage());
        }
        if (ticker == null) {
            return Events.error(null, "ticker is required (a DR symbol such as NVDA19)");
        }
        return Events.toMap(service.detect(ticker, tickerId));
    }
}
