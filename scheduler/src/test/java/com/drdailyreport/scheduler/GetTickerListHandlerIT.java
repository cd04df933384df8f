package com.drdailyreport.scheduler;

import static com.drdailyreport.shared.testing.LambdaHarness.fixture;
import static com.drdailyreport.shared.testing.LambdaHarness.invokeJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class GetTickerListHandlerIT {

    private final SchedulerFixture f;

    GetTickerListHandlerIT(TestSchema db) {
        this.f = new SchedulerFixture(db);
    }

    @Test
    void listsTheActiveDrSymbols() {
        f.tickers.setActive(f.db.ticker("UOB19").id(), false);
        try {
            JsonNode result = invokeJson(new GetTickerListHandler(f.tickers, f.retry), fixture("events/scheduler/get-ticker-list.json"));
            List<String> symbols = new ArrayList<>();
            result.get("tickers").forEach(t -> symbols.add(t.asText()));
            assertThat(result.get("status").asText()).isEqualTo("success");
            assertThat(result.get("count").asInt()).isEqualTo(55).isEqualTo(symbols.size());
            assertThat(symbols).contains("NVDA19", "DBS19", "TENCENT19").doesNotContain("UOB19").isSorted()
                    .allSatisfy(s -> assertThat(s).endsWith("19"));
        } finally {
            f.tickers.setActive(f.db.ticker("UOB19").id(), true);
        }
    }

    @Test
    void anUnreachableDatabaseIsAnErrorResult() {
        com.drdailyreport.shared.config.DatabaseConfig nowhere = new com.drdailyreport.shared.config.DatabaseConfig(
                "jdbc:mysql://127.0.0.1:1/none", "u", "p", 1);
        try (com.zaxxer.hikari.HikariDataSource pool = com.drdailyreport.shared.db.DataSources.create(nowhere, "nowhere")) {
            JsonNode result = invokeJson(new GetTickerListHandler(new com.drdailyreport.shared.db.TickerRepository(pool),
                    new DatabaseRetry(1, 1, java.util.random.RandomGenerator.getDefault(), millis -> { })), "{}");
            assertThat(result.get("status").asText()).isEqualTo("error");
            assertThat(result.get("error").asText()).startsWith("could not read the ticker list: ticker_master: database unavailable");
        }
    }
}
