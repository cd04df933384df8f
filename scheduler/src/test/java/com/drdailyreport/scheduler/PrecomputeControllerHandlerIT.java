package com.drdailyreport.scheduler;

import static com.drdailyreport.shared.testing.LambdaHarness.fixture;
import static com.drdailyreport.shared.testing.LambdaHarness.invokeJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class PrecomputeControllerHandlerIT {

    private final SchedulerFixture f;
    /** (name, input) of each start; StepFunctionsStarterIT exercises the real SDK client against moto. */
    private final List<String[]> started = new ArrayList<>();
    private final PrecomputeControllerHandler handler;

    PrecomputeControllerHandlerIT(TestSchema db) {
        this.f = new SchedulerFixture(db);
        PrecomputeStarter recorder = (name, input) -> {
            started.add(new String[] {name, input});
            return "arn:aws:states:ap-southeast-1:123456789012:execution:dr-daily-report-precompute-workflow-dev:" + name;
        };
        this.handler = new PrecomputeControllerHandler(new PrecomputeController(recorder, f.clock, new Random(3)), f.summarizer());
    }

    @BeforeEach
    void empty() {
        f.db.deleteData();
        started.clear();
    }

    @Test
    void startRecordsWhoTriggeredItAndNamesTheExecutionUniquely() {
        JsonNode first = invokeJson(handler, fixture("events/scheduler/precompute-controller-post-deploy.json"));
        JsonNode second = invokeJson(handler, fixture("events/scheduler/precompute-controller-from-scheduler.json"));

        assertThat(first.get("status").asText()).isEqualTo("success");
        assertThat(first.get("triggered_by").asText()).isEqualTo("post-deploy");
        assertThat(second.get("triggered_by").asText()).isEqualTo("scheduler");
        // same second, different names: precompute-<Bangkok time>-<random>
        assertThat(first.get("execution_name").asText()).startsWith("precompute-20260115-051000-");
        assertThat(second.get("execution_name").asText()).startsWith("precompute-20260115-051000-")
                .isNotEqualTo(first.get("execution_name").asText());
        JsonNode input = Json.read(started.get(1)[1]);
        assertThat(input.get("triggered_by").asText()).isEqualTo("scheduler");
        assertThat(input.get("business_date").asText()).isEqualTo("2026-01-15");
        assertThat(input.get("fetch_summary").get("success_count").asInt()).isEqualTo(56);
        assertThat(invokeJson(handler, "{}").get("triggered_by").asText()).isEqualTo("manual");
    }

    @Test
    void summarizeCountsWorkersAndTheDatabaseAndIsNeverGreenWithMissingRows() {
        f.storeDemoPrices("NVDA19");
        assertThat(f.reportWorker().generate("NVDA19").status()).isEqualTo("success");

        JsonNode summary = invokeJson(handler, fixture("events/scheduler/precompute-controller-summarize.json"));

        assertThat(summary.get("status").asText()).isEqualTo("error");
        assertThat(summary.get("date").asText()).isEqualTo("2026-01-15");
        assertThat(summary.get("active_tickers").asInt()).isEqualTo(56);
        JsonNode reports = summary.get("reports");
        assertThat(reports.get("reported").asInt()).isEqualTo(3);
        assertThat(reports.get("succeeded").asInt()).isEqualTo(1);
        assertThat(reports.get("rows_in_database").asInt()).isEqualTo(1);
        assertThat(reports.get("failed").findValuesAsText("ticker")).containsExactly("DBS19", "TENCENT19");
        JsonNode patterns = summary.get("patterns");
        assertThat(patterns.get("failed").get(0).get("ticker").asText()).isEqualTo("DBS19");
        assertThat(patterns.get("failed").get(0).get("error").asText()).isEqualTo("no status field at all");
        assertThat(summary.get("missing_reports")).hasSize(55);
        assertThat(summary.get("missing_reports").toString()).doesNotContain("NVDA19").contains("DBS19", "TENCENT19");
        assertThat(summary.get("error").asText()).startsWith("55 of 56 active tickers have no report for 2026-01-15");
    }

    @Test
    void unknownActionsAreErrors() {
        JsonNode result = invokeJson(handler, fixture("events/scheduler/precompute-controller-unknown-action.json"));
        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(result.get("error").asText()).isEqualTo("unknown action 'explode': expected start or summarize");
        assertThat(started).isEmpty();
    }
}
