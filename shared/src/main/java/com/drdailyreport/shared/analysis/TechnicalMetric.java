package com.drdailyreport.shared.analysis;

/**
 * One entry of {@code technical_metrics}: {@code {name, value, percentile, category, status,
 * explanation, explanation_th}}. {@code value} and {@code percentile} are null when there is not
 * enough history (never NaN).
 *
 * @param category   momentum | trend | volatility | liquidity
 * @param status     bullish | bearish | neutral | elevated_risk
 * @param percentile share of the last year's values at or below today's, 0–100
 */
public record TechnicalMetric(String name, Double value, Double percentile, String category, String status,
                              String explanation, String explanationTh) {

    private static final java.math.MathContext DIGITS = new java.math.MathContext(8);

    /** {@code value} to 8 significant digits (whatever the price scale), or null when not finite. */
    static Double finite(double value) {
        return Double.isFinite(value) ? new java.math.BigDecimal(value).round(DIGITS).doubleValue() : null;
    }
}
