package com.drdailyreport.shared.market;

import com.drdailyreport.shared.domain.PriceHistory;

/** Bars plus instrument metadata, as one source returned them. */
public record PriceData(PriceHistory history, InstrumentMetadata metadata) {
}
