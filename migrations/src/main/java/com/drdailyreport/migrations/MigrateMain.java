package com.drdailyreport.migrations;

import java.io.PrintStream;
import java.util.Map;

/**
 * Command line: {@code migrate} (default), {@code info} or {@code validate} against the database
 * named by DB_URL / DB_USER / DB_PASSWORD. Exit code 0 on success, 1 on failure, 2 on bad usage.
 */
public final class MigrateMain {

    private MigrateMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String action = args.length == 0 ? "migrate" : args[0];
        if (args.length > 1 || !(action.equals("migrate") || action.equals("info") || action.equals("validate"))) {
            err.println("usage: MigrateMain [migrate|info|validate]   (database from DB_URL, DB_USER, DB_PASSWORD)");
            return 2;
        }
        try {
            DatabaseEnvironment db = DatabaseEnvironment.read(env);
            Migrator migrator = Migrator.forUrl(db.url(), db.user(), db.password());
            MigrationReport report = switch (action) {
                case "info" -> migrator.info();
                case "validate" -> migrator.validate();
                default -> migrator.migrate();
            };
            print(report, out);
            return 0;
        } catch (RuntimeException e) {
            err.println(action + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static void print(MigrationReport report, PrintStream out) {
        out.printf("%s: schema at version %s%n", report.action(), report.currentVersion() == null ? "(empty)" : report.currentVersion());
        String appliedLabel = report.action().equals("migrate") ? "applied now" : "applied";
        out.printf("%s: %d%n", appliedLabel, report.applied().size());
        report.applied().forEach(m -> out.printf("  %-6s %s%n", m.version() == null ? "R" : m.version(), m.description()));
        out.printf("pending: %d%n", report.pending().size());
        report.pending().forEach(m -> out.printf("  %-6s %s%n", m.version() == null ? "R" : m.version(), m.description()));
    }
}
