package com.drdailyreport.scheduler;

import com.drdailyreport.shared.db.DatabaseUnavailableException;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Retries an operation when the database is momentarily unavailable (too many connections,
 * network, pool timeout — the fan-out failures of the earlier system), with exponential backoff
 * and full jitter so that workers started together do not retry together. Anything else is
 * rethrown at once.
 */
final class DatabaseRetry {

    /** How to wait; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final int attempts;
    private final long baseMillis;
    private final RandomGenerator random;
    private final Sleeper sleeper;

    DatabaseRetry(int attempts, long baseMillis, RandomGenerator random, Sleeper sleeper) {
        this.attempts = attempts;
        this.baseMillis = baseMillis;
        this.random = random;
        this.sleeper = sleeper;
    }

    static DatabaseRetry standard() {
        return new DatabaseRetry(4, 200, RandomGenerator.getDefault(), Thread::sleep);
    }

    <T> T call(Supplier<T> operation) {
        for (int attempt = 1; ; attempt++) {
            try {
                return operation.get();
            } catch (DatabaseUnavailableException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                long ceiling = baseMillis << (attempt - 1);
                try {
                    sleeper.sleep(random.nextLong(ceiling + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    void run(Runnable operation) {
        call(() -> {
            operation.run();
            return null;
        });
    }
}
