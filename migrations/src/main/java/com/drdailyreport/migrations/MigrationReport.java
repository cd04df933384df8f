package com.drdailyreport.migrations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Migrator} action found or did.
 *
 * @param action         migrate, info or validate
 * @param currentVersion the schema version after the action ("020"), or null for an empty schema
 * @param applied        for migrate: the migrations this call applied; for info and validate: every applied migration
 * @param pending        migrations known to the code but not yet applied to the database
 */
public record MigrationReport(String action, String currentVersion, List<Migration> applied, List<Migration> pending) {

    public MigrationReport {
        applied = List.copyOf(applied);
        pending = List.copyOf(pending);
    }

    /** One migration: version (null for a repeatable one), description, type (SQL, JDBC), the script or class. */
    public record Migration(String version, String description, String type, String script) {
        Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("version", version);
            map.put("description", description);
            map.put("type", type);
            map.put("script", script);
            return map;
        }
    }

    /** The schema-migrator's success result: {status, action, current_version, applied, pending}. */
    public Map<String, Object> toResult() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "success");
        result.put("action", action);
        result.put("current_version", currentVersion);
        result.put("applied", applied.stream().map(Migration::toMap).toList());
        result.put("pending", pending.stream().map(Migration::toMap).toList());
        return result;
    }
}
