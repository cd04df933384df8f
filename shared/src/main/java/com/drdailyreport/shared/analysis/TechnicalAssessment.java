package com.drdailyreport.shared.analysis;

import static com.drdailyreport.shared.analysis.TechnicalMetric.finite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the indicators say, in the report's vocabulary: the {@code technical_metrics} entries, the
 * stance with the votes behind it, and the risk block.
 *
 * <p>Stance rules (each vote is +1 bullish, −1 bearish or 0 for a tie; a vote whose indicator
 * is not published is not cast):
 * <ol>
 *   <li>close above / below / at SMA 50;</li>
 *   <li>SMA 50 above / below / level with SMA 200;</li>
 *   <li>MACD above / below / on its signal line;</li>
 *   <li>RSI 14 above 55 / below 45 (between: no vote);</li>
 *   <li>one-month (21-bar) return positive / negative / zero.</li>
 * </ol>
 * Two values are tied when they agree to {@value #TIE} relative to the price (float noise of a
 * flat series is a tie, not a signal). Bullish when the sum is ≥ +2, bearish when ≤ −2, neutral
 * otherwise. A flat series (close unchanged over the last {@value TechnicalIndicators#FLAT_BARS}
 * bars; halted when it also has no volume) casts no vote: the stance is neutral and says why.
 *
 * <p>Risk level from 30-day annualised volatility: low below 25 % (zero included), medium to
 * 50 %, high above; one level up when the year's maximum drawdown is worse than −30 %. A metric
 * is "elevated risk" by its percentile only when its value is above zero.
 */
final class TechnicalAssessment {

    /** Relative difference below which two values are a tie. */
    static final double TIE = 1e-9;

    final TechnicalIndicators ind;
    final List<TechnicalMetric> metrics;
    final Stance stance;
    final int stanceScore;
    final int votes;
    final List<String> reasons;
    final List<String> reasonsTh;
    final String riskLevel;
    /** Why the series cannot be read as a market (flat or halted), or null. */
    final String tradingNote;
    final String tradingNoteTh;

    TechnicalAssessment(TechnicalIndicators indicators) {
        this.ind = indicators;
        int last = ind.last();
        this.metrics = metrics(last);

        if (ind.flat()) {
            String since = ind.unchangedSince().toString();
            tradingNote = ind.halted()
                    ? String.format(Locale.ROOT, "no price change and no volume for %d bars (since %s): trading appears halted;"
                    + " the indicators describe the market before it", ind.unchangedBars, since)
                    : String.format(Locale.ROOT, "no price change for %d bars (since %s): the price is flat", ind.unchangedBars, since);
            tradingNoteTh = ind.halted()
                    ? String.format(Locale.ROOT, "ราคาไม่เปลี่ยนแปลงและไม่มีการซื้อขายมา %d วัน (ตั้งแต่ %s): การซื้อขายอาจถูกระงับ"
                    + " ตัวชี้วัดสะท้อนช่วงก่อนหน้านั้น", ind.unchangedBars, since)
                    : String.format(Locale.ROOT, "ราคาไม่เปลี่ยนแปลงมา %d วัน (ตั้งแต่ %s)", ind.unchangedBars, since);
        } else {
            tradingNote = null;
            tradingNoteTh = null;
        }

        int score = 0;
        int cast = 0;
        List<String> why = new ArrayList<>();
        List<String> whyTh = new ArrayList<>();
        double close = ind.close[last];
        if (tradingNote != null) {
            why.add(tradingNote);
            whyTh.add(tradingNoteTh);
        } else {
            if (Double.isFinite(ind.sma50[last])) {
                int v = compare(close, ind.sma50[last], close);
                score += v;
                cast++;
                why.add(v > 0 ? "price above its 50-day average" : v < 0 ? "price below its 50-day average" : "price at its 50-day average");
                whyTh.add(v > 0 ? "ราคาอยู่เหนือเส้นค่าเฉลี่ย 50 วัน" : v < 0 ? "ราคาอยู่ใต้เส้นค่าเฉลี่ย 50 วัน" : "ราคาอยู่ที่เส้นค่าเฉลี่ย 50 วัน");
            }
            if (Double.isFinite(ind.sma50[last]) && Double.isFinite(ind.sma200[last])) {
                int v = compare(ind.sma50[last], ind.sma200[last], close);
                score += v;
                cast++;
                why.add(v > 0 ? "50-day average above the 200-day" : v < 0 ? "50-day average below the 200-day"
                        : "50-day average level with the 200-day");
                whyTh.add(v > 0 ? "เส้นค่าเฉลี่ย 50 วันอยู่เหนือเส้น 200 วัน" : v < 0 ? "เส้นค่าเฉลี่ย 50 วันอยู่ใต้เส้น 200 วัน"
                        : "เส้นค่าเฉลี่ย 50 วันอยู่ระดับเดียวกับเส้น 200 วัน");
            }
            if (Double.isFinite(ind.macdHistogram[last])) {
                int v = compare(ind.macdHistogram[last], 0, close);
                score += v;
                cast++;
                why.add(v > 0 ? "MACD above its signal line" : v < 0 ? "MACD below its signal line" : "MACD on its signal line");
                whyTh.add(v > 0 ? "MACD อยู่เหนือเส้นสัญญาณ" : v < 0 ? "MACD อยู่ใต้เส้นสัญญาณ" : "MACD อยู่บนเส้นสัญญาณ");
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
            if (Double.isFinite(month)) {
                int v = compare(month, 0, 100);
                score += v;
                cast++;
                why.add(v == 0 ? "unchanged over one month" : String.format(Locale.ROOT, "%+.1f%% over one month", month));
                whyTh.add(v == 0 ? "ราคาไม่เปลี่ยนแปลงในหนึ่งเดือน" : String.format(Locale.ROOT, "%+.1f%% ในหนึ่งเดือน", month));
            }
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

    /**
     * +1, −1 or 0 for {@code value} above, below or tied with {@code pivot}; tied when they differ
     * by at most {@link #TIE} × |scale|.
     */
    static int compare(double value, double pivot, double scale) {
        double difference = value - pivot;
        return Math.abs(difference) <= TIE * Math.abs(scale) ? 0 : difference > 0 ? 1 : -1;
    }

    /** Stance confidence: high when at least 4 votes agree, medium at 3, low otherwise. */
    String stanceConfidence() {
        int agreeing = Math.abs(stanceScore);
        return agreeing >= 4 ? "high" : agreeing >= 3 ? "medium" : "low";
    }

    /** The status word of a value against a pivot: bullish above, bearish below, neutral when tied or unknown. */
    private static String status(double value, double pivot, double scale) {
        if (!Double.isFinite(value) || !Double.isFinite(pivot)) {
            return "neutral";
        }
        int v = compare(value, pivot, scale);
        return v > 0 ? "bullish" : v < 0 ? "bearish" : "neutral";
    }

    private List<TechnicalMetric> metrics(int last) {
        List<TechnicalMetric> list = new ArrayList<>();
        double close = ind.close[last];
        boolean rsiFlat = ind.size >= TechnicalIndicators.RSI_BARS && ind.unchangedBars >= TechnicalIndicators.RSI_PERIOD;

        double rsi = ind.rsi14[last];
        String rsiStatus = !Double.isFinite(rsi) ? "neutral" : rsi >= 70 || rsi <= 30 ? "elevated_risk" : rsi > 55 ? "bullish" : rsi < 45 ? "bearish" : "neutral";
        list.add(metric("rsi_14", ind.rsi14, ind.rsi14, TechnicalIndicators.RSI_BARS, "momentum", rsiStatus,
                "Relative Strength Index (14, Wilder): above 70 is overbought, below 30 oversold, above 55 firm, below 45 weak.",
                "ดัชนีกำลังสัมพัทธ์ (RSI 14): เกิน 70 คือซื้อมากเกินไป ต่ำกว่า 30 คือขายมากเกินไป",
                rsiFlat ? "no price change in the last 14 bars: RSI is undefined" : "RSI is undefined on the last bar",
                rsiFlat ? "ราคาไม่เปลี่ยนแปลงใน 14 วันล่าสุด จึงคำนวณ RSI ไม่ได้" : "คำนวณ RSI ของวันล่าสุดไม่ได้"));

        double hist = ind.macdHistogram[last];
        String macdStatus = status(hist, 0, close);
        list.add(metric("macd", ind.macd, ind.macd, TechnicalIndicators.MACD_BARS, "momentum", macdStatus,
                String.format(Locale.ROOT, "MACD (12, 26) against its 9-day signal line (%s): above the signal is rising momentum.",
                        fmt(ind.macdSignal[last])),
                "MACD (12, 26) เทียบกับเส้นสัญญาณ 9 วัน: อยู่เหนือเส้นสัญญาณแปลว่าแรงส่งขาขึ้น", null, null));
        list.add(metric("macd_histogram", ind.macdHistogram, ind.macdHistogram, TechnicalIndicators.MACD_BARS, "momentum", macdStatus,
                "MACD minus its signal line.", "ผลต่างระหว่าง MACD กับเส้นสัญญาณ", null, null));

        for (int period : new int[] {20, 50, 200}) {
            double[] sma = period == 20 ? ind.sma20 : period == 50 ? ind.sma50 : ind.sma200;
            double[] deviation = new double[ind.size];
            for (int i = 0; i < ind.size; i++) {
                deviation[i] = sma[i] > 0 ? (ind.close[i] / sma[i] - 1) * 100 : Double.NaN;
            }
            double gap = deviation[last];
            int side = Double.isFinite(gap) ? compare(close, sma[last], close) : 0;
            String english = period + "-day simple moving average" + (!Double.isFinite(gap) ? "."
                    : side == 0 ? "; the price is at it (percentile: the price's distance from it)."
                    : String.format(Locale.ROOT, "; the price is %s%% %s it (percentile: the price's distance from it).",
                    fmt(Math.abs(gap)), side > 0 ? "above" : "below"));
            String thai = "ค่าเฉลี่ยเคลื่อนที่ " + period + " วัน" + (!Double.isFinite(gap) ? ""
                    : side == 0 ? ": ราคาอยู่ที่เส้นนี้" : ": ราคาอยู่" + (side > 0 ? "เหนือ" : "ใต้") + "เส้นนี้ " + fmt(Math.abs(gap)) + "%");
            list.add(metric("sma_" + period, sma, deviation, period, "trend", status(close, sma[last], close), english, thai, null, null));
        }

        double b = ind.percentB[last];
        list.add(metric("bollinger_percent_b", ind.percentB, ind.percentB, 20, "volatility",
                !Double.isFinite(b) ? "neutral" : b > 1 || b < 0 ? "elevated_risk" : "neutral",
                String.format(Locale.ROOT, "Position within the Bollinger Bands (20, 2σ population: %s – %s): 0 is the lower band, 1 the upper.",
                        fmt(ind.bollingerLower[last]), fmt(ind.bollingerUpper[last])),
                "ตำแหน่งของราคาในกรอบ Bollinger (20, 2σ): 0 คือขอบล่าง 1 คือขอบบน",
                "the last 20 closes are equal: the bands have no width",
                "ราคาปิด 20 วันล่าสุดเท่ากันทั้งหมด กรอบ Bollinger จึงไม่มีความกว้าง"));

        list.add(riskMetric("atr_percent", ind.atrPercent, TechnicalIndicators.ATR_BARS,
                String.format(Locale.ROOT, "Average True Range (14, Wilder) as a share of the price; ATR = %s.", fmt(ind.atr14[last])),
                "ช่วงการแกว่งตัวเฉลี่ย (ATR 14) เทียบกับราคา"));

        double vwapGap = ind.priceVsVwapPercent[last];
        list.add(metric("price_vs_vwap_percent", ind.priceVsVwapPercent, ind.priceVsVwapPercent, 20, "trend",
                status(close, ind.vwap20[last], close),
                String.format(Locale.ROOT, "Distance from the 20-day volume-weighted average price (VWAP %s).", fmt(ind.vwap20[last])),
                "ระยะห่างจากราคาเฉลี่ยถ่วงน้ำหนักด้วยปริมาณ 20 วัน (VWAP)",
                "no volume reported in the last 20 bars", "ไม่มีข้อมูลปริมาณการซื้อขายใน 20 วันล่าสุด"));

        double ratio = ind.volumeRatio[last];
        int day = last > 0 ? compare(close, ind.close[last - 1], close) : 0;
        String volumeStatus = !Double.isFinite(ratio) || ratio < 1.5 || day == 0 ? "neutral" : day > 0 ? "bullish" : "bearish";
        list.add(metric("volume_ratio", ind.volumeRatio, ind.volumeRatio, 20, "liquidity", volumeStatus,
                "Today's volume against its 20-day average; above 1.5 is unusual activity, read with the day's direction.",
                "ปริมาณการซื้อขายวันนี้เทียบกับค่าเฉลี่ย 20 วัน: เกิน 1.5 คือคึกคักผิดปกติ",
                "no volume reported in the last 20 bars", "ไม่มีข้อมูลปริมาณการซื้อขายใน 20 วันล่าสุด"));

        list.add(riskMetric("volatility_30d", ind.volatility30, TechnicalIndicators.VOLATILITY_30_BARS,
                "Sample standard deviation (n − 1) of daily returns over 30 days, annualised (×√252), in percent.",
                "ความผันผวนของผลตอบแทนรายวัน 30 วัน คิดเป็นรายปี (%)"));
        list.add(riskMetric("volatility_90d", ind.volatility90, TechnicalIndicators.VOLATILITY_90_BARS,
                "Sample standard deviation (n − 1) of daily returns over 90 days, annualised (×√252), in percent.",
                "ความผันผวนของผลตอบแทนรายวัน 90 วัน คิดเป็นรายปี (%)"));

        double drawdown = ind.maxDrawdownPercent(TechnicalIndicators.TRADING_DAYS_PER_YEAR);
        list.add(new TechnicalMetric("max_drawdown_1y", finite(drawdown), null, null, "volatility",
                drawdown < -30 ? "elevated_risk" : "neutral",
                "Largest fall from a closing high to a later close over the last year, in percent.",
                "การปรับตัวลงสูงสุดจากจุดสูงสุดในรอบหนึ่งปี (%)",
                "no percentile: one figure for the whole year", "ไม่มีเปอร์เซ็นไทล์: เป็นตัวเลขของทั้งปี"));

        return List.copyOf(list);
    }

    /** A volatility-type metric: elevated risk when at or above the 80th percentile of its year, and above zero. */
    private TechnicalMetric riskMetric(String name, double[] series, int needs, String explanation, String explanationTh) {
        double value = series[ind.last()];
        TechnicalIndicators.Percentile p = TechnicalIndicators.percentileOfLast(series);
        String status = p.known() && p.value() >= 80 && value > 0 ? "elevated_risk" : "neutral";
        return metric(name, series, series, needs, "volatility", status, explanation, explanationTh, null, null);
    }

    /**
     * A metric whose value is the last of {@code values} and whose percentile ranks the last of
     * {@code ranked}; a missing value or percentile carries its reason: too few bars ("needs N
     * bars, has M"), else {@code undefined} (the indicator-specific cause), and too few values
     * for a percentile.
     */
    private TechnicalMetric metric(String name, double[] values, double[] ranked, int needs, String category, String status,
                                   String explanation, String explanationTh, String undefined, String undefinedTh) {
        double value = values[ind.last()];
        TechnicalIndicators.Percentile p = TechnicalIndicators.percentileOfLast(ranked);
        String reason = null;
        String reasonTh = null;
        if (!Double.isFinite(value)) {
            if (ind.size < needs) {
                reason = String.format(Locale.ROOT, "needs %d bars, has %d", needs, ind.size);
                reasonTh = String.format(Locale.ROOT, "ต้องมีข้อมูลอย่างน้อย %d วัน มี %d วัน", needs, ind.size);
            } else {
                reason = undefined == null ? "not defined on the last bar" : undefined;
                reasonTh = undefinedTh == null ? "ไม่มีค่าในวันล่าสุด" : undefinedTh;
            }
        } else if (!p.known()) {
            reason = String.format(Locale.ROOT, "percentile needs %d daily values, has %d",
                    TechnicalIndicators.MIN_PERCENTILE_VALUES, p.window());
            reasonTh = String.format(Locale.ROOT, "เปอร์เซ็นไทล์ต้องใช้ค่ารายวันอย่างน้อย %d ค่า มี %d ค่า",
                    TechnicalIndicators.MIN_PERCENTILE_VALUES, p.window());
        }
        return new TechnicalMetric(name, finite(value), finite(p.value()), p.known() ? p.window() : null, category, status,
                explanation, explanationTh, reason, reasonTh);
    }

    static String fmt(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 1000 ? "%,.0f" : abs >= 1 ? "%.2f" : "%.4f", value);
    }
}
