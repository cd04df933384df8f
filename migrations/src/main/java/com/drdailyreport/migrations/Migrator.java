package com.drdailyreport.migrations;

import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;

/**
 * The schema of DR Daily Report: the Flyway migrations under {@code db/migration} plus the
 * ticker-universe seed, applied to one database. Used by the schema-migrator Lambda, by the
 * command line, by {@code local} and by the test database fixture.
 */
public final class Migrator {

    /** Where the versioned SQL migrations live on the classpath. */
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;

    private Migrator(FluentConfiguration configuration, TickerUniverseSeed seed) {
        this.flyway = configuration
                .locations(LOCATION)
                .javaMigrations(seed)
                .cleanDisabled(true)
                .validateMigrationNaming(true)
                .failOnMissingLocations(true)
                .load();
    }

    /** A migrator over an existing data source (a pool, or the test fixture's database). */
    public static Migrator forDataSource(DataSource dataSource) {
        return forDataSource(dataSource, new TickerUniverseSeed());
    }

    /** A migrator seeding a different universe file (tests of the seed's behaviour when the list changes). */
    static Migrator forDataSource(DataSource dataSource, TickerUniverseSeed seed) {
        return new Migrator(Flyway.configure(Migrator.class.getClassLoader()).dataSource(dataSource), seed);
    }

    /** A migrator that opens its own connections to {@code url}; for one-shot use (Lambda, CLI). */
    public static Migrator forUrl(String url, String user, String password) {
        return new Migrator(Flyway.configure(Migrator.class.getClassLoader()).dataSource(url, user, password),
                new TickerUniverseSeed());
    }

    /** Applies every pending migration; running it again on an up-to-date schema applies nothing. */
    public MigrationReport migrate() {
        MigrateResult result = flyway.migrate();
        List<MigrationReport.Migration> applied = result.migrations.stream().map(Migrator::toMigration).toList();
        MigrationInfoService info = flyway.info();
        return new MigrationReport("migrate", currentVersion(info), applied, pending(info));
    }

    /** Reports the applied and pending migrations without changing anything. */
    public MigrationReport info() {
        MigrationInfoService info = flyway.info();
        return new MigrationReport("info", currentVersion(info), applied(info), pending(info));
    }

    /**
     * Checks that the applied migrations match the code (checksums, no pending or missing ones).
     *
     * @throws SchemaValidationException naming every mismatch
     */
    public MigrationReport validate() {
        ValidateResult result = flyway.validateWithResult();
        if (!result.validationSuccessful) {
            String details = result.invalidMigrations == null ? "" : result.invalidMigrations.stream()
                    .map(m -> (m.version == null || m.version.isEmpty() ? "repeatable '" + m.description + "'" : "version " + m.version)
                            + ": " + m.errorDetails.errorMessage)
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
            throw new SchemaValidationException("schema validation failed: " + details);
        }
        MigrationInfoService info = flyway.info();
        return new MigrationReport("validate", currentVersion(info), applied(info), pending(info));
    }

    private static String currentVersion(MigrationInfoService info) {
        MigrationInfo current = info.current();
        if (current == null || current.getVersion() == null) {
            // Only repeatable migrations applied (or nothing): report the latest versioned one applied.
            return Arrays.stream(info.applied())
                    .filter(m -> m.getVersion() != null)
                    .reduce((first, second) -> second)
                    .map(m -> m.getVersion().getVersion())
                    .orElse(null);
        }
        return current.getVersion().getVersion();
    }

    private static List<MigrationReport.Migration> applied(MigrationInfoService info) {
        return Arrays.stream(info.applied()).map(Migrator::toMigration).toList();
    }

    private static List<MigrationReport.Migration> pending(MigrationInfoService info) {
        return Arrays.stream(info.pending()).map(Migrator::toMigration).toList();
    }

    private static MigrationReport.Migration toMigration(MigrationInfo m) {
        return new MigrationReport.Migration(
                m.getVersion() == null ? null : m.getVersion().getVersion(),
                m.getDescription(), m.getType().name(), m.getScript());
    }

    private static MigrationReport.Migration toMigration(MigrateOutput m) {
        return new MigrationReport.Migration(
                m.version == null || m.version.isEmpty() ? null : m.version, m.description, m.type, m.filepath);
    }
}
