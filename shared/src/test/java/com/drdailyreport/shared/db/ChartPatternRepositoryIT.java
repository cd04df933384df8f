package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.StoredPattern;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class ChartPatternRepositoryIT {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 15);
    private static final Instant AT = Instant.parse("2026-01-14T22:04:00Z");

    private final TestSchema db;
    private final ChartPatternRepository patterns;

    ChartPatternRepositoryIT(TestSchema db) {
        this.db = db;
        this.patterns = new ChartPatternRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    private static ChartPattern flag(double a, Confidence confidence) {
        Map<String, PatternPoint> points = new LinkedHashMap<>();
        points.put("A", new PatternPoint(LocalDate.of(2026, 1, 1), a));
        points.put("B", new PatternPoint(LocalDate.of(2026, 1, 5), 155.5));
        points.put("C", new PatternPoint(LocalDate.of(2026, 1, 10), 152.0));
        return new ChartPattern(PatternType.BULLISH_FLAG, confidence, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 10),
                points, Map.of("breakout_level", 156.0, "target", 161.25));
    }

    private static ChartPattern doubleTop() {
        Map<String, PatternPoint> points = new LinkedHashMap<>();
        points.put("A", new PatternPoint(LocalDate.of(2025, 12, 1), 120));
        points.put("B", new PatternPoint(LocalDate.of(2025, 12, 10), 110));
        points.put("C", new PatternPoint(LocalDate.of(2025, 12, 20), 119.5));
        return new ChartPattern(PatternType.DOUBLE_TOP, Confidence.MEDIUM, LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 20),
                points, Map.of("neckline", 110.0));
    }

    @Test
    void roundTripKeepsTypeCodeDatesPointsAndMeasurements() throws SQLException {
        Ticker nvda = db.ticker("NVDA19");
        patterns.upsert(nvda, DAY, "custom", "1.0.0", flag(150.25, Confidence.HIGH), AT);

        List<StoredPattern> stored = patterns.findForDate("NVDA19", DAY);
        assertThat(stored).hasSize(1);
        StoredPattern row = stored.getFirst();
        assertThat(row.pattern()).isEqualTo(flag(150.25, Confidence.HIGH));
        assertThat(row.tickerId()).isEqualTo(nvda.id());
        assertThat(row.implementation()).isEqualTo("custom");
        assertThat(row.implVersion()).isEqualTo("1.0.0");
        assertThat(row.detectedAt()).isEqualTo(AT);
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pattern_code, confidence, start_date, end_date, pattern_data FROM chart_pattern_data")) {
            rs.next();
            assertThat(rs.getString("pattern_code")).isEqualTo("FLAGU");
            assertThat(rs.getString("confidence")).isEqualTo("high");
            assertThat(rs.getString("start_date")).isEqualTo("2026-01-01");
            assertThat(Json.read(rs.getString("pattern_data"))).isEqualTo(Json.read(
                    "{\"pattern\":\"flag\",\"direction\":\"bullish\",\"state\":\"forming\",\"state_date\":\"2026-01-10\",\"points\":{\"A\":[\"2026-01-01\",150.25],"
                            + "\"B\":[\"2026-01-05\",155.5],\"C\":[\"2026-01-10\",152.0]},"
                            + "\"measurements\":{\"breakout_level\":156.0,\"target\":161.25}}"));
        }
    }

    @Test
    void upsertingTheSameKeyAgainUpdatesInPlace() {
        Ticker nvda = db.ticker("NVDA19");
        patterns.upsert(nvda, DAY, "custom", "1.0.0", flag(150.25, Confidence.LOW), AT);
        patterns.upsert(nvda, DAY, "custom", "1.1.0", flag(149.0, Confidence.HIGH), AT.plusSeconds(10));

        assertThat(db.count("chart_pattern_data", null)).isEqualTo(1);
        StoredPattern row = patterns.findForDate("NVDA19", DAY).getFirst();
        assertThat(row.pattern().confidence()).isEqualTo(Confidence.HIGH);
        assertThat(row.pattern().points().get("A").price()).isEqualTo(149.0);
        assertThat(row.implVersion()).isEqualTo("1.1.0");
        // another implementation is another row (the unique key includes it)
        patterns.upsert(nvda, DAY, "stock_pattern", "0.3", flag(150.25, Confidence.MEDIUM), AT);
        assertThat(db.count("chart_pattern_data", null)).isEqualTo(2);
    }

    @Test
    void replaceForDateMakesTheDaysSetExactAndIsIdempotent() {
        Ticker nvda = db.ticker("NVDA19");
        patterns.replaceForDate(nvda, DAY, "custom", "1.0.0", List.of(flag(150.25, Confidence.HIGH), doubleTop()), AT);
        patterns.replaceForDate(nvda, DAY, "custom", "1.0.0", List.of(flag(150.25, Confidence.HIGH), doubleTop()), AT);
        assertThat(db.count("chart_pattern_data", null)).isEqualTo(2);
        assertThat(patterns.countsForDate(DAY)).containsExactly(Map.entry("NVDA19", 2));

        patterns.replaceForDate(nvda, DAY, "custom", "1.0.0", List.of(doubleTop()), AT);
        assertThat(patterns.findForDate("NVDA19", DAY)).extracting(p -> p.pattern().type()).containsExactly(PatternType.DOUBLE_TOP);

        patterns.replaceForDate(nvda, DAY, "custom", "1.0.0", List.of(), AT);
        assertThat(db.count("chart_pattern_data", null)).isZero();
    }

    @Test
    void findLatestReturnsTheNewestDayInTheWindow() {
        Ticker nvda = db.ticker("NVDA19");
        patterns.upsert(nvda, DAY.minusDays(3), "custom", "1.0.0", doubleTop(), AT);
        patterns.upsert(nvda, DAY.minusDays(1), "custom", "1.0.0", flag(150.25, Confidence.HIGH), AT);

        assertThat(patterns.findLatest("NVDA19", DAY, DAY.minusDays(7))).extracting(StoredPattern::patternDate).containsExactly(DAY.minusDays(1));
        assertThat(patterns.findLatest("NVDA19", DAY.minusDays(2), DAY.minusDays(7))).extracting(StoredPattern::patternDate)
                .containsExactly(DAY.minusDays(3));
        assertThat(patterns.findLatest("NVDA19", DAY.minusDays(4), DAY.minusDays(7))).isEmpty();
    }

    @Test
    void aPatternForAnUnknownTickerIsRejectedWithTheKeyAndNothingIsWritten() {
        Ticker ghost = new Ticker(999_999, "GHOST19", "GHOST", null, null, null, null, null, true);
        assertThatThrownBy(() -> patterns.replaceForDate(ghost, DAY, "custom", "1.0.0", List.of(flag(150.25, Confidence.HIGH), doubleTop()), AT))
                .isInstanceOf(ConstraintViolationException.class)
                .hasMessage("chart_pattern_data: foreign key violated for symbol=GHOST19, pattern_date=2026-01-15, implementation=custom,"
                        + " ticker_id=999999: ticker_id does not reference an existing ticker_master row")
                .extracting(e -> ((ConstraintViolationException) e).kind()).isEqualTo(ConstraintViolationException.Kind.FOREIGN_KEY);
        assertThat(db.count("chart_pattern_data", null)).isZero();
    }

    @Test
    void badInputIsRejectedBeforeSqlNamingTheField() {
        Ticker nvda = db.ticker("NVDA19");
        assertThatThrownBy(() -> patterns.upsert(nvda, DAY, "magic", "1.0.0", doubleTop(), AT))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("implementation 'magic' is not one of");
        assertThatThrownBy(() -> patterns.upsert(nvda, DAY, "custom", "", doubleTop(), AT)).hasMessage("impl_version must not be empty");
        assertThatThrownBy(() -> patterns.replaceForDate(nvda, DAY, "custom", "1", List.of(doubleTop(), doubleTop()), AT))
                .hasMessage("pattern_type double_top is listed twice for one day");
        assertThatThrownBy(() -> PatternType.fromName("unicorn")).hasMessageStartingWith("pattern_type 'unicorn' is not a known pattern type");
        assertThat(db.count("chart_pattern_data", null)).isZero();
    }

    @Test
    void legacyRowsWithAliasTypesAreReadable() {
        Ticker nvda = db.ticker("NVDA19");
        db.execute("INSERT INTO chart_pattern_data (ticker_id, symbol, pattern_date, pattern_type, pattern_code, implementation,"
                + " confidence, start_date, end_date, pattern_data) VALUES (" + nvda.id() + ", 'NVDA19', '2026-01-15',"
                + " 'reverse_head_shoulders', 'IHS', 'custom', 'medium', '2026-01-01', '2026-01-03',"
                + " '{\"points\":{\"A\":[\"2026-01-01\",10.5],\"B\":[\"2026-01-03\",9.5]}}')");
        assertThat(patterns.findForDate("NVDA19", DAY)).singleElement()
                .satisfies(p -> assertThat(p.pattern().type()).isEqualTo(PatternType.INVERSE_HEAD_SHOULDERS))
                .satisfies(p -> assertThat(p.pattern().measurements()).isEmpty());
    }
}
