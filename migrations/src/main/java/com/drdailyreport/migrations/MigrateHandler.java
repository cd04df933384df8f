package com.drdailyreport.migrations;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code schema-migrator} Lambda: {@code {"action":"migrate"|"info"|"validate"}} (migrate when
 * absent) → {@code {status, action, current_version, applied:[…], pending:[…]}}; a bad action or a
 * failed migration → {@code {status:"error", error}}. The deploy tool invokes it synchronously
 * before any function runs new code.
 */
public final class MigrateHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final Logger LOG = LoggerFactory.getLogger(MigrateHandler.class);

    private final Supplier<Migrator> migrator;

    /** Production wiring: DB_URL, DB_USER, DB_PASSWORD from the environment, read once. */
    public MigrateHandler() {
        this(lazy(() -> {
            DatabaseEnvironment db = DatabaseEnvironment.read(System.getenv());
            return Migrator.forUrl(db.url(), db.user(), db.password());
        }));
    }

    MigrateHandler(Supplier<Migrator> migrator) {
        this.migrator = migrator;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Object action = input == null ? null : input.get("action");
        String name = action == null ? "migrate" : action.toString().trim().toLowerCase(java.util.Locale.ROOT);
        try {
            MigrationReport report = switch (name) {
                case "migrate" -> migrator.get().migrate();
                case "info" -> migrator.get().info();
                case "validate" -> migrator.get().validate();
                default -> null;
            };
            if (report == null) {
                return error(name, "unknown action '" + action + "': expected one of migrate, info, validate");
            }
            LOG.info("schema {}: version {}, {} applied", name, report.currentVersion(), report.applied().size());
            return report.toResult();
        } catch (RuntimeException e) {
            LOG.error("schema {} failed", name, e);
            return error(name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Map<String, Object> error(String action, String message) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "error");
        result.put("action", action);
        result.put("error", message);
        return result;
    }

    private static Supplier<Migrator> lazy(Supplier<Migrator> factory) {
        return new Supplier<>() {
            private Migrator value;

            @Override
            public synchronized Migrator get() {
                if (value == null) {
                    value = factory.get();
                }
                return value;
            }
        };
    }
}
