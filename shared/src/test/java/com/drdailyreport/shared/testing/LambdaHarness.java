package com.drdailyreport.shared.testing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.lambda.InvocationContext;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Invokes a handler the way the Lambda Java runtime does: the event JSON is deserialized with
 * the runtime's own serializers ({@link LambdaEventSerializers} for AWS event classes, the
 * runtime's {@link JacksonFactory} for anything else), {@code handleRequest} runs, and the
 * result is serialized back to JSON with the same machinery. The {@link Context} is a small
 * in-process stand-in: only a real runtime can supply one (the image smoke test does).
 */
public final class LambdaHarness {

    private LambdaHarness() {
    }

    /** The response JSON text for {@code eventJson}. */
    public static String invoke(RequestHandler<?, ?> handler, String eventJson) {
        return invoke(handler, eventJson, context(handler.getClass().getSimpleName()));
    }

    /** The response JSON text for {@code eventJson}, invoked with {@code context} (e.g. a function timeout of its own). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String invoke(RequestHandler<?, ?> handler, String eventJson, Context context) {
        Type[] types = handlerTypes(handler.getClass());
        PojoSerializer in = serializer(types[0], handler.getClass().getClassLoader());
        Object event = in.fromJson(eventJson);
        Object result = ((RequestHandler) handler).handleRequest(event, context);
        if (result == null) {
            return "null";
        }
        PojoSerializer out = serializer(types[1], handler.getClass().getClassLoader());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        out.toJson(result, bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The response as a JSON tree. */
    public static JsonNode invokeJson(RequestHandler<?, ?> handler, String eventJson) {
        return Json.read(invoke(handler, eventJson));
    }

    /** A fixture file from the test classpath, e.g. {@code events/scheduler/report-worker.json}. */
    public static String fixture(String path) {
        try (InputStream in = LambdaHarness.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static PojoSerializer serializer(Type type, ClassLoader loader) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
            return LambdaEventSerializers.serializerFor(raw, loader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private static Type[] handlerTypes(Class<?> handlerClass) {
        for (Class<?> c = handlerClass; c != null; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == RequestHandler.class) {
                    return p.getActualTypeArguments();
                }
            }
        }
        throw new IllegalArgumentException(handlerClass + " does not implement RequestHandler<I, O>");
    }

    /** An invocation context: request id, function name, 30 s remaining, 512 MB. */
    public static Context context(String functionName) {
        return new InvocationContext(functionName, Duration.ofSeconds(30), 512);
    }
}
