package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.TestBars;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final Ticker AAPL = new Ticker(7, "AAPL19", "AAPL", "Apple", "NasdaqGS", "USD", null, "equity", true);
    private static final LocalDate REPORT_DATE = LocalDate.of(2014, 1, 2);
    private static final Instant AT = Instant.parse("2014-01-01T22:00:00Z");
    private static final ReportBuilder BUILDER = new ReportBuilder();

    private static ChartPattern doubleBottom() {
        Map<String, PatternPoint> points = new LinkedHashMap<>();
        points.put("A", new PatternPoint(LocalDate.of(2013, 4, 19), 390.53));
        points.put("B", new PatternPoint(LocalDate.of(2013, 5, 10), 450.0));
        points.put("C", new PatternPoint(LocalDate.of(2013, 6, 24), 390.6));
        return new ChartPattern(PatternType.DOUBLE_BOTTOM, Confidence.HIGH, LocalDate.of(2013, 4, 19), LocalDate.of(2013, 6, 24),
                points, Map.of("breakout_level", 450.0, "target", 510.0));
    }

    private static ReportBuilder.BuiltReport aaplReport(List<ChartPattern> patterns) {
        return BUILDER.build(new ReportBuilder.Input(AAPL, TestBars.aapl2013("AAPL19"), "csv", patterns, REPORT_DATE, AT));
    }

    @Test
    void theDocumentHasTheReferenceKeysAndNoNaN() {
        JsonNode json = aaplReport(List.of(doubleBottom())).json();
        String text = Json.write(json);

        assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(json.fieldNames()).toIterable().contains("ticker", "company_name", "price", "price_change_pct", "currency",
                "as_of", "stance", "technical_metrics", "chart_patterns", "risk", "price_history", "summary_sections",
                "narrative_report", "key_scores", "all_scores", "generation_metadata");
        assertThat(json.get("ticker").asText()).isEqualTo("AAPL19");
        assertThat(json.get("price").asDouble()).isEqualTo(561.02);
        assertThat(json.get("as_of").asText()).isEqualTo("2013-12-31");
        assertThat(json.get("report_date").asText()).isEqualTo("2014-01-02");
        assertThat(json.get("price_change_pct").asDouble()).isCloseTo((561.02 / 554.52 - 1) * 100, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(json.get("price_history")).hasSize(252);
        assertThat(json.get("price_history").get(251).get("close").asDouble()).isEqualTo(561.02);
        assertThat(json.get("key_scores")).hasSize(3);
        assertThat(json.get("all_scores")).hasSize(5);
        assertThat(json.get("generation_metadata").get("generated_at").asText()).isEqualTo("2014-01-01T22:00:00Z");
    }

    @Test
    void everyMetricHasTheContractShape() {
        JsonNode metrics = aaplReport(List.of()).json().get("technical_metrics");
        assertThat(metrics).hasSizeGreaterThanOrEqualTo(12);
        Set<String> categories = Set.of("momentum", "trend", "volatility", "liquidity");
        Set<String> statuses = Set.of("bullish", "bearish", "neutral", "elevated_risk");
        for (JsonNode m : metrics) {
            assertThat(m.fieldNames()).toIterable().contains("name", "value", "percentile", "category", "status", "explanation");
            assertThat(categories).contains(m.get("category").asText());
            assertThat(statuses).contains(m.get("status").asText());
            if (!m.get("percentile").isNull()) {
                assertThat(m.get("percentile").asDouble()).isBetween(0.0, 100.0);
            }
        }
        assertThat(metrics.findValuesAsText("name")).contains("rsi_14", "macd", "sma_20", "sma_50", "sma_200",
                "bollinger_percent_b", "atr_percent", "price_vs_vwap_percent", "volume_ratio", "volatility_30d", "volatility_90d",
                "max_drawdown_1y");
    }

    @Test
    void theStanceFollowsTheStatedVotes() {
        JsonNode json = aaplReport(List.of()).json();
        JsonNode ind = json.get("indicators");
        double close = json.get("price").asDouble();
        int score = 0;
        score += close >= ind.get("sma_50").asDouble() ? 1 : -1;
        score += ind.get("sma_50").asDouble() >= ind.get("sma_200").asDouble() ? 1 : -1;
        score += ind.get("macd_histogram").asDouble() >= 0 ? 1 : -1;
        double rsi = ind.get("rsi").asDouble();
        score += rsi > 55 ? 1 : rsi < 45 ? -1 : 0;
        score += json.get("returns").get("1m").asDouble() > 0 ? 1 : -1;
        assertThat(json.get("stance_score").asInt()).isEqualTo(score);
        assertThat(json.get("stance").asText()).isEqualTo(score >= 2 ? "bullish" : score <= -2 ? "bearish" : "neutral");
    }

    @Test
    void steadyTrendsGiveTheMatchingStance() {
        assertThat(build(trend(260, 0.004)).stance()).isEqualTo(Stance.BULLISH);
        assertThat(build(trend(260, -0.004)).stance()).isEqualTo(Stance.BEARISH);
        JsonNode up = build(trend(260, 0.004)).json();
        assertThat(up.get("all_scores").get(0).get("score").asDouble()).isEqualTo(10.0);
    }

    @Test
    void patternsAreServedInTheApiContractNewestFirst() {
        Map<String, PatternPoint> flagPoints = new LinkedHashMap<>();
        flagPoints.put("A", new PatternPoint(LocalDate.of(2013, 12, 2), 520));
        flagPoints.put("B", new PatternPoint(LocalDate.of(2013, 12, 20), 550));
        ChartPattern flag = new ChartPattern(PatternType.BULLISH_FLAG, Confidence.MEDIUM, LocalDate.of(2013, 12, 2),
                LocalDate.of(2013, 12, 20), flagPoints, Map.of());
        JsonNode patterns = aaplReport(List.of(doubleBottom(), flag)).json().get("chart_patterns");

        assertThat(patterns).hasSize(2);
        assertThat(patterns.get(0).get("type").asText()).isEqualTo("bullish_flag");
        JsonNode bottom = patterns.get(1);
        assertThat(bottom.get("type").asText()).isEqualTo("double_bottom");
        assertThat(bottom.get("pattern").asText()).isEqualTo("double");
        assertThat(bottom.get("code").asText()).isEqualTo("DBOT");
        assertThat(bottom.get("confidence").asText()).isEqualTo("high");
        assertThat(bottom.get("start").asText()).isEqualTo("2013-04-19");
        assertThat(bottom.get("points").get("A").toString()).isEqualTo("[\"2013-04-19\",390.53]");
    }

    @Test
    void shortHistoriesGiveNullsNeverNaNAndTooShortOnesAreRefused() {
        ReportBuilder.BuiltReport report = build(trend(40, 0.001));
        String text = Json.write(report.json());
        assertThat(text).doesNotContain("NaN");
        assertThat(report.json().get("indicators").get("sma_200").isNull()).isTrue();
        assertThat(report.narrative().english()).doesNotContain("NaN");

        assertThatThrownBy(() -> build(trend(20, 0.001))).isInstanceOf(InvalidValueException.class)
                .hasMessage("price_history has 20 bars; a report needs at least 21");
        assertThatThrownBy(() -> BUILDER.build(new ReportBuilder.Input(AAPL, new PriceHistory("DBS19", trend(30, 0).bars()), "csv",
                List.of(), REPORT_DATE, AT))).hasMessageContaining("belongs to DBS19, not AAPL19");
    }

    /**
     * Issue 13's acceptance test at the level of the document: a report built from the first N AAPL
     * bars publishes TTR's RSI, MACD (line, signal, histogram) and ATR of bar N — computed by TTR
     * over the whole year — or null with the reason.
     */
    @Test
    void aReportFromTheFirstNAaplBarsPublishesTtrsValuesOrNullWithTheReason() {
        ReferenceValues ttr = ReferenceValues.ttr();
        PriceHistory aapl = TestBars.aapl2013("AAPL19");
        for (int n : new int[] {21, 30, 41, 42, 51, 52, 60}) {
            JsonNode json = build(new PriceHistory("AAPL19", aapl.bars().subList(0, n))).json();
            JsonNode ind = json.get("indicators");
            Map<String, String> fields = Map.of("rsi", "rsi_14", "atr", "atr_14", "macd", "macd", "macd_signal", "macd_signal",
                    "macd_histogram", "macd_histogram");
            for (Map.Entry<String, String> f : fields.entrySet()) {
                int needs = f.getKey().startsWith("macd") ? 52 : 42;
                if (n < needs) {
                    assertThat(ind.get(f.getKey()).isNull()).as("%s with %d bars", f.getKey(), n).isTrue();
                } else {
                    assertThat(ind.get(f.getKey()).asDouble()).as("%s with %d bars", f.getKey(), n)
                            .isCloseTo(ttr.column(f.getValue())[n - 1], org.assertj.core.api.Assertions.within(1e-6));
                }
            }
            JsonNode rsi = metric(json, "rsi_14");
            JsonNode macd = metric(json, "macd_histogram");
            if (n < 42) {
                assertThat(rsi.get("value").isNull()).isTrue();
                assertThat(rsi.get("reason").asText()).isEqualTo("needs 42 bars, has " + n);
            } else {
                // published, but too few daily RSI values yet to rank today's among
                assertThat(rsi.get("percentile").isNull()).isTrue();
                assertThat(rsi.get("reason").asText()).isEqualTo("percentile needs 60 daily values, has " + (n - 41));
            }
            if (n < 52) {
                assertThat(macd.get("reason").asText()).isEqualTo("needs 52 bars, has " + n);
                assertThat(json.get("stance_reasons").toString()).doesNotContain("MACD");
            }
            assertThat(Json.write(json)).doesNotContain("NaN");
        }
    }

    @Test
    void everyMissingValueOrPercentileCarriesItsReasonAndEveryPercentileItsWindow() {
        List<PriceHistory> histories = List.of(TestBars.aapl2013("AAPL19"), trend(21, 0.001), trend(50, 0.001), trend(130, -0.002),
                new PriceHistory("AAPL19", TechnicalAssessmentTest.halted(260).bars()));
        for (PriceHistory history : histories) {
            for (JsonNode m : build(history).json().get("technical_metrics")) {
                boolean complete = !m.get("value").isNull() && !m.get("percentile").isNull();
                assertThat(m.get("reason").isNull()).as("%s of %d bars: %s", m.get("name"), history.size(), m).isEqualTo(complete);
                if (!complete) {
                    assertThat(m.get("reason").asText()).isNotBlank();
                    assertThat(m.get("reason_th").asText()).isNotBlank();
                }
                if (m.get("percentile").isNull()) {
                    assertThat(m.get("percentile_window").isNull()).isTrue();
                } else {
                    assertThat(m.get("percentile_window").asInt()).isBetween(60, 252);
                }
            }
        }
    }

    /**
     * One bad tick (×100 or ÷100, then back) on 2013-12-16, inside the last 30 bars: the old report
     * showed 30-day volatility of 27,910 % and a −99 % drawdown; now the tick is flagged, left out
     * and named, and the risk figures stay near the clean series' (20.5 %, −28.9 %).
     */
    @Test
    void oneBadTickIsFlaggedLeftOutAndNamedInsteadOfBlowingUpTheRisk() {
        PriceHistory aapl = TestBars.aapl2013("AAPL19");
        JsonNode clean = build(aapl).json();
        double cleanVolatility = clean.get("risk").get("volatility_30d").asDouble();
        double cleanDrawdown = clean.get("risk").get("max_drawdown_1y").asDouble();
        LocalDate tickDate = aapl.bars().get(240).date();
        for (double factor : new double[] {100, 0.01}) {
            ReportBuilder.BuiltReport report = build(PriceCleaningTest.withTick(aapl, 240, factor));
            JsonNode json = report.json();
            JsonNode risk = json.get("risk");
            assertThat(risk.get("volatility_30d").asDouble()).as("×%s", factor).isBetween(0.8 * cleanVolatility, 1.2 * cleanVolatility);
            assertThat(risk.get("max_drawdown_1y").asDouble()).isCloseTo(cleanDrawdown, org.assertj.core.api.Assertions.within(1.0));
            assertThat(risk.get("risk_level").asText()).isEqualTo(clean.get("risk").get("risk_level").asText());
            assertThat(json.get("indicators").get("atr_percent").asDouble()).isLessThan(3.0);

            JsonNode flagged = json.get("data_quality").get("flagged_bars");
            assertThat(flagged).hasSize(1);
            assertThat(flagged.get(0).get("date").asText()).isEqualTo(tickDate.toString());
            assertThat(flagged.get(0).get("kind").asText()).isEqualTo("close_spike");
            assertThat(flagged.get(0).get("original").get("close").asDouble()).isEqualTo(aapl.bars().get(240).close() * factor);
            assertThat(json.get("price_history").get(240).get("close").asDouble()).isEqualTo(aapl.bars().get(239).close());
            assertThat(report.narrative().english()).contains("Bad ticks left out of the analysis: " + tickDate);
            assertThat(report.narrative().thai()).contains(tickDate.toString());
        }
        assertThat(clean.get("data_quality").get("flagged_bars")).isEmpty();
        assertThat(clean.get("data_quality").get("trading_status").asText()).isEqualTo("active");
    }

    @Test
    void aHaltedSeriesSaysSoInsteadOfOversoldAndBullish() {
        ReportBuilder.BuiltReport report = build(new PriceHistory("AAPL19", TechnicalAssessmentTest.halted(260).bars()));
        JsonNode json = report.json();
        assertThat(json.get("stance").asText()).isEqualTo("neutral");
        assertThat(json.get("data_quality").get("trading_status").asText()).isEqualTo("halted");
        assertThat(json.get("data_quality").get("trading_note").asText()).contains("trading appears halted");
        assertThat(json.get("indicators").get("rsi").isNull()).isTrue();
        assertThat(json.get("risk").get("risk_level").asText()).isEqualTo("low");
        assertThat(json.get("risk").get("risk_bullets").get(0).asText()).contains("trading appears halted");
        assertThat(report.narrative().english()).contains("No price change and no volume for 259 bars")
                .doesNotContain("oversold").doesNotContain("RSI").doesNotContain("above its 50-day").doesNotContain("MACD is above");
        assertThat(report.narrative().thai()).contains("การซื้อขายอาจถูกระงับ").doesNotContain("ขายมากเกินไป");
        for (JsonNode m : json.get("technical_metrics")) {
            assertThat(m.get("status").asText()).as(m.get("name").asText()).isEqualTo("neutral");
        }
    }

    private static JsonNode metric(JsonNode report, String name) {
        for (JsonNode m : report.get("technical_metrics")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Test
    void demoDataIsLabelled() {
        ReportBuilder.BuiltReport report = BUILDER.build(new ReportBuilder.Input(AAPL, trend(100, 0.001), "demo", List.of(), REPORT_DATE, AT));
        assertThat(report.json().get("is_demo_data").asBoolean()).isTrue();
        assertThat(report.json().get("data_source").asText()).isEqualTo("demo");
        assertThat(report.narrative().english()).contains("Demo data");
        assertThat(report.narrative().thai()).contains("ข้อมูลตัวอย่าง");
    }

    @Test
    void buildingIsDeterministic() {
        assertThat(Json.write(aaplReport(List.of(doubleBottom())).json())).isEqualTo(Json.write(aaplReport(List.of(doubleBottom())).json()));
    }

    private static ReportBuilder.BuiltReport build(PriceHistory history) {
        return BUILDER.build(new ReportBuilder.Input(AAPL, history, "csv", List.of(), REPORT_DATE, AT));
    }

    /** A smooth trend with a small wiggle, so RSI and MACD are defined. */
    private static PriceHistory trend(int bars, double dailyDrift) {
        List<Bar> list = new ArrayList<>();
        LocalDate date = LocalDate.of(2013, 1, 1);
        double close = 100;
        for (int i = 0; i < bars; i++) {
            double open = close;
            close = open * Math.exp(dailyDrift + 0.002 * Math.sin(i * 1.7));
            list.add(new Bar(date.plusDays(i), open, Math.max(open, close) * 1.003, Math.min(open, close) * 0.997, close, 1_000 + i));
        }
        return new PriceHistory("AAPL19", list);
    }
}
