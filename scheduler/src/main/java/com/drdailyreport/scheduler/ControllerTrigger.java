package com.drdailyreport.scheduler;

/** Asks precompute-controller to start a run (asynchronously), as ticker-scheduler does after a fetch. */
public interface ControllerTrigger {

    /** @throws RuntimeException when the request could not be delivered */
    void trigger(String payloadJson);
}
