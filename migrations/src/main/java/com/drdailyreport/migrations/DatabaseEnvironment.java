package com.drdailyreport.migrations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DB_URL, DB_USER and DB_PASSWORD as the migrator reads them (this module sits below {@code shared}
 * and cannot use its configuration classes). DB_PASSWORD may be empty; the others are required.
 */
record DatabaseEnvironment(String url, String user, String password) {

    static DatabaseEnvironment read(Map<String, String> env) {
        List<String> missing = new ArrayList<>();
        String url = env.get("DB_URL");
        String user = env.get("DB_USER");
        if (url == null || url.isBlank()) {
            missing.add("DB_URL");
        }
        if (user == null || user.isBlank()) {
            missing.add("DB_USER");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("missing environment variables: " + String.join(", ", missing));
        }
        String password = env.get("DB_PASSWORD");
        return new DatabaseEnvironment(url.trim(), user.trim(), password == null ? "" : password);
    }
}
