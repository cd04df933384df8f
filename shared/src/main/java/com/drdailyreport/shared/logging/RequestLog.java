package com.drdailyreport.shared.logging;

import org.slf4j.MDC;

/**
 * Tags every log line written while a request is handled with its id and the function's name
 * (the JSON log encoder writes them under {@code mdc}). Use in try-with-resources at the top of
 * {@code handleRequest}; the tags are removed when it closes.
 */
public final class RequestLog implements AutoCloseable {

    public static final String REQUEST_ID = "request_id";
    public static final String FUNCTION = "function";

    private RequestLog(String requestId, String function) {
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId);
        }
        if (function != null) {
            MDC.put(FUNCTION, function);
        }
    }

    public static RequestLog begin(String requestId, String function) {
        return new RequestLog(requestId, function);
    }

    @Override
    public void close() {
        MDC.remove(REQUEST_ID);
        MDC.remove(FUNCTION);
    }
}
