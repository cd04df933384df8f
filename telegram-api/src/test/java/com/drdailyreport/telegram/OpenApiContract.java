package com.drdailyreport.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Checks real responses against telegram-api/openapi.yaml: the operation must declare the status, and the body must match its schema. */
final class OpenApiContract {

    private static final JsonNode SPEC;
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static {
        try {
            SPEC = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi.yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private OpenApiContract() {
    }

    static JsonNode spec() {
        return SPEC;
    }

    /**
     * @param pathTemplate e.g. {@code /api/v1/report/{ticker}}
     */
    static void check(String method, String pathTemplate, int status, JsonNode body) {
        JsonNode operation = SPEC.path("paths").path(pathTemplate).path(method.toLowerCase(Locale.ROOT));
        assertThat(operation.isObject()).as("openapi.yaml documents " + method + " " + pathTemplate).isTrue();
        JsonNode response = operation.path("responses").path(Integer.toString(status));
        assertThat(response.isObject()).as("openapi.yaml documents " + status + " for " + method + " " + pathTemplate).isTrue();
        String pointer;
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1) + "/content/application~1json/schema";
        } else {
            pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                    + "/content/application~1json/schema";
        }
        ObjectNode schema = SPEC.deepCopy();
        schema.put("$ref", "#" + pointer);
        List<Error> errors = REGISTRY.getSchema(schema).validate(body);
        assertThat(errors).as(method + " " + pathTemplate + " " + status + " body " + abbreviate(body.toString())).isEmpty();
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
