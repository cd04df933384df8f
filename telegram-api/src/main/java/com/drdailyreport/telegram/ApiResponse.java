package com.drdailyreport.telegram;

import com.drdailyreport.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response: status, headers, JSON body text (null for none). */
public record ApiResponse(int status, Map<String, String> headers, String body) {

    static ApiResponse json(int status, Object body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new ApiResponse(status, headers, body instanceof String s ? s : Json.write(body));
    }

    static ApiResponse empty(int status) {
        return new ApiResponse(status, new LinkedHashMap<>(), null);
    }

    ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }
}
