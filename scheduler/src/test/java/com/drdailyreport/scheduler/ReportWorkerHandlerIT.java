package com.drdailyreport.scheduler;

import static com.drdailyreport.shared.testing.LambdaHarness.fixture;
import static com.drdailyreport.shared.testing.LambdaHarness.invokeJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.JobStatus;
import com.drdailyreport.shared.domain.Report;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.domain.ReportStatus;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class ReportWorkerHandlerIT {

    private final SchedulerFixture f;
    private final ReportWorkerHandler handler;

    ReportWorkerHandlerIT(TestSchema db) {
        this.f = new SchedulerFixture(db);
        this.handler = new ReportWorkerHandler(f.reportWorker());
    }

    @BeforeEach
    void empty() {
        f.db.deleteData();
    }

    @Test
    void aMapItemBuildsAndStoresTodaysReport() {
        f.storeDemoPrices("NVDA19");

        JsonNode result = invokeJson(handler, fixture("events/scheduler/report-worker-map-item.json"));

        assertThat(result.get("status").asText()).isEqualTo("success");
        assertThat(result.get("ticker").asText()).isEqualTo("NVDA19");
        assertThat(result.get("date").asText()).isEqualTo("2026-01-15");
        assertThat(result.has("error")).isFalse();
        Report stored = f.reports.find("NVDA19", SchedulerFixture.TODAY).orElseThrow();
        assertThat(stored.status()).isEqualTo(ReportStatus.COMPLETED);
        assertThat(stored.reportJson().get("ticker").asText()).isEqualTo("NVDA19");
        assertThat(stored.reportJson().get("data_source").asText()).isEqualTo("demo");
        assertThat(stored.reportText()).contains("NVDA19");
    }

    @Test
    void runningTwiceKeepsOneRow() {
        f.storeDemoPrices("NVDA19");
        invokeJson(handler, fixture("events/scheduler/report-worker-map-item.json"));
        invokeJson(handler, fixture("events/scheduler/report-worker-map-item.json"));
        assertThat(f.db.count("precomputed_reports", null)).isEqualTo(1);
    }

    @Test
    void withoutTodaysPricesItIsAnErrorResultAndAFailedRow() {
        JsonNode result = invokeJson(handler, fixture("events/scheduler/report-worker-map-item.json"));

        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(result.get("error").asText()).isEqualTo("no price data for NVDA19 on 2026-01-15 (the nightly fetch has not stored it)");
        assertThat(f.reports.find("NVDA19", SchedulerFixture.TODAY)).get().extracting(Report::status).isEqualTo(ReportStatus.FAILED);
    }

    @Test
    void aJobMovesToCompletedAndNamesTheReportDate() {
        f.storeDemoPrices("NVDA19");
        ReportJob job = f.jobs.create(f.db.ticker("NVDA19"), "telegram_api", SchedulerFixture.RUN_TIME);

        JsonNode result = invokeJson(handler, fixture("events/scheduler/report-worker-job.json").replace("JOB_ID", job.jobId()));

        assertThat(result.get("status").asText()).isEqualTo("success");
        assertThat(result.get("job_id").asText()).isEqualTo(job.jobId());
        assertThat(f.jobs.find(job.jobId()).orElseThrow()).extracting(ReportJob::status, ReportJob::reportDate)
                .containsExactly(JobStatus.COMPLETED, SchedulerFixture.TODAY);

        // a redelivery of the same invocation does not reopen the job
        JsonNode again = invokeJson(handler, fixture("events/scheduler/report-worker-job.json").replace("JOB_ID", job.jobId()));
        assertThat(again.get("status").asText()).isEqualTo("error");
        assertThat(again.get("error").asText()).isEqualTo("job " + job.jobId() + " is already completed");
    }

    @Test
    void aJobWithoutPricesFailsWithTheReason() {
        ReportJob job = f.jobs.create(f.db.ticker("NVDA19"), "telegram_api", SchedulerFixture.RUN_TIME);
        JsonNode result = invokeJson(handler, fixture("events/scheduler/report-worker-job.json").replace("JOB_ID", job.jobId()));
        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(f.jobs.find(job.jobId()).orElseThrow()).extracting(ReportJob::status).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void badInputIsAnErrorResultNotAnException() {
        assertThat(invokeJson(handler, fixture("events/scheduler/report-worker-no-ticker.json")).get("error").asText())
                .isEqualTo("ticker is required (a DR symbol such as NVDA19)");
        assertThat(invokeJson(handler, fixture("events/scheduler/report-worker-ticker-not-text.json")).get("error").asText())
                .isEqualTo("ticker must be a string");
        JsonNode unknown = invokeJson(handler, "{\"ticker\":\"NOTREAL19\"}");
        assertThat(unknown.get("status").asText()).isEqualTo("error");
        assertThat(unknown.get("error").asText()).isEqualTo("unknown ticker NOTREAL19: not an active DR symbol");
        JsonNode injected = invokeJson(handler, "{\"ticker\":\"NVDA19'; DROP TABLE precomputed_reports;--\"}");
        assertThat(injected.get("status").asText()).isEqualTo("error");
        assertThat(injected.get("error").asText()).startsWith("symbol is not a ticker symbol");
        assertThat(f.db.count("precomputed_reports", null)).isZero();
    }
}
