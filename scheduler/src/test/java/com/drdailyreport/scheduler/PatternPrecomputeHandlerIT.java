package com.drdailyreport.scheduler;

import static com.drdailyreport.shared.testing.LambdaHarness.fixture;
import static com.drdailyreport.shared.testing.LambdaHarness.invokeJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class PatternPrecomputeHandlerIT {

    private final SchedulerFixture f;
    private final PatternPrecomputeHandler handler;

    PatternPrecomputeHandlerIT(TestSchema db) {
        this.f = new SchedulerFixture(db);
        this.handler = new PatternPrecomputeHandler(f.patternWorker());
    }

    @BeforeEach
    void empty() {
        f.db.deleteData();
    }

    @Test
    void detectsFromTodaysPricesAndStoresExactlyWhatItFound() {
        Ticker nvda = f.storeDemoPrices("NVDA19");

        JsonNode result = invokeJson(handler, fixture("events/scheduler/pattern-precompute-map-item.json"));

        assertThat(result.get("status").asText()).isEqualTo("success");
        assertThat(result.get("ticker_id").asInt()).isEqualTo(nvda.id());
        int found = result.get("patterns_found").asInt();
        assertThat(result.get("patterns_stored").asInt()).isEqualTo(found);
        assertThat(f.db.count("chart_pattern_data", "symbol = 'NVDA19' AND pattern_date = '2026-01-15'"
                + " AND implementation = 'custom' AND ticker_id = " + nvda.id())).isEqualTo(found);
        // idempotent
        invokeJson(handler, fixture("events/scheduler/pattern-precompute-map-item.json"));
        assertThat(f.db.count("chart_pattern_data", null)).isEqualTo(found);
    }

    @Test
    void theRunbooksTickerIdIsCheckedAgainstTheTicker() {
        Ticker nvda = f.storeDemoPrices("NVDA19");
        JsonNode ok = invokeJson(handler, fixture("events/scheduler/pattern-precompute-runbook.json")
                .replace("TICKER_ID", Integer.toString(nvda.id())));
        assertThat(ok.get("status").asText()).isEqualTo("success");

        JsonNode wrong = invokeJson(handler, fixture("events/scheduler/pattern-precompute-wrong-id.json"));
        assertThat(wrong.get("status").asText()).isEqualTo("error");
        assertThat(wrong.get("error").asText()).isEqualTo("ticker_id 999999 does not match NVDA19 (its id is " + nvda.id() + ")");
        assertThat(invokeJson(handler, "{\"ticker\":\"NVDA19\",\"ticker_id\":1.5}").get("error").asText())
                .isEqualTo("ticker_id must be an integer");
    }

    @Test
    void anUnknownTickerIsAnErrorNeverAPlaceholderRow() {
        JsonNode result = invokeJson(handler, fixture("events/scheduler/pattern-precompute-unknown.json"));
        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(result.get("error").asText()).isEqualTo("unknown ticker NOTREAL19: not an active DR symbol");
        assertThat(f.db.count("chart_pattern_data", null)).isZero();
    }

    @Test
    void withoutTodaysPricesNothingIsStored() {
        JsonNode result = invokeJson(handler, fixture("events/scheduler/pattern-precompute-map-item.json"));
        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(result.get("error").asText()).startsWith("no price data for NVDA19 on 2026-01-15");
        assertThat(f.db.count("chart_pattern_data", null)).isZero();
    }
}
