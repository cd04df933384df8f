package com.drdailyreport.telegram;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure meant for the client, rendered as the one error envelope
 * {@code {"error":{"code","message","details"}}} with its HTTP status.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;

    public ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = details == null ? Map.of() : new LinkedHashMap<>(details);
    }

    public ApiException(int status, String code, String message) {
        this(status, code, message, null);
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, "INVALID_REQUEST", message, Map.of("field", field));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The envelope body. */
    Map<String, Object> envelope() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", getMessage());
        error.put("details", details);
        return Map.of("error", error);
    }
}
