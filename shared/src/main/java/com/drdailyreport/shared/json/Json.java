package com.drdailyreport.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonGeneratorDecorator;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one configured {@link ObjectMapper}: snake_case keys, ISO-8601 dates ({@code "2026-01-10"},
 * instants as {@code "2026-01-10T05:00:00Z"}), unknown properties ignored on input, NaN and
 * Infinity rejected on input and written as {@code null} on output — on every path, including
 * {@link JsonNode} trees, because the generator itself refuses to write them.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder(
                    JsonFactory.builder().addDecorator(new NonFiniteAsNull()).build())
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }

    /** The shared mapper; thread-safe, never reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** {@code value} as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code value} as a JSON tree (NaN already turned into null). */
    public static JsonNode tree(Object value) {
        return read(write(value));
    }

    /**
     * Parses JSON text.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses JSON text into {@code type}.
     *
     * @throws IllegalArgumentException when the text is not JSON of that shape
     */
    public static <T> T read(String text, Class<T> type) {
        try {
            return MAPPER.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON for " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Wraps every generator so that NaN and ±Infinity become null whichever serializer writes them. */
    private static final class NonFiniteAsNull implements JsonGeneratorDecorator {
        @Override
        public JsonGenerator decorate(JsonFactory factory, JsonGenerator generator) {
            return new JsonGeneratorDelegate(generator, true) {
                @Override
                public void writeNumber(double v) throws IOException {
                    if (Double.isFinite(v)) {
                        super.writeNumber(v);
                    } else {
                        super.writeNull();
                    }
                }

                @Override
                public void writeNumber(float v) throws IOException {
                    if (Float.isFinite(v)) {
                        super.writeNumber(v);
                    } else {
                        super.writeNull();
                    }
                }

                @Override
                public void writeNumber(String encodedValue) throws IOException {
                    if (encodedValue != null && (encodedValue.contains("NaN") || encodedValue.contains("Infinity"))) {
                        super.writeNull();
                    } else {
                        super.writeNumber(encodedValue);
                    }
                }
            };
        }
    }

}
