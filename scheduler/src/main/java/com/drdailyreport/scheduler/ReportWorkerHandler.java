package com.drdailyreport.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.drdailyreport.shared.logging.RequestLog;
import java.util.Map;

/**
 * report-worker: {@code {"ticker":"NVDA19"}} from the workflow's Map, or
 * {@code {"job_id":"rpt_…","ticker":"NVDA19"}} from the Mini App API. Returns
 * {@code {ticker, status, error?, date, generation_time_ms, …}}.
 */
public final class ReportWorkerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final ReportWorkerService service;

    public ReportWorkerHandler() {
        this(SchedulerRuntime.instance().reportWorkerService());
    }

    ReportWorkerHandler(ReportWorkerService service) {
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
        String jobId;
        try {
            ticker = Events.text(event, "ticker");
            jobId = Events.text(event, "job_id");
        } catch (IllegalArgumentException e) {
            return Events.error(null, e.getMessage());
        }
        if (ticker == null) {
            return Events.error(null, "ticker is required (a DR symbol such as NVDA19)");
        }
        WorkerResult result = jobId == null ? service.generate(ticker) : service.runJob(jobId, ticker);
        return Events.toMap(result);
    }
}
