package com.drdailyreport.shared.domain;

/**
 * One instrument of the DR universe: the depositary receipt traded on the SET ({@code NVDA19})
 * and the underlying it tracks, known to Yahoo as {@code NVDA}.
 *
 * @param id          ticker_master.id
 * @param drSymbol    the DR symbol, the key users and stored rows use
 * @param yahooSymbol the underlying's Yahoo Finance symbol, used to fetch prices
 * @param companyName may be null until the price source's metadata fills it
 * @param exchange    the underlying's exchange (SGX, HKEX, TSE, HOSE, TWSE, or a US venue)
 * @param currency    the underlying's trading currency
 * @param quoteType   equity, etf or fund
 */
public record Ticker(int id, String drSymbol, String yahooSymbol, String companyName, String exchange,
                     String currency, String sector, String quoteType, boolean active) {

    public Ticker {
        if (id <= 0) {
            throw new InvalidValueException("ticker_id", "must be a positive id, was " + id);
        }
        drSymbol = Checks.symbol("dr_symbol", drSymbol);
        yahooSymbol = Checks.symbol("yahoo_symbol", yahooSymbol);
        quoteType = quoteType == null ? "equity" : quoteType;
    }

    /** The company name, or the DR symbol while no name is known. */
    public String displayName() {
        return companyName == null || companyName.isBlank() ? drSymbol : companyName;
    }
}
