package com.drdailyreport.shared.config;

import java.util.List;

/** The environment lacks required settings or has invalid ones; names every one of them. */
public final class ConfigurationException extends RuntimeException {

    private final List<String> problems;

    ConfigurationException(List<String> problems) {
        super("configuration invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
