package com.drdailyreport.scheduler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.drdailyreport.shared.logging.RequestLog;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * precompute-controller:
 * <ul>
 *   <li>{@code {"action":"start"}} (the default; {@code source} or {@code triggered_by} names who asked —
 *       the runbook sends {@code {"source":"post-deploy"}}) starts the workflow;</li>
 *   <li>{@code {"action":"summarize","execution_id",…,"report_results":[…],"pattern_results":[…]}} is the
 *       workflow's last step and returns the run's true counts.</li>
 * </ul>
 */
public final class PrecomputeControllerHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(PrecomputeControllerHandler.class);

    private final PrecomputeController controller;
    private final RunSummarizer summarizer;

    public PrecomputeControllerHandler() {
        this(SchedulerRuntime.instance().precomputeController(), SchedulerRuntime.instance().runSummarizer());
    }

    PrecomputeControllerHandler(PrecomputeController controller, RunSummarizer summarizer) {
        this.controller = controller;
        this.summarizer = summarizer;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        try (RequestLog ignored = RequestLog.begin(context == null ? null : context.getAwsRequestId(),
                context == null ? null : context.getFunctionName())) {
            return handle(event);
        }
    }

    private Map<String, Object> handle(Map<String, Object> event) {
        String action;
        try {
            action = Events.text(event, "action");
        } catch (IllegalArgumentException e) {
            return Events.error(null, e.getMessage());
        }
        String name = action == null ? "start" : action.toLowerCase(Locale.ROOT);
        try {
            return switch (name) {
                case "start" -> start(event);
                case "summarize" -> Events.toMap(summarizer.summarize(Events.text(event, "execution_id"),
                        Events.objects(event, "report_results"), Events.objects(event, "pattern_results")));
                default -> Events.error(null, "unknown action '" + action + "': expected start or summarize");
            };
        } catch (IllegalArgumentException e) {
            return Events.error(null, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("precompute-controller {} failed", name, e);
            return Events.error(null, name + " failed: " + PriceFetchService.describe(e));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> start(Map<String, Object> event) {
        String by = Events.text(event, "triggered_by");
        if (by == null) {
            by = Events.text(event, "source");
        }
        Object summary = event == null ? null : event.get("fetch_summary");
        return controller.start(by == null ? "manual" : by, summary instanceof Map<?, ?> m ? (Map<String, Object>) m : null);
    }
}
