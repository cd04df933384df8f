package com.drdailyreport.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.market.CsvPriceSource;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole nightly pipeline in-process on a real database, with CSV prices for all 56 tickers:
 * fetch → ticker list → report and pattern workers for each (both Maps at once, bounded) →
 * summarize; the summary's counts must equal COUNT(*) of today's rows.
 */
@ExtendWith(DatabaseExtension.class)
class NightlyPipelineIT {

    private final SchedulerFixture f;

    NightlyPipelineIT(TestSchema db) {
        this.f = new SchedulerFixture(db);
    }

    @BeforeEach
    void empty() {
        f.db.deleteData();
    }

    @Test
    void allFiftySixTickersGetTodaysReportAndPatternsAndTheCountsMatchTheDatabase(@TempDir Path prices) throws Exception {
        PricesOnDisk.write(prices, f.tickers.findActive(), SchedulerFixture.TODAY, 250);
        InProcessPipeline pipeline = new InProcessPipeline(f, f.fetcher(new CsvPriceSource(prices), 5), 3, 3);

        InProcessPipeline.Result first = pipeline.run();

        assertThat(first.fetch().get("success_count").asInt()).isEqualTo(56);
        JsonNode summary = first.summary();
        assertThat(summary.get("status").asText()).isEqualTo("success");
        assertThat(summary.has("error")).isFalse();
        assertThat(summary.get("active_tickers").asInt()).isEqualTo(56);
        assertThat(summary.get("missing_reports")).isEmpty();
        assertThat(summary.get("reports").get("succeeded").asInt()).isEqualTo(56);
        assertThat(summary.get("reports").get("rows_in_database").asInt())
                .isEqualTo(f.db.count("precomputed_reports", "report_date = '2026-01-15' AND status = 'completed'")).isEqualTo(56);
        assertThat(summary.get("patterns").get("succeeded").asInt()).isEqualTo(56);
        int patternRows = f.db.count("chart_pattern_data", "pattern_date = '2026-01-15'");
        assertThat(summary.get("patterns").get("rows_in_database").asInt()).isEqualTo(patternRows);
        assertThat(patternRows).as("demo series do contain patterns").isPositive();
        assertThat(f.db.count("ticker_data", "date = '2026-01-15'")).isEqualTo(56);
        // the track record: every ticker's past patterns, its own aggregates and the universe's
        int events = f.db.count("pattern_track_events", null);
        int records = f.db.count("pattern_track_record", null);
        assertThat(events).as("a year of demo bars holds past patterns").isPositive();
        assertThat(f.db.count("pattern_track_events", "demo = FALSE")).as("CSV prices are not demo prices").isEqualTo(events);
        assertThat(f.db.count("pattern_track_record", "scope = '*' AND demo = FALSE AND confidence = 'all'")).isPositive();
        assertThat(summary.get("track_record").get("events").asInt()).isEqualTo(events);
        assertThat(summary.get("track_record").get("records").asInt()).isEqualTo(records);

        // a second run the same day changes no row counts
        InProcessPipeline.Result second = pipeline.run();
        assertThat(second.summary().get("status").asText()).isEqualTo("success");
        assertThat(f.db.count("ticker_data", null)).isEqualTo(56);
        assertThat(f.db.count("precomputed_reports", null)).isEqualTo(56);
        assertThat(f.db.count("chart_pattern_data", null)).isEqualTo(patternRows);
        assertThat(f.db.count("pattern_track_events", null)).isEqualTo(events);
        assertThat(f.db.count("pattern_track_record", null)).isEqualTo(records);
    }

    @Test
    void aTickerWithCorruptDataFailsAloneAndIsNamedInTheSummary(@TempDir Path prices) throws Exception {
        PricesOnDisk.write(prices, f.tickers.findActive(), SchedulerFixture.TODAY, 250);
        List<String> lines = Files.readAllLines(prices.resolve("DBS19.csv"));
        lines.set(100, lines.get(100).replaceFirst(",[^,]+,", ",NaN,")); // a NaN open on one line
        Files.write(prices.resolve("DBS19.csv"), lines);

        InProcessPipeline.Result result = new InProcessPipeline(f, f.fetcher(new CsvPriceSource(prices), 5), 3, 3).run();

        assertThat(result.fetch().get("failed").toString()).contains("DBS19").contains("line 101 open must be a finite number");
        JsonNode summary = result.summary();
        assertThat(summary.get("status").asText()).isEqualTo("error");
        assertThat(summary.get("missing_reports").toString()).isEqualTo("[\"DBS19\"]");
        assertThat(summary.get("reports").get("failed").findValuesAsText("ticker")).containsExactly("DBS19");
        assertThat(summary.get("patterns").get("failed").findValuesAsText("ticker")).containsExactly("DBS19");
        assertThat(summary.get("reports").get("succeeded").asInt()).isEqualTo(55);
        assertThat(summary.get("error").asText()).contains("1 of 56 active tickers have no report for 2026-01-15: DBS19");
        assertThat(f.db.count("precomputed_reports", "status = 'completed'")).isEqualTo(55);
        assertThat(f.db.count("ticker_data", "symbol = 'DBS19'")).isZero();
    }
}
