package com.drdailyreport.shared.analysis;

import static com.drdailyreport.shared.analysis.TechnicalMetric.finite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the indicators say, in the report's vocabulary: the {@code technical_metrics} entries, the
 * stance with the votes behind it, and the risk block.
 *
 * <p>Stance rules (each vote is +1 bullish or −1 bearish; a vote whose indicator has too little
 * history is not cast):
 * <ol>
 *   <li>close above / below SMA 50;</li>
 *   <li>SMA 50 above / below SMA 200;</li>
 *   <li>MACD above / below its signal line;</li>
 *   <li>RSI 14 above 55 / below 45 (between: no vote);</li>
 *   <li>one-month (21-bar) return positive / negative.</li>
 * </ol>
 * Bullish when the sum is ≥ +2, bearish when ≤ −2, neutral otherwise.
 *
 * <p>Risk level from 30-day annualised volatility: low below 25 %, medium to 50 %, high above;
 * one level up when the year's maximum drawdown is worse than −30 %.
 */
final class TechnicalAssessment {

    final TechnicalIndicators ind;
    final List<TechnicalMetric> metrics;
    final Stance stance;
    final int stanceScore;
    final int votes;
    final List<String> reasons;
    final List<String> reasonsTh;
    final String riskLevel;

    TechnicalAssessment(TechnicalIndicators indicators) {
        this.ind = indicators;
        int last = ind.last();
        this.metrics = metrics(last);

        int score = 0;
        int cast = 0;
        List<String> why = new ArrayList<>();
        List<String> whyTh = new ArrayList<>();
        double close = ind.close[last];
        if (Double.isFinite(ind.sma50[last])) {
            int v = close >= ind.sma50[last] ? 1 : -1;
            score += v;
            cast++;
            why.add(v > 0 ? "price above its 50-day average" : "price below its 50-day average");
            whyTh.add(v > 0 ? "ราคาอยู่เหนือเส้นค่าเฉลี่ย 50 วัน" : "ราคาอยู่ใต้เส้นค่าเฉลี่ย 50 วัน");
        }
        if (Double.isFinite(ind.sma50[last]) && Double.isFinite(ind.sma200[last])) {
            int v = ind.sma50[last] >= ind.sma200[last] ? 1 : -1;
            score += v;
            cast++;
            why.add(v > 0 ? "50-day average above the 200-day" : "50-day average below the 200-day");
            whyTh.add(v > 0 ? "เส้นค่าเฉลี่ย 50 วันอยู่เหนือเส้น 200 วัน" : "เส้นค่าเฉลี่ย 50 วันอยู่ใต้เส้น 200 วัน");
        }
        if (Double.isFinite(ind.macdHistogram[last])) {
            int v = ind.macdHistogram[last] >= 0 ? 1 : -1;
            score += v;
            cast++;
            why.add(v > 0 ? "MACD above its signal line" : "MACD below its signal line");
            whyTh.add(v > 0 ? "MACD อยู่เหนือเส้นสัญญาณ" : "MACD อยู่ใต้เส้นสัญญาณ");
        }
        double rsi = ind.rsi14[last];
        if (Double.isFinite(rsi) && (rsi > 55 || rsi < 45)) {
            int v = rsi > 55 ? 1 : -1;
            score += v;
            cast++;
            why.add(String.format(Locale.ROOT, "RSI %.0f", rsi));
            whyTh.add(String.format(Locale.ROOT, "RSI %.0f", rsi));
        }
        double month = ind.returnPercent(21);
        if (Double.isFinite(month) && month != 0) {
            int v = month > 0 ? 1 : -1;
            score += v;
            cast++;
            why.add(String.format(Locale.ROOT, "%+.1f%% over one month", month));
            whyTh.add(String.format(Locale.ROOT, "%+.1f%% ในหนึ่งเดือน", month));
        }
        this.stanceScore = score;
        this.votes = cast;
        this.stance = score >= 2 ? Stance.BULLISH : score <= -2 ? Stance.BEARISH : Stance.NEUTRAL;
        this.reasons = List.copyOf(why);
        this.reasonsTh = List.copyOf(whyTh);

        double vol = ind.volatility30[last];
        int level = !Double.isFinite(vol) ? 1 : vol < 25 ? 0 : vol <= 50 ? 1 : 2;
        if (ind.maxDrawdownPercent(TechnicalIndicators.TRADING_DAYS_PER_YEAR) < -30) {
            level = Math.min(2, level + 1);
        }
        this.riskLevel = switch (level) {
            case 0 -> "low";
            case 1 -> "medium";
            default -> "high";
        };
    }

    /** Stance confidence: high when at least 4 votes agree, medium at 3, low otherwise. */
    String stanceConfidence() {
        int agreeing = Math.abs(stanceScore);
        return agreeing >= 4 ? "high" : agreeing >= 3 ? "medium" : "low";
    }

    private List<TechnicalMetric> metrics(int last) {
        List<TechnicalMetric> list = new ArrayList<>();
        double close = ind.close[last];

        double rsi = ind.rsi14[last];
        String rsiStatus = !Double.isFinite(rsi) ? "neutral" : rsi >= 70 || rsi <= 30 ? "elevated_risk" : rsi > 55 ? "bullish" : rsi < 45 ? "bearish" : "neutral";
        list.add(metric("rsi_14", rsi, ind.rsi14, "momentum", rsiStatus,
                "Relative Strength Index (14, Wilder): above 70 is overbought, below 30 oversold, above 55 firm, below 45 weak.",
                "ดัชนีกำลังสัมพัทธ์ (RSI 14): เกิน 70 คือซื้อมากเกินไป ต่ำกว่า 30 คือขายมากเกินไป"));

        double hist = ind.macdHistogram[last];
        list.add(metric("macd", ind.macd[last], ind.macd, "momentum", status(hist, 0),
                String.format(Locale.ROOT, "MACD (12, 26) against its 9-day signal line (%s): above the signal is rising momentum.",
                        fmt(ind.macdSignal[last])),
                "MACD (12, 26) เทียบกับเส้นสัญญาณ 9 วัน: อยู่เหนือเส้นสัญญาณแปลว่าแรงส่งขาขึ้น"));
        list.add(metric("macd_histogram", hist, ind.macdHistogram, "momentum", status(hist, 0),
                "MACD minus its signal line.", "ผลต่างระหว่าง MACD กับเส้นสัญญาณ"));

        for (int period : new int[] {20, 50, 200}) {
            double[] sma = period == 20 ? ind.sma20 : period == 50 ? ind.sma50 : ind.sma200;
            double[] deviation = new double[ind.size];
            for (int i = 0; i < ind.size; i++) {
                deviation[i] = sma[i] > 0 ? (ind.close[i] / sma[i] - 1) * 100 : Double.NaN;
            }
            list.add(new TechnicalMetric("sma_" + period, finite(sma[last]), finite(TechnicalIndicators.percentileOfLast(deviation)),
                    "trend", Double.isFinite(sma[last]) ? status(close - sma[last], 0) : "neutral",
                    String.format(Locale.ROOT, "%d-day simple moving average; the price is %s%% %s it (percentile: the price's distance from it).",
                            period, fmt(Math.abs(deviation[last])), deviation[last] >= 0 ? "above" : "below"),
                    "ค่าเฉลี่ยเคลื่อนที่ " + period + " วัน: ราคาอยู่" + (deviation[last] >= 0 ? "เหนือ" : "ใต้") + "เส้นนี้ "
                            + fmt(Math.abs(deviation[last])) + "%"));
        }

        double b = ind.percentB[last];
        list.add(metric("bollinger_percent_b", b, ind.percentB, "volatility",
                !Double.isFinite(b) ? "neutral" : b > 1 || b < 0 ? "elevated_risk" : "neutral",
                String.format(Locale.ROOT, "Position within the Bollinger Bands (20, 2σ: %s – %s): 0 is the lower band, 1 the upper.",
                        fmt(ind.bollingerLower[last]), fmt(ind.bollingerUpper[last])),
                "ตำแหน่งของราคาในกรอบ Bollinger (20, 2σ): 0 คือขอบล่าง 1 คือขอบบน"));

        double atrPct = ind.atrPercent[last];
        double atrPercentile = TechnicalIndicators.percentileOfLast(ind.atrPercent);
        list.add(new TechnicalMetric("atr_percent", finite(atrPct), finite(atrPercentile), "volatility",
                Double.isFinite(atrPercentile) && atrPercentile >= 80 ? "elevated_risk" : "neutral",
                String.format(Locale.ROOT, "Average True Range (14, Wilder) as a share of the price; ATR = %s.", fmt(ind.atr14[last])),
                "ช่วงการแกว่งตัวเฉลี่ย (ATR 14) เทียบกับราคา"));

        double vwapGap = ind.priceVsVwapPercent[last];
        list.add(metric("price_vs_vwap_percent", vwapGap, ind.priceVsVwapPercent, "trend", status(vwapGap, 0),
                String.format(Locale.ROOT, "Distance from the 20-day volume-weighted average price (VWAP %s).", fmt(ind.vwap20[last])),
                "ระยะห่างจากราคาเฉลี่ยถ่วงน้ำหนักด้วยปริมาณ 20 วัน (VWAP)"));

        double ratio = ind.volumeRatio[last];
        double dayMove = ind.returnPercent(1);
        String volumeStatus = !Double.isFinite(ratio) || ratio < 1.5 ? "neutral" : dayMove >= 0 ? "bullish" : "bearish";
        list.add(metric("volume_ratio", ratio, ind.volumeRatio, "liquidity", volumeStatus,
                "Today's volume against its 20-day average; above 1.5 is unusual activity, read with the day's direction.",
                "ปริมาณการซื้อขายวันนี้เทียบกับค่าเฉลี่ย 20 วัน: เกิน 1.5 คือคึกคักผิดปกติ"));

        double vol30 = ind.volatility30[last];
        double vol30Percentile = TechnicalIndicators.percentileOfLast(ind.volatility30);
        list.add(new TechnicalMetric("volatility_30d", finite(vol30), finite(vol30Percentile), "volatility",
                Double.isFinite(vol30Percentile) && vol30Percentile >= 80 ? "elevated_risk" : "neutral",
                "Standard deviation of daily returns over 30 days, annualised (×√252), in percent.",
                "ความผันผวนของผลตอบแทนรายวัน 30 วัน คิดเป็นรายปี (%)"));
        double vol90 = ind.volatility90[last];
        double vol90Percentile = TechnicalIndicators.percentileOfLast(ind.volatility90);
        list.add(new TechnicalMetric("volatility_90d", finite(vol90), finite(vol90Percentile), "volatility",
                Double.isFinite(vol90Percentile) && vol90Percentile >= 80 ? "elevated_risk" : "neutral",
                "Standard deviation of daily returns over 90 days, annualised (×√252), in percent.",
                "ความผันผวนของผลตอบแทนรายวัน 90 วัน คิดเป็นรายปี (%)"));

        double drawdown = ind.maxDrawdownPercent(TechnicalIndicators.TRADING_DAYS_PER_YEAR);
        list.add(new TechnicalMetric("max_drawdown_1y", finite(drawdown), null, "volatility",
                drawdown < -30 ? "elevated_risk" : "neutral",
                "Largest fall from a closing high to a later close over the last year, in percent.",
                "การปรับตัวลงสูงสุดจากจุดสูงสุดในรอบหนึ่งปี (%)"));

        return List.copyOf(list);
    }

    private static TechnicalMetric metric(String name, double value, double[] series, String category, String status,
                                          String explanation, String explanationTh) {
        return new TechnicalMetric(name, finite(value), finite(TechnicalIndicators.percentileOfLast(series)), category, status,
                explanation, explanationTh);
    }

    private static String status(double value, double pivot) {
        return !Double.isFinite(value) ? "neutral" : value > pivot ? "bullish" : value < pivot ? "bearish" : "neutral";
    }

    static String fmt(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 1000 ? "%,.0f" : abs >= 1 ? "%.2f" : "%.4f", value);
    }
}
