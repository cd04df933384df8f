package com.drdailyreport.shared.domain;

import java.time.Instant;

/** One ticker on a user's watchlist. */
public record WatchlistItem(String userId, String ticker, String companyName, Instant addedAt) {
}
