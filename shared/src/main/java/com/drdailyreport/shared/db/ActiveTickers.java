package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.TickerRegistry;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The active tickers of {@code ticker_master}, read at most every five minutes and resolved in
 * memory: a request waits on the registry only right after a container starts, and a ticker added
 * to the universe reaches every surface without a redeploy (the universe is never baked into the
 * build). Thread-safe.
 */
public final class ActiveTickers {

    static final long REFRESH_NANOS = Duration.ofMinutes(5).toNanos();

    private final TickerRepository repository;
    private final LongSupplier nanoClock;
    private volatile TickerRegistry registry;
    private volatile long loadedAt;

    public ActiveTickers(TickerRepository repository, LongSupplier nanoClock) {
        this.repository = repository;
        this.nanoClock = nanoClock;
    }

    /**
     * The current registry.
     *
     * @throws DatabaseUnavailableException when it must be (re)loaded and the database does not answer
     */
    public TickerRegistry registry() {
        TickerRegistry current = registry;
        if (current == null || nanoClock.getAsLong() - loadedAt > REFRESH_NANOS) {
            synchronized (this) {
                if (registry == null || nanoClock.getAsLong() - loadedAt > REFRESH_NANOS) {
                    registry = new TickerRegistry(repository.findActive());
                    loadedAt = nanoClock.getAsLong();
                }
                current = registry;
            }
        }
        return current;
    }
}
