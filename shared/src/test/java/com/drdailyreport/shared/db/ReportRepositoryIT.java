package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.Report;
import com.drdailyreport.shared.domain.ReportStatus;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class ReportRepositoryIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final Instant AT = Instant.parse("2026-01-14T22:03:00Z");

    private final TestSchema db;
    private final ReportRepository reports;

    ReportRepositoryIT(TestSchema db) {
        this.db = db;
        this.reports = new ReportRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    private static JsonNode document(double price, String stance) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("ticker", "NVDA19").put("price", price).put("stance", stance).put("rsi", Double.NaN);
        json.putArray("chart_patterns").addObject().put("type", "bullish_flag");
        json.put("narrative_report", "ราคาปิดสูงกว่าเส้นค่าเฉลี่ย");
        return json;
    }

    @Test
    void roundTripComparesParsedJsonAndKeepsThaiText() {
        Ticker nvda = db.ticker("NVDA19");
        reports.upsertCompleted(nvda, DAY, document(181.5, "bullish"), "ราคาปิดสูงกว่าเส้นค่าเฉลี่ย", 42, AT);

        Report stored = reports.find("NVDA19", DAY).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReportStatus.COMPLETED);
        assertThat(stored.isCompleted()).isTrue();
        // NaN was written as null; compare parsed JSON, never text
        assertThat(stored.reportJson()).isEqualTo(Json.read(
                "{\"ticker\":\"NVDA19\",\"price\":181.5,\"stance\":\"bullish\",\"rsi\":null,"
                        + "\"chart_patterns\":[{\"type\":\"bullish_flag\"}],\"narrative_report\":\"ราคาปิดสูงกว่าเส้นค่าเฉลี่ย\"}"));
        assertThat(stored.reportText()).isEqualTo("ราคาปิดสูงกว่าเส้นค่าเฉลี่ย");
        assertThat(stored.generationTimeMs()).isEqualTo(42L);
        assertThat(stored.computedAt()).isEqualTo(AT);
        assertThat(stored.tickerId()).isEqualTo(nvda.id());
    }

    @Test
    void regeneratingTheSameDayReplacesContentWithoutAddingRows() {
        Ticker nvda = db.ticker("NVDA19");
        reports.upsertCompleted(nvda, DAY, document(181.5, "bullish"), "a", 42, AT);
        reports.upsertCompleted(nvda, DAY, document(175.0, "bearish"), "b", 40, AT.plusSeconds(60));

        assertThat(db.count("precomputed_reports", null)).isEqualTo(1);
        Report stored = reports.find("NVDA19", DAY).orElseThrow();
        assertThat(stored.reportJson().get("stance").asText()).isEqualTo("bearish");
        assertThat(stored.reportText()).isEqualTo("b");
    }

    @Test
    void aFailureNeverDestroysACompletedReportButIsRecordedOtherwise() {
        Ticker nvda = db.ticker("NVDA19");
        Ticker dbs = db.ticker("DBS19");
        reports.upsertCompleted(nvda, DAY, document(181.5, "bullish"), "good", 42, AT);

        reports.upsertFailed(nvda, DAY, "Yahoo timed out", AT.plusSeconds(30));
        reports.upsertFailed(dbs, DAY, "no price data for today", AT);

        Report kept = reports.find("NVDA19", DAY).orElseThrow();
        assertThat(kept.status()).isEqualTo(ReportStatus.COMPLETED);
        assertThat(kept.reportText()).isEqualTo("good");
        assertThat(kept.computedAt()).isEqualTo(AT);
        Report failed = reports.find("DBS19", DAY).orElseThrow();
        assertThat(failed.status()).isEqualTo(ReportStatus.FAILED);
        assertThat(failed.errorMessage()).isEqualTo("no price data for today");
        assertThat(failed.reportJson()).isNull();
        assertThat(reports.completedSymbols(DAY)).containsExactly("NVDA19");

        // a later success replaces the failure and clears the error
        reports.upsertCompleted(dbs, DAY, document(30, "neutral"), "ok", 10, AT.plusSeconds(90));
        assertThat(reports.find("DBS19", DAY).orElseThrow()).extracting(Report::status, Report::errorMessage)
                .containsExactly(ReportStatus.COMPLETED, null);
        assertThat(reports.findCompleted(DAY)).extracting(Report::symbol).containsExactly("DBS19", "NVDA19");
    }

    @Test
    void latestCompletedLooksBackWithinTheWindowOnly() {
        Ticker nvda = db.ticker("NVDA19");
        reports.upsertCompleted(nvda, DAY.minusDays(2), document(1, "bullish"), "old", 1, AT);
        reports.upsertFailed(nvda, DAY.minusDays(1), "boom", AT);

        assertThat(reports.findLatestCompleted("NVDA19", DAY, DAY.minusDays(3))).get()
                .extracting(Report::reportDate).isEqualTo(DAY.minusDays(2));
        assertThat(reports.findLatestCompleted("NVDA19", DAY, DAY.minusDays(1))).isEmpty();
    }

    @Test
    void anUnknownTickerIsAForeignKeyViolation() {
        Ticker ghost = new Ticker(999_999, "GHOST19", "GHOST", null, null, null, null, null, true);
        assertThatThrownBy(() -> reports.upsertCompleted(ghost, DAY, document(1, "x"), "t", 1, AT))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessageStartingWith("precomputed_reports: foreign key violated for symbol=GHOST19, report_date=2026-01-15, ticker_id=999999");
        assertThatThrownBy(() -> reports.upsertFailed(ghost, DAY, "x", AT)).isInstanceOf(ConstraintViolationException.class);
        assertThat(db.count("precomputed_reports", null)).isZero();
    }

    @Test
    void badInputIsRejectedBeforeSql() {
        Ticker nvda = db.ticker("NVDA19");
        assertThatThrownBy(() -> reports.upsertCompleted(nvda, DAY, Json.read("[1,2]"), "t", 1, AT))
                .isInstanceOf(InvalidValueException.class).hasMessage("report_json must be a JSON object");
        assertThatThrownBy(() -> reports.upsertCompleted(nvda, null, document(1, "x"), "t", 1, AT)).hasMessage("report_date is required");
        assertThatThrownBy(() -> reports.upsertCompleted(nvda, DAY, document(1, "x"), "t", -1, AT))
                .hasMessageStartingWith("generation_time_ms must not be negative");
        assertThat(db.count("precomputed_reports", null)).isZero();
    }
}
