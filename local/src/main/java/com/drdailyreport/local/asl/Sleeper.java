package com.drdailyreport.local.asl;

import java.time.Duration;

/** Waits between retry attempts; tests substitute one that records the delays. */
@FunctionalInterface
public interface Sleeper {

    /** The default: {@link Thread#sleep(Duration)}. */
    Sleeper THREAD_SLEEP = Thread::sleep;

    /** Blocks for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
