package com.drdailyreport.deploy;

import java.io.PrintStream;

/** Progress as it happens: to stdout for people, to stderr with {@code --json} (stdout then carries only the result). */
final class Console {

    private final PrintStream out;

    Console(PrintStream out) {
        this.out = out;
    }

    void phase(String name) {
        out.println();
        out.println("== " + name);
        out.flush();
    }

    void line(String text) {
        out.println("   " + text);
        out.flush();
    }
}
