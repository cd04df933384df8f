package com.drdailyreport.telegram;

import java.util.List;

/**
 * The API's CORS policy. In AWS its owner is API Gateway: the HTTP API's
 * {@code cors_configuration} (terraform/api_gateway.tf) answers preflights itself and replaces
 * whatever CORS headers the function returns. The function still sends the same headers, for
 * where no gateway stands in front of it ({@code bin/dr-local}, a direct invocation);
 * {@code CorsConfigurationTest} reads the Terraform block and fails when the two differ, and
 * checks that every response header the Mini App reads is exposed.
 */
final class Cors {

    static final List<String> ALLOW_METHODS = List.of("GET", "POST", "DELETE", "OPTIONS");
    static final List<String> ALLOW_HEADERS = List.of("Content-Type", "X-Telegram-Init-Data", "X-Request-Id");
    /** Retry-After: app.js shows when to try again after a 429 or 503. */
    static final List<String> EXPOSE_HEADERS = List.of("X-Request-Id", "Retry-After");
    static final int MAX_AGE_SECONDS = 600;

    private Cors() {
    }

    /** {@code response} with the CORS headers for a request from {@code origin} (null: not a cross-origin request). */
    static ApiResponse apply(String origin, boolean preflight, List<String> allowedOrigins, ApiResponse response) {
        ApiResponse out = response.withHeader("Vary", "Origin");
        if (origin != null && allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin) || o.equals("*"))) {
            out = out.withHeader("Access-Control-Allow-Origin", origin)
                    .withHeader("Access-Control-Expose-Headers", String.join(", ", EXPOSE_HEADERS));
            if (preflight) {
                out = out.withHeader("Access-Control-Allow-Methods", String.join(", ", ALLOW_METHODS))
                        .withHeader("Access-Control-Allow-Headers", String.join(", ", ALLOW_HEADERS))
                        .withHeader("Access-Control-Max-Age", Integer.toString(MAX_AGE_SECONDS));
            }
        }
        return out;
    }
}
