package com.drdailyreport.telegram;

/** The API's version, reported by {@code GET /api/v1/health}. */
final class Version {

    static final String NUMBER = "1.0.0";

    private Version() {
    }
}
