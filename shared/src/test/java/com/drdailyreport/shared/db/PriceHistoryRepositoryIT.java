package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.PriceSnapshot;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class PriceHistoryRepositoryIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final Instant FETCHED = Instant.parse("2026-01-14T22:00:05Z");

    private final TestSchema db;
    private final PriceHistoryRepository prices;

    PriceHistoryRepositoryIT(TestSchema db) {
        this.db = db;
        this.prices = new PriceHistoryRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    private static PriceHistory history(String symbol, int bars, double start) {
        List<Bar> list = new ArrayList<>();
        LocalDate date = LocalDate.of(2025, 1, 2);
        for (int i = 0; i < bars; i++) {
            double close = start + i * 0.25;
            list.add(new Bar(date.plusDays(i), close - 0.1, close + 0.5, close - 0.5, close, 1_000L + i));
        }
        return new PriceHistory(symbol, list);
    }

    @Test
    void roundTripKeepsEveryBarAndTheMetadata() {
        Ticker nvda = db.ticker("NVDA19");
        PriceHistory history = history("NVDA19", 250, 100.0);

        prices.upsert(nvda, DAY, history, "yahoo", FETCHED);

        PriceSnapshot stored = prices.find("nvda19", DAY).orElseThrow();
        assertThat(stored.history()).isEqualTo(history);
        assertThat(stored.tickerId()).isEqualTo(nvda.id());
        assertThat(stored.source()).isEqualTo("yahoo");
        assertThat(stored.fetchedAt()).isEqualTo(FETCHED);
        assertThat(db.count("ticker_data", "row_count = 250 AND history_start_date = '2025-01-02' AND history_end_date = '2025-09-08'"))
                .isEqualTo(1);
    }

    @Test
    void theStoredJsonHasTheDocumentedShape() throws SQLException {
        prices.upsert(db.ticker("DBS19"), DAY, history("DBS19", 2, 30.0), "csv", FETCHED);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT price_history FROM ticker_data")) {
            rs.next();
            // compared as parsed JSON: MySQL normalises JSON text, MariaDB keeps it as written
            assertThat(Json.read(rs.getString(1))).isEqualTo(Json.read(
                    "[{\"date\":\"2025-01-02\",\"open\":29.9,\"high\":30.5,\"low\":29.5,\"close\":30.0,\"volume\":1000},"
                            + "{\"date\":\"2025-01-03\",\"open\":30.15,\"high\":30.75,\"low\":29.75,\"close\":30.25,\"volume\":1001}]"));
        }
    }

    @Test
    void upsertingTheSameDayAgainReplacesTheRow() {
        Ticker nvda = db.ticker("NVDA19");
        prices.upsert(nvda, DAY, history("NVDA19", 10, 100.0), "yahoo", FETCHED);
        prices.upsert(nvda, DAY, history("NVDA19", 12, 200.0), "yahoo", FETCHED.plusSeconds(60));

        assertThat(db.count("ticker_data", null)).isEqualTo(1);
        PriceSnapshot stored = prices.find("NVDA19", DAY).orElseThrow();
        assertThat(stored.history().size()).isEqualTo(12);
        assertThat(stored.history().first().close()).isEqualTo(200.0);
        assertThat(stored.fetchedAt()).isEqualTo(FETCHED.plusSeconds(60));
        prices.upsert(nvda, DAY, history("NVDA19", 12, 200.0), "yahoo", FETCHED.plusSeconds(60));
        assertThat(db.count("ticker_data", null)).isEqualTo(1);
    }

    @Test
    void findLatestTakesTheNewestSnapshotNotAfterTheDate() {
        Ticker nvda = db.ticker("NVDA19");
        prices.upsert(nvda, DAY.minusDays(2), history("NVDA19", 5, 100.0), "yahoo", FETCHED);
        prices.upsert(nvda, DAY, history("NVDA19", 6, 100.0), "yahoo", FETCHED);

        assertThat(prices.findLatest("NVDA19", DAY.minusDays(1))).get().extracting(PriceSnapshot::date).isEqualTo(DAY.minusDays(2));
        assertThat(prices.findLatest("NVDA19", DAY.plusDays(3))).get().extracting(PriceSnapshot::date).isEqualTo(DAY);
        assertThat(prices.findLatest("NVDA19", DAY.minusDays(3))).isEmpty();
        assertThat(prices.rowCountsForDate(DAY)).containsExactly(java.util.Map.entry("NVDA19", 6));
    }

    @Test
    void anUnknownTickerIsAForeignKeyViolationNamingTheKey() {
        Ticker ghost = new Ticker(999_999, "GHOST19", "GHOST", null, null, null, null, null, true);
        assertThatThrownBy(() -> prices.upsert(ghost, DAY, history("GHOST19", 3, 10.0), "yahoo", FETCHED))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessage("ticker_data: foreign key violated for symbol=GHOST19, date=2026-01-15, ticker_master_id=999999:"
                        + " ticker_master_id does not reference an existing ticker_master row");
        assertThat(db.count("ticker_data", null)).isZero();
    }

    @Test
    void badInputIsRejectedBeforeSqlNamingTheField() {
        Ticker nvda = db.ticker("NVDA19");
        assertThatThrownBy(() -> prices.upsert(nvda, DAY, history("DBS19", 3, 10.0), "yahoo", FETCHED))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("symbol of the price history (DBS19)");
        assertThatThrownBy(() -> prices.upsert(nvda, DAY, new PriceHistory("NVDA19", List.of()), "yahoo", FETCHED))
                .hasMessage("price_history must contain at least one bar");
        assertThatThrownBy(() -> prices.upsert(nvda, DAY, history("NVDA19", 3, 10.0), " ", FETCHED))
                .hasMessage("source must not be empty");
        // a NaN close never becomes a Bar, so it can never reach the table
        assertThatThrownBy(() -> new Bar(DAY, 1, 2, 0.5, Double.NaN, 1)).hasMessage("close must be a finite number, was NaN");
        assertThatThrownBy(() -> prices.find("", DAY)).hasMessage("symbol must not be empty");
        assertThat(db.count("ticker_data", null)).isZero();
    }

    @Test
    void aCorruptStoredRowIsReportedNotReturned() {
        Ticker nvda = db.ticker("NVDA19");
        db.execute("INSERT INTO ticker_data (ticker_master_id, symbol, date, price_history, row_count, source) VALUES ("
                + nvda.id() + ", 'NVDA19', '2026-01-15', '[{\"date\":\"2026-01-14\",\"open\":1,\"high\":2,\"low\":0.5,\"close\":-3,\"volume\":1}]', 1, 'x')");
        assertThatThrownBy(() -> prices.find("NVDA19", DAY)).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("stored price_history of NVDA19 is unreadable").hasMessageContaining("close must be greater than 0");
    }
}
