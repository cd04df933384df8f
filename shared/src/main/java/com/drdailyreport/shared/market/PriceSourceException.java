package com.drdailyreport.shared.market;

/**
 * No usable bars for a symbol. The message says why in words fit for a worker's {@code error}
 * field ("Yahoo returned HTTP 404 for ZZZ", "no bars with a close price"); {@link #retryable()}
 * tells whether trying again later may help (rate limiting, 5xx, timeouts) or not (unknown
 * symbol, malformed data).
 */
public final class PriceSourceException extends RuntimeException {

    private final boolean retryable;

    public PriceSourceException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public PriceSourceException(String message, boolean retryable) {
        this(message, retryable, null);
    }

    public boolean retryable() {
        return retryable;
    }
}
