package com.drdailyreport.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code deploy/functions.json} as the image tests need it: each function's module, handler and smoke event. */
record FunctionManifest(List<Function> functions) {

    record Function(String name, String module, String handler, String trigger, JsonNode smokeEvent) {
        /** Called through API Gateway: answers with an HTTP API v2 response. */
        boolean apiGateway() {
            return trigger.startsWith("api-gateway");
        }

        String handlerClass() {
            int sep = handler.indexOf("::");
            return sep < 0 ? handler : handler.substring(0, sep);
        }
    }

    static FunctionManifest read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Function> functions = new ArrayList<>();
        for (JsonNode f : root.path("functions")) {
            functions.add(new Function(text(f, "name"), text(f, "module"), text(f, "handler"), text(f, "trigger"), f.path("smoke_event")));
        }
        if (functions.isEmpty()) {
            throw new IOException(file + " lists no functions");
        }
        return new FunctionManifest(List.copyOf(functions));
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IOException("a function in the manifest has no " + field + ": " + node);
        }
        return value.asText();
    }

    List<String> handlers() {
        return functions.stream().map(Function::handler).toList();
    }
}
