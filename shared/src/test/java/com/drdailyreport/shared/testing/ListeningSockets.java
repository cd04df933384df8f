package com.drdailyreport.shared.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The addresses a TCP port is listening on, as the Linux kernel lists them in
 * {@code /proc/net/tcp} and {@code /proc/net/tcp6} (what {@code ss -ltn} shows): {@code 127.0.0.1}
 * for a server bound to loopback, {@code 0.0.0.0} or {@code ::} for one reachable on every interface.
 */
public final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /** Whether the kernel's socket tables can be read here (Linux). */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/net/tcp"));
    }

    /** Every local address with a socket in LISTEN state on {@code port} (IPv4 and IPv6). */
    public static List<InetAddress> addressesListeningOn(int port) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String line : lines.subList(1, lines.size())) {
                // "  sl  local_address rem_address   st ..." with local_address = HEXADDR:HEXPORT
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 4 || !fields[3].equals(LISTEN)) {
                    continue;
                }
                String[] local = fields[1].split(":");
                if (Integer.parseInt(local[1], 16) == port) {
                    addresses.add(address(local[0]));
                }
            }
        }
        return addresses;
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) order. */
    private static InetAddress address(String hex) {
        byte[] raw = HexFormat.of().parseHex(hex);
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte b = raw[word + i];
                raw[word + i] = raw[word + 3 - i];
                raw[word + 3 - i] = b;
            }
        }
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
