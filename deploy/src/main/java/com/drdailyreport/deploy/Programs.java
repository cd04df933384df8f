package com.drdailyreport.deploy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** External programs the tool runs (terraform, doppler). */
final class Programs {

    private Programs() {
    }

    /**
     * A program on the PATH of {@code env} (not the JVM's: the tool may run with another
     * environment than its own, and ProcessBuilder would search the JVM's PATH), or null.
     */
    static Path onPath(String program, Map<String, String> env) {
        for (String d : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isBlank() && Files.isExecutable(Path.of(d, program))) {
                return Path.of(d, program);
            }
        }
        return null;
    }
}
