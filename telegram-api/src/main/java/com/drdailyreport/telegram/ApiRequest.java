package com.drdailyreport.telegram;

import java.util.Map;

/**
 * An HTTP request as the router sees it: method upper-case, path without trailing slash, the
 * first value of each query parameter, header names lower-case, the body already base64-decoded.
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, String body,
                         String sourceIp, String requestId) {

    public ApiRequest {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
}
