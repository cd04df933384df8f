package com.drdailyreport.scheduler;

import static com.drdailyreport.shared.testing.LambdaHarness.fixture;
import static com.drdailyreport.shared.testing.LambdaHarness.invokeJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.JobStatus;
import com.drdailyreport.shared.domain.PriceSnapshot;
import com.drdailyreport.shared.domain.ReportJob;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.market.DemoPriceSource;
import com.drdailyreport.shared.market.PriceData;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.market.PriceSourceException;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class TickerSchedulerHandlerIT {

    private final SchedulerFixture f;
    /** Records the asynchronous invokes; the real Lambda client is exercised against moto in LambdaControllerTriggerIT. */
    private final List<String> triggered = new CopyOnWriteArrayList<>();

    TickerSchedulerHandlerIT(TestSchema db) {
        this.f = new SchedulerFixture(db);
    }

    @BeforeEach
    void empty() {
        f.db.deleteData();
        triggered.clear();
    }

    @Test
    void theScheduledRunFetchesEveryActiveTickerAndStartsThePrecompute() {
        TickerSchedulerHandler handler = new TickerSchedulerHandler(f.fetcher(new DemoPriceSource(f.clock), 5), triggered::add, f.retention());

        JsonNode result = invokeJson(handler, fixture("events/scheduler/ticker-scheduler-schedule.json"));

        assertThat(result.get("status").asText()).isEqualTo("success");
        assertThat(result.get("success_count").asInt()).isEqualTo(56);
        assertThat(result.get("failed_count").asInt()).isZero();
        assertThat(result.get("date").asText()).isEqualTo("2026-01-15");
        assertThat(result.get("precompute_triggered").asBoolean()).isTrue();
        assertThat(f.db.count("ticker_data", "date = '2026-01-15'")).isEqualTo(56);
        assertThat(triggered).hasSize(1);
        JsonNode payload = Json.read(triggered.getFirst());
        assertThat(payload.get("action").asText()).isEqualTo("start");
        assertThat(payload.get("source").asText()).isEqualTo("scheduler");
        assertThat(payload.get("fetch_summary").get("success_count").asInt()).isEqualTo(56);
    }

    @Test
    void oneTickersFailureIsIsolatedAndNamed() {
        PriceSource flaky = new PriceSource() {
            private final DemoPriceSource demo = new DemoPriceSource(f.clock);

            @Override
            public PriceData fetch(Ticker ticker) {
                if (ticker.drSymbol().equals("DBS19")) {
                    throw new PriceSourceException("Yahoo returned HTTP 404 for D05.SI", false);
                }
                return demo.fetch(ticker);
            }

            @Override
            public String name() {
                return "demo";
            }
        };
        TickerSchedulerHandler handler = new TickerSchedulerHandler(f.fetcher(flaky, 3), triggered::add, f.retention());

        JsonNode result = invokeJson(handler, fixture("events/scheduler/ticker-scheduler-some.json"));

        assertThat(result.get("status").asText()).isEqualTo("partial");
        assertThat(result.get("succeeded").toString()).isEqualTo("[\"NVDA19\"]");
        assertThat(result.get("failed").toString()).isEqualTo("[{\"ticker\":\"DBS19\",\"error\":\"Yahoo returned HTTP 404 for D05.SI\"},"
                + "{\"ticker\":\"NOTREAL19\",\"error\":\"not an active ticker of the DR universe\"}]");
        assertThat(result.get("precompute_triggered").asBoolean()).isTrue();
    }

    @Test
    void nothingFetchedMeansNoPrecomputeAndATriggerFailureIsReportedNotFatal() {
        PriceSource down = new PriceSource() {
            @Override
            public PriceData fetch(Ticker ticker) {
                throw new PriceSourceException("Yahoo rate limited (HTTP 429) after 3 attempts", true);
            }

            @Override
            public String name() {
                return "yahoo";
            }
        };
        JsonNode none = invokeJson(new TickerSchedulerHandler(f.fetcher(down, 5), triggered::add, f.retention()), "{\"tickers\":[\"NVDA19\"]}");
        assertThat(none.get("status").asText()).isEqualTo("error");
        assertThat(none.get("precompute_triggered").asBoolean()).isFalse();
        assertThat(triggered).isEmpty();

        JsonNode unreachable = invokeJson(new TickerSchedulerHandler(f.fetcher(new DemoPriceSource(f.clock), 5), payload -> {
            throw new IllegalStateException("asynchronous invoke of dr-daily-report-precompute-controller-dev answered HTTP 500");
        }, f.retention()), "{\"tickers\":[\"NVDA19\"]}");
        assertThat(unreachable.get("status").asText()).isEqualTo("success");
        assertThat(unreachable.get("precompute_triggered").asBoolean()).isFalse();
        assertThat(unreachable.get("precompute_error").asText()).contains("HTTP 500");
    }

    @Test
    void atHalfPastMidnightInBangkokTheSnapshotCarriesTheBangkokDate() {
        // 2025-12-29T17:30Z = 2025-12-30 00:30 Asia/Bangkok: the earlier system stored 2025-12-29.
        SchedulerFixture late = new SchedulerFixture(f.db, Instant.parse("2025-12-29T17:30:00Z"));
        JsonNode result = invokeJson(new TickerSchedulerHandler(late.fetcher(new DemoPriceSource(late.clock), 2), triggered::add, f.retention()),
                "{\"tickers\":[\"NVDA19\"]}");

        assertThat(result.get("date").asText()).isEqualTo("2025-12-30");
        assertThat(f.prices.find("NVDA19", LocalDate.of(2025, 12, 30))).get().extracting(PriceSnapshot::date)
                .isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(f.prices.find("NVDA19", LocalDate.of(2025, 12, 29))).isEmpty();
    }

    @Test
    void concurrencyIsBounded() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        DemoPriceSource demo = new DemoPriceSource(f.clock);
        PriceSource slow = new PriceSource() {
            @Override
            public PriceData fetch(Ticker ticker) {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return demo.fetch(ticker);
            }

            @Override
            public String name() {
                return "demo";
            }
        };
        JsonNode result = invokeJson(new TickerSchedulerHandler(f.fetcher(slow, 3), triggered::add, f.retention()), "{}");
        assertThat(result.get("success_count").asInt()).isEqualTo(56);
        assertThat(peak.get()).isBetween(2, 3);
    }

    @Test
    void aBadTickerListIsAnErrorResult() {
        JsonNode result = invokeJson(new TickerSchedulerHandler(f.fetcher(new DemoPriceSource(f.clock), 5), triggered::add, f.retention()),
                fixture("events/scheduler/ticker-scheduler-bad-list.json"));
        assertThat(result.get("status").asText()).isEqualTo("error");
        assertThat(result.get("error").asText()).isEqualTo("tickers must be a list of symbols");
        assertThat(f.db.count("ticker_data", null)).isZero();
    }

    @Test
    void theNightlyRunFailsJobsWhoseWorkerIsGoneAndPurgesFinishedOnesOlderThanAWeek() {
        Instant now = SchedulerFixture.RUN_TIME;
        ReportJob lost = f.jobs.create(f.db.ticker("NVDA19"), "telegram_api", now.minus(java.time.Duration.ofHours(20)));
        f.jobs.markInProgress(lost.jobId(), now.minus(java.time.Duration.ofHours(20)));
        ReportJob recent = f.jobs.create(f.db.ticker("DBS19"), "telegram_api", now.minusSeconds(30));
        ReportJob old = f.jobs.create(f.db.ticker("AAPL19"), "telegram_api", now.minus(java.time.Duration.ofDays(8)));
        f.jobs.markCompleted(old.jobId(), SchedulerFixture.TODAY.minusDays(8), now.minus(java.time.Duration.ofDays(8)));
        ReportJob lastWeek = f.jobs.create(f.db.ticker("AAPL19"), "telegram_api", now.minus(java.time.Duration.ofDays(6)));
        f.jobs.markCompleted(lastWeek.jobId(), SchedulerFixture.TODAY.minusDays(6), now.minus(java.time.Duration.ofDays(6)));

        JsonNode result = invokeJson(new TickerSchedulerHandler(f.fetcher(new DemoPriceSource(f.clock), 5), triggered::add, f.retention()),
                "{\"tickers\":[\"NVDA19\"]}");

        assertThat(result.get("status").asText()).isEqualTo("success");
        assertThat(result.at("/report_jobs/status").asText()).isEqualTo("success");
        assertThat(result.at("/report_jobs/expired").asInt()).isEqualTo(1);
        assertThat(result.at("/report_jobs/purged").asInt()).isEqualTo(1);
        assertThat(f.jobs.find(lost.jobId()).orElseThrow()).extracting(ReportJob::status, ReportJob::error)
                .containsExactly(JobStatus.FAILED, ReportJob.STALE_REASON);
        assertThat(f.jobs.find(recent.jobId()).orElseThrow().status()).isEqualTo(JobStatus.PENDING);
        assertThat(f.jobs.find(old.jobId())).isEmpty();
        assertThat(f.jobs.find(lastWeek.jobId())).isPresent();
    }
}
