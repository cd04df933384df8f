package com.drdailyreport.shared.market;

/**
 * What a price source says about an instrument; any field may be null when the source does not
 * know it.
 *
 * @param companyName long name ("NVIDIA Corporation")
 * @param exchange    the exchange's name as the source gives it ("NasdaqGS", "SES")
 * @param currency    trading currency ("USD", "SGD")
 * @param quoteType   equity, etf or fund
 * @param timeZone    the exchange's IANA time zone ("America/New_York"), in which bar dates are given
 */
public record InstrumentMetadata(String companyName, String exchange, String currency, String quoteType, String timeZone) {

    public static final InstrumentMetadata UNKNOWN = new InstrumentMetadata(null, null, null, null, null);
}
