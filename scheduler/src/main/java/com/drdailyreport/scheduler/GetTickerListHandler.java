package com.drdailyreport.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.drdailyreport.shared.logging.RequestLog;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.domain.Ticker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** get-ticker-list: any input → {@code {"tickers":[DR symbols of the active tickers], "count":N, "status":"success"}}. */
public final class GetTickerListHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final TickerRepository tickers;
    private final DatabaseRetry retry;

    public GetTickerListHandler() {
        this(SchedulerRuntime.instance().tickers(), DatabaseRetry.standard());
    }

    GetTickerListHandler(TickerRepository tickers, DatabaseRetry retry) {
        this.tickers = tickers;
        this.retry = retry;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (RequestLog ignored = RequestLog.begin(context == null ? null : context.getAwsRequestId(),
                context == null ? null : context.getFunctionName())) {
            return handle(event);
        }
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        try {
            List<String> symbols = retry.call(tickers::findActive).stream().map(Ticker::drSymbol).toList();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("tickers", symbols);
            result.put("count", symbols.size());
            result.put("status", "success");
            return result;
        } catch (RuntimeException e) {
            return Events.error(null, "could not read the ticker list: " + PriceFetchService.describe(e));
        }
    }
}
