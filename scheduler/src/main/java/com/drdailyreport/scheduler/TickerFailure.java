package com.drdailyreport.scheduler;

/** One ticker that failed, and why, in words fit for an operator. */
public record TickerFailure(String ticker, String error) {
}
