package com.drdailyreport.shared.analysis;

/**
 * One entry of {@code technical_metrics}: {@code {name, value, percentile, percentile_window,
 * category, status, explanation, explanation_th, reason, reason_th}}. {@code value} and
 * {@code percentile} are null (never NaN) when they cannot be given, and {@code reason} then says
 * why ("needs 42 bars, has 21", "no price change in the last 14 bars: RSI is undefined",
 * "percentile needs 60 daily values, has 9").
 *
 * @param category         momentum | trend | volatility | liquidity
 * @param status           bullish | bearish | neutral | elevated_risk
 * @param percentile       percentile rank of today's value among the last year's daily values, 0–100,
 *                         ties counted half; only from at least 60 values
 * @param percentileWindow how many daily values that was (up to 252); null without a percentile
 * @param reason           why value or percentile is null; null when both are given
 */
public record TechnicalMetric(String name, Double value, Double percentile, Integer percentileWindow, String category,
                              String status, String explanation, String explanationTh, String reason, String reasonTh) {

    private static final java.math.MathContext DIGITS = new java.math.MathContext(8);

    /** {@code value} to 8 significant digits (whatever the price scale), or null when not finite. */
    static Double finite(double value) {
        return Double.isFinite(value) ? new java.math.BigDecimal(value).round(DIGITS).doubleValue() : null;
    }
}
