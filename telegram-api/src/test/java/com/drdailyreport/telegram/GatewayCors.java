package com.drdailyreport.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CORS settings of the API Gateway HTTP API as terraform/api_gateway.tf writes them: the
 * attributes of its {@code cors_configuration} block, read from the file (lists of strings, a number,
 * and the expression of {@code allow_origins}).
 */
record GatewayCors(String allowOrigins, List<String> allowMethods, List<String> allowHeaders, List<String> exposeHeaders, int maxAge) {

    static final Path API_GATEWAY_TF = Path.of("../terraform/api_gateway.tf");

    static GatewayCors fromTerraform() {
        String tf;
        try {
            tf = Files.readString(API_GATEWAY_TF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher block = Pattern.compile("cors_configuration\\s*\\{([^}]*)}").matcher(tf);
        if (!block.find()) {
            throw new AssertionError(API_GATEWAY_TF + " has no cors_configuration block");
        }
        String body = block.group(1);
        return new GatewayCors(attribute(body, "allow_origins"), list(body, "allow_methods"), list(body, "allow_headers"),
                list(body, "expose_headers"), Integer.parseInt(attribute(body, "max_age")));
    }

    /** Lower-cased, for comparing header names (case-insensitive in HTTP). */
    static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).sorted().toList();
    }

    private static String attribute(String body, String name) {
        Matcher m = Pattern.compile("(?m)^\\s*" + name + "\\s*=\\s*(.+?)\\s*$").matcher(body);
        if (!m.find()) {
            throw new AssertionError("cors_configuration has no " + name);
        }
        return m.group(1);
    }

    private static List<String> list(String body, String name) {
        String value = attribute(body, name);
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw new AssertionError(name + " is not a literal list: " + value);
        }
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
