package com.drdailyreport.shared.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The answer of a request-serving handler before its function times out: the work runs on its own
 * thread and the handler waits for it until {@link #MARGIN} before the invocation's deadline (the
 * Lambda {@link Context}'s remaining time; {@link #WITHOUT_CONTEXT} when there is none). When the
 * work has not finished by then — a database that stopped answering, a driver blocked closing a
 * dead connection — the handler answers with the fallback (a 503 envelope) instead of being killed
 * by Lambda with no answer at all. The abandoned work is interrupted and ends on its own (its
 * socket timeout); its result is discarded.
 */
public final class RequestDeadline {

    /** Kept free before the function's deadline: to write the fallback answer and return it. */
    public static final Duration MARGIN = Duration.ofMillis(1_000);
    /** The budget when the caller passes no context. */
    public static final Duration WITHOUT_CONTEXT = Duration.ofSeconds(28);

    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor;

    /** @param name names the work threads, e.g. {@code telegram-api} */
    public RequestDeadline(String name) {
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-request-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** How long the work of an invocation may take: its remaining time less the margin (at least 100 ms). */
    public static Duration budget(Context context) {
        Duration remaining = context == null ? WITHOUT_CONTEXT.plus(MARGIN) : Duration.ofMillis(context.getRemainingTimeInMillis());
        Duration budget = remaining.minus(MARGIN);
        return budget.compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100) : budget;
    }

    /**
     * {@code work}'s result, or {@code fallback}'s when {@code work} has not finished within
     * {@link #budget(Context)}. An exception thrown by {@code work} is thrown here.
     */
    public <T> T call(Context context, Supplier<T> work, Supplier<T> fallback) {
        Duration budget = budget(context);
        java.util.Map<String, String> logContext = MDC.getCopyOfContextMap();
        Future<T> future = executor.submit(() -> {
            if (logContext != null) {
                MDC.setContextMap(logContext);
            }
            try {
                return work.get();
            } finally {
                MDC.clear();
            }
        });
        try {
            return future.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            LOG.error("request_deadline: no answer within {} ms ({} ms before the function's deadline); answering the fallback",
                    budget.toMillis(), MARGIN.toMillis());
            return fallback.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return fallback.get();
        }
    }
}
