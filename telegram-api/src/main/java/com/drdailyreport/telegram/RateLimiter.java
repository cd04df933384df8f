package com.drdailyreport.telegram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets per (route group, client), held in this container: each client may burst up to
 * the group's per-minute allowance and refills at that rate. Per container, so approximate across
 * a fleet — API Gateway's own throttling bounds the total. Least recently used buckets are evicted
 * beyond 10,000 clients.
 */
final class RateLimiter {

    private static final int MAX_CLIENTS = 10_000;

    private final Map<String, Integer> perMinute;
    private final LongSupplier nanoClock;
    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    /** @param perMinute requests per minute allowed per client, by route group */
    RateLimiter(Map<String, Integer> perMinute, LongSupplier nanoClock) {
        this.perMinute = Map.copyOf(perMinute);
        this.nanoClock = nanoClock;
    }

    /**
     * Takes a token for {@code client} in {@code group}.
     *
     * @return 0 when allowed, otherwise the seconds until a token is available
     */
    synchronized long acquire(String group, String client) {
        Integer limit = perMinute.get(group);
        if (limit == null) {
            return 0;
        }
        double ratePerNano = limit / 60e9;
        long now = nanoClock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(group + "|" + client, k -> new Bucket(limit, now));
        bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.updated) * ratePerNano);
        bucket.updated = now;
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket.tokens) / ratePerNano / 1e9);
    }
}
