package com.drdailyreport.shared.analysis;

import static com.drdailyreport.shared.analysis.TechnicalMetric.finite;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Builds a ticker's daily report — the {@code report_json} document the API serves and the
 * narrative stored as {@code report_text} — from its price history and the patterns detected
 * for the day. Pure: no I/O except what the narrator does; the same input gives the same
 * document. Keys follow the earlier system's {@code ReportResponse} where they apply.
 */
public final class ReportBuilder {

    /** Bump when the document's shape or the rules change. */
    public static final String VERSION = "1.1.0";

    /** Fewest bars a report is built from: one month of trading. */
    public static final int MIN_BARS = 21;

    private final Narrator narrator;

    public ReportBuilder(Narrator narrator) {
        this.narrator = narrator;
    }

    /** A report built with the deterministic narrator. */
    public ReportBuilder() {
        this(new TemplateNarrator());
    }

    /**
     * What to build a report from.
     *
     * @param reportDate  the Bangkok business date the report is for
     * @param dataSource  where the prices came from ("yahoo", "csv", "demo")
     * @param patterns    the day's detected patterns (any order)
     * @param generatedAt stamped into {@code generation_metadata}
     */
    public record Input(Ticker ticker, PriceHistory history, String dataSource, List<ChartPattern> patterns,
                        LocalDate reportDate, Instant generatedAt) {
        public Input {
            patterns = List.copyOf(patterns);
        }
    }

    /** The document and its narrative. */
    public record BuiltReport(ObjectNode json, Narrative narrative, Stance stance) {
    }

    /**
     * @throws InvalidValueException when the history is too short (fewer than {@link #MIN_BARS} bars)
     *                               or belongs to another ticker
     */
    public BuiltReport build(Input input) {
        PriceHistory history = input.history();
        Ticker ticker = input.ticker();
        if (!history.symbol().equals(ticker.drSymbol())) {
            throw new InvalidValueException("price_history", "belongs to " + history.symbol() + ", not " + ticker.drSymbol());
        }
        if (history.size() < MIN_BARS) {
            throw new InvalidValueException("price_history", "has " + history.size() + " bars; a report needs at least " + MIN_BARS);
        }
        PriceCleaning.Cleaned cleaned = PriceCleaning.clean(history);
        TechnicalIndicators ind = new TechnicalIndicators(cleaned.history());
        TechnicalAssessment assessment = new TechnicalAssessment(ind);
        int last = ind.last();
        List<ChartPattern> patterns = input.patterns().stream()
                .sorted(Comparator.comparing((ChartPattern p) -> p.live() ? 0 : 1)
                        .thenComparing(Comparator.comparing(ChartPattern::end).reversed())
                        .thenComparing(p -> p.confidence().ordinal())
                        .thenComparing(p -> p.type().ordinal()))
                .toList();
        boolean demo = "demo".equals(input.dataSource());
        ReportFacts facts = new ReportFacts(ticker.drSymbol(), ticker.displayName(), currency(ticker), ind.date(last),
                ind.close[last], ind.returnPercent(1), ind.returnPercent(21), ind.yearToDatePercent(), ind.sma50[last],
                ind.sma200[last], ind.rsi14[last], ind.macdHistogram[last], ind.volumeRatio[last], ind.volatility30[last],
                ind.maxDrawdownPercent(TechnicalIndicators.TRADING_DAYS_PER_YEAR), assessment.riskLevel, assessment.stance,
                assessment.reasons, assessment.reasonsTh, patterns, demo, assessment.tradingNote, assessment.tradingNoteTh,
                cleaned.flags());
        Narrative narrative = narrator.narrate(facts);

        ObjectNode json = Json.mapper().createObjectNode();
        json.put("ticker", ticker.drSymbol());
        json.put("company_name", ticker.displayName());
        json.put("yahoo_symbol", ticker.yahooSymbol());
        json.put("exchange", ticker.exchange());
        json.put("currency", currency(ticker));
        json.put("quote_type", ticker.quoteType());
        json.put("report_date", input.reportDate().toString());
        json.put("as_of", ind.date(last).toString());
        json.put("price", ind.close[last]);
        number(json, "previous_close", last > 0 ? ind.close[last - 1] : Double.NaN);
        number(json, "price_change_pct", ind.returnPercent(1));
        json.put("stance", assessment.stance.wireName());
        json.put("stance_score", assessment.stanceScore);
        json.put("confidence", assessment.stanceConfidence());
        json.set("stance_reasons", Json.mapper().valueToTree(assessment.reasons));
        json.set("stance_reasons_th", Json.mapper().valueToTree(assessment.reasonsTh));
        ObjectNode returns = json.putObject("returns");
        number(returns, "1d", ind.returnPercent(1));
        number(returns, "5d", ind.returnPercent(5));
        number(returns, "1m", ind.returnPercent(21));
        number(returns, "ytd", ind.yearToDatePercent());
        json.set("technical_metrics", Json.mapper().valueToTree(assessment.metrics));
        json.set("indicators", indicators(ind, last));
        json.set("chart_patterns", Json.mapper().valueToTree(patterns.stream().map(ChartPatternView::of).toList()));
        json.set("risk", risk(ind, assessment, last));
        ArrayNode scores = scores(ind, assessment, patterns, last);
        json.set("all_scores", scores);
        ArrayNode keyScores = json.putArray("key_scores");
        for (int i = 0; i < 3 && i < scores.size(); i++) {
            keyScores.add(scores.get(i).deepCopy());
        }
        json.set("summary_sections", summary(facts, true));
        json.set("summary_sections_en", summary(facts, false));
        json.put("narrative_report", narrative.thai());
        json.put("narrative_report_en", narrative.english());
        json.set("data_quality", dataQuality(cleaned, ind, assessment));
        json.set("price_history", priceHistory(cleaned.history()));
        json.put("data_source", input.dataSource());
        json.put("is_demo_data", demo);
        ArrayNode sources = json.putArray("data_sources");
        sources.add(demo ? "synthetic demo prices" : "daily prices: " + input.dataSource());
        sources.add("indicators: ta4j 0.22 (SMA, Bollinger, VWAP); RSI, ATR and MACD seeded with simple averages as TTR and TA-Lib do");
        ObjectNode meta = json.putObject("generation_metadata");
        meta.put("generator", "dr-daily-report");
        meta.put("version", VERSION);
        meta.put("narrator", narrative.source());
        meta.put("bars", history.size());
        meta.put("generated_at", input.generatedAt().toString());
        return new BuiltReport(json, narrative, assessment.stance);
    }

    private static String currency(Ticker ticker) {
        return ticker.currency() == null ? "" : ticker.currency();
    }

    private static ObjectNode indicators(TechnicalIndicators ind, int last) {
        ObjectNode values = Json.mapper().createObjectNode();
        number(values, "current_price", ind.close[last]);
        number(values, "sma_20", ind.sma20[last]);
        number(values, "sma_50", ind.sma50[last]);
        number(values, "sma_200", ind.sma200[last]);
        number(values, "rsi", ind.rsi14[last]);
        number(values, "macd", ind.macd[last]);
        number(values, "macd_signal", ind.macdSignal[last]);
        number(values, "macd_histogram", ind.macdHistogram[last]);
        number(values, "bb_upper", ind.bollingerUpper[last]);
        number(values, "bb_middle", ind.bollingerMiddle[last]);
        number(values, "bb_lower", ind.bollingerLower[last]);
        number(values, "atr", ind.atr14[last]);
        number(values, "atr_percent", ind.atrPercent[last]);
        number(values, "vwap", ind.vwap20[last]);
        number(values, "volume", ind.bars().get(last).volume());
        number(values, "volume_sma", ind.volumeSma20[last]);
        number(values, "volume_ratio", ind.volumeRatio[last]);
        return values;
    }

    private static ObjectNode risk(TechnicalIndicators ind, TechnicalAssessment a, int last) {
        ObjectNode risk = Json.mapper().createObjectNode();
        risk.put("risk_level", a.riskLevel);
        number(risk, "volatility_30d", ind.volatility30[last]);
        number(risk, "volatility_90d", ind.volatility90[last]);
        TechnicalIndicators.Percentile volatilityRank = TechnicalIndicators.percentileOfLast(ind.volatility30);
        number(risk, "volatility_score", volatilityRank.value());
        if (volatilityRank.known()) {
            risk.put("volatility_score_window", volatilityRank.window());
        } else {
            risk.putNull("volatility_score_window");
        }
        number(risk, "max_drawdown_1y", ind.maxDrawdownPercent(TechnicalIndicators.TRADING_DAYS_PER_YEAR));
        number(risk, "max_drawdown_90d", ind.maxDrawdownPercent(90));
        number(risk, "atr_percent", ind.atrPercent[last]);
        List<String> bullets = new ArrayList<>();
        List<String> bulletsTh = new ArrayList<>();
        if (a.tradingNote != null) {
            bullets.add(a.tradingNote);
            bulletsTh.add(a.tradingNoteTh);
        }
        if (Double.isFinite(ind.volatility30[last])) {
            bullets.add(String.format(Locale.ROOT, "30-day volatility %.0f%% a year (%s risk)", ind.volatility30[last], a.riskLevel));
            bulletsTh.add(String.format(Locale.ROOT, "ความผันผวน 30 วัน %.0f%% ต่อปี (ความเสี่ยง%s)", ind.volatility30[last],
                    TemplateNarrator.riskTh(a.riskLevel)));
        }
        double dd = ind.maxDrawdownPercent(TechnicalIndicators.TRADING_DAYS_PER_YEAR);
        bullets.add(String.format(Locale.ROOT, "largest fall from a high in the period: %.1f%%", dd));
        bulletsTh.add(String.format(Locale.ROOT, "การปรับตัวลงสูงสุดจากจุดสูงสุดในช่วงนี้ %.1f%%", dd));
        double rsi = ind.rsi14[last];
        if (Double.isFinite(rsi) && (rsi >= 70 || rsi <= 30)) {
            bullets.add(String.format(Locale.ROOT, "RSI %.0f: %s", rsi, rsi >= 70 ? "overbought, pullback risk" : "oversold, selling pressure"));
            bulletsTh.add(String.format(Locale.ROOT, "RSI %.0f: %s", rsi, rsi >= 70 ? "ซื้อมากเกินไป เสี่ยงต่อการย่อตัว" : "ขายมากเกินไป แรงขายยังกดดัน"));
        }
        risk.set("risk_bullets", Json.mapper().valueToTree(bullets));
        risk.set("risk_bullets_th", Json.mapper().valueToTree(bulletsTh));
        return risk;
    }

    /** Five 0–10 scores: trend, momentum, risk (higher = calmer), volume, pattern. */
    private static ArrayNode scores(TechnicalIndicators ind, TechnicalAssessment a, List<ChartPattern> patterns, int last) {
        ArrayNode scores = Json.mapper().createArrayNode();
        double close = ind.close[last];
        int above = 0;
        int known = 0;
        double half = 0;
        for (double sma : new double[] {ind.sma20[last], ind.sma50[last], ind.sma200[last]}) {
            if (Double.isFinite(sma)) {
                known++;
                int side = TechnicalAssessment.compare(close, sma, close);
                above += side > 0 ? 1 : 0;
                half += side == 0 ? 0.5 : 0;
            }
        }
        if (Double.isFinite(ind.sma50[last]) && Double.isFinite(ind.sma200[last])) {
            known++;
            int side = TechnicalAssessment.compare(ind.sma50[last], ind.sma200[last], close);
            above += side > 0 ? 1 : 0;
            half += side == 0 ? 0.5 : 0;
        }
        score(scores, "trend", known == 0 ? 5 : 10.0 * (above + half) / known,
                above + " of " + known + " trend checks positive (price vs SMA 20/50/200, SMA 50 vs 200)",
                "ผ่านเกณฑ์แนวโน้ม " + above + " จาก " + known + " ข้อ");
        double rsi = ind.rsi14[last];
        double momentum = Double.isFinite(rsi) ? rsi / 10 : 5;
        double hist = ind.macdHistogram[last];
        int macdSide = Double.isFinite(hist) ? TechnicalAssessment.compare(hist, 0, ind.close[last]) : 0;
        if (Double.isFinite(hist)) {
            momentum = (momentum + 5 + 5 * macdSide) / 2;
        }
        String macdWords = !Double.isFinite(hist) ? "not yet published" : macdSide > 0 ? "above its signal" : macdSide < 0 ? "below its signal"
                : "on its signal";
        String macdWordsTh = !Double.isFinite(hist) ? "ยังไม่มีค่า" : macdSide > 0 ? "อยู่เหนือเส้นสัญญาณ" : macdSide < 0 ? "อยู่ใต้เส้นสัญญาณ"
                : "อยู่บนเส้นสัญญาณ";
        score(scores, "momentum", momentum, "RSI " + TechnicalAssessment.fmt(rsi) + " and MACD " + macdWords,
                "RSI " + TechnicalAssessment.fmt(rsi) + " และ MACD " + macdWordsTh);
        TechnicalIndicators.Percentile volPercentile = TechnicalIndicators.percentileOfLast(ind.volatility30);
        score(scores, "risk", volPercentile.known() ? 10 - volPercentile.value() / 10 : 5,
                volPercentile.known()
                        ? "higher is calmer: 30-day volatility at the " + TechnicalAssessment.fmt(volPercentile.value())
                        + " percentile of the last " + volPercentile.window() + " days"
                        : "no volatility percentile yet (needs " + TechnicalIndicators.MIN_PERCENTILE_VALUES + " daily values)",
                volPercentile.known()
                        ? "ยิ่งสูงยิ่งผันผวนน้อย: ความผันผวน 30 วันอยู่ที่เปอร์เซ็นไทล์ " + TechnicalAssessment.fmt(volPercentile.value())
                        + " ของ " + volPercentile.window() + " วันล่าสุด"
                        : "ยังไม่มีเปอร์เซ็นไทล์ความผันผวน (ต้องใช้ค่ารายวันอย่างน้อย " + TechnicalIndicators.MIN_PERCENTILE_VALUES + " ค่า)");
        double ratio = ind.volumeRatio[last];
        score(scores, "volume", Double.isFinite(ratio) ? Math.min(10, ratio * 5) : 5,
                "volume " + TechnicalAssessment.fmt(ratio) + "× its 20-day average",
                "ปริมาณการซื้อขาย " + TechnicalAssessment.fmt(ratio) + " เท่าของค่าเฉลี่ย 20 วัน");
        double pattern = 5;
        String rationale = "no chart pattern";
        String rationaleTh = "ไม่พบรูปแบบกราฟ";
        if (!patterns.isEmpty() && patterns.getFirst().live()) {
            ChartPattern p = patterns.getFirst();
            double strength = p.confidence() == Confidence.HIGH ? 4 : p.confidence() == Confidence.MEDIUM ? 2.5 : 1;
            pattern = switch (p.direction()) {
                case BULLISH -> 5 + strength;
                case BEARISH -> 5 - strength;
                case NEUTRAL -> 5;
            };
            rationale = PatternNames.english(p.type()) + " (" + p.confidence().wireName() + " confidence)";
            rationaleTh = PatternNames.thai(p.type()) + " (ความเชื่อมั่น" + PatternNames.thai(p.confidence()) + ")";
        }
        score(scores, "pattern", pattern, rationale, rationaleTh);
        return scores;
    }

    private static void score(ArrayNode scores, String category, double value, String rationale, String rationaleTh) {
        ObjectNode s = scores.addObject();
        s.put("category", category);
        s.put("score", Math.round(Math.max(0, Math.min(10, value)) * 10) / 10.0);
        s.put("max_score", 10);
        s.put("rationale", rationale);
        s.put("rationale_th", rationaleTh);
    }

    private static ObjectNode summary(ReportFacts f, boolean thai) {
        ObjectNode summary = Json.mapper().createObjectNode();
        ArrayNode takeaways = summary.putArray("key_takeaways");
        takeaways.add(thai ? "มุมมองโดยรวม: " + f.stance().thai() : "Overall stance: " + f.stance().wireName());
        if (!f.patterns().isEmpty()) {
            ChartPattern p = f.patterns().getFirst();
            takeaways.add(thai ? "รูปแบบกราฟล่าสุด: " + PatternNames.thai(p.type()) : "Latest chart pattern: " + PatternNames.english(p.type()));
        }
        ArrayNode drivers = summary.putArray("price_drivers");
        for (String reason : thai ? f.reasonsTh() : f.reasons()) {
            drivers.add(reason);
        }
        ArrayNode risks = summary.putArray("risks_to_watch");
        risks.add(thai ? "ความเสี่ยงระดับ" + TemplateNarrator.riskTh(f.riskLevel()) : "Risk level: " + f.riskLevel());
        for (ChartPattern p : f.patterns()) {
            if (p.live() && p.direction() == PatternType.Direction.BEARISH) {
                risks.add(thai ? "รูปแบบกราฟเชิงลบ: " + PatternNames.thai(p.type()) : "Bearish pattern: " + PatternNames.english(p.type()));
            }
        }
        if (f.demoData()) {
            risks.add(thai ? "ข้อมูลตัวอย่าง ไม่ใช่ราคาตลาดจริง" : "Demo data, not market prices");
        }
        return summary;
    }

    /**
     * What the analysis did to the prices and how far they can be read: the bars the bad-tick
     * guard replaced (original and replacement), and whether trading looks active, flat or halted.
     */
    private static ObjectNode dataQuality(PriceCleaning.Cleaned cleaned, TechnicalIndicators ind, TechnicalAssessment a) {
        ObjectNode quality = Json.mapper().createObjectNode();
        ArrayNode flagged = quality.putArray("flagged_bars");
        for (PriceCleaning.Flag flag : cleaned.flags()) {
            ObjectNode row = flagged.addObject();
            row.put("date", flag.date().toString());
            row.put("kind", flag.kind());
            row.put("reason", flag.reason());
            row.set("original", bar(flag.original()));
            row.set("replacement", bar(flag.replacement()));
        }
        quality.put("trading_status", ind.halted() ? "halted" : ind.flat() ? "flat" : "active");
        quality.put("unchanged_bars", ind.unchangedBars);
        quality.put("trading_note", a.tradingNote);
        quality.put("trading_note_th", a.tradingNoteTh);
        return quality;
    }

    private static ObjectNode bar(Bar bar) {
        ObjectNode row = Json.mapper().createObjectNode();
        row.put("open", bar.open());
        row.put("high", bar.high());
        row.put("low", bar.low());
        row.put("close", bar.close());
        row.put("volume", bar.volume());
        return row;
    }

    /** Bars for the chart (after the bad-tick guard), with the cumulative return since the first bar. */
    private static ArrayNode priceHistory(PriceHistory history) {
        ArrayNode rows = Json.mapper().createArrayNode();
        double first = history.first().close();
        for (Bar bar : history.bars()) {
            ObjectNode row = rows.addObject();
            row.put("date", bar.date().toString());
            row.put("open", bar.open());
            row.put("high", bar.high());
            row.put("low", bar.low());
            row.put("close", bar.close());
            row.put("volume", bar.volume());
            row.put("return_pct", Math.round((bar.close() / first - 1) * 1_000_000) / 10_000.0);
        }
        return rows;
    }

    private static void number(ObjectNode node, String field, double value) {
        Double v = finite(value);
        if (v == null) {
            node.putNull(field);
        } else {
            node.put(field, v);
        }
    }
}
