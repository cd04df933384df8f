package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class TrackRecordRepositoryIT {

    private static final Instant AT = Instant.parse("2026-01-14T22:04:00Z");
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 14);

    private final TestSchema db;
    private final TrackRecordRepository repository;

    TrackRecordRepositoryIT(TestSchema db) {
        this.db = db;
        this.repository = new TrackRecordRepository(db.dataSource());
    }

    @BeforeEach
    void empty() {
        db.deleteData();
    }

    private static PatternEvent event(PatternType type, String start, PatternEvent.Outcome outcome, Double baseRate) {
        LocalDate s = LocalDate.parse(start);
        return new PatternEvent(type, s, s.plusDays(20), Confidence.MEDIUM, 0.61, outcome,
                outcome == PatternEvent.Outcome.HIT ? 7 : null, 3.25, 8.5, 4.0, baseRate);
    }

    private static TrackRecord record(String scope, PatternType type, Confidence confidence, int cases, int hits) {
        return new TrackRecord(scope, type, confidence, AS_OF, cases, hits, 1, cases == 0 ? null : Math.round(hits * 10_000.0 / cases) / 10_000.0, 0.3125, 1.2,
                9, 2.5, 40, false, cases < 10 ? TrackRecord.Verdict.TOO_FEW_CASES : TrackRecord.Verdict.NOT_BETTER_THAN_CHANCE);
    }

    @Test
    void eventsOfATickerAreReplacedExactlyAndReadBackWithTheirNulls() {
        Ticker nvda = db.ticker("NVDA19");
        Ticker dbs = db.ticker("DBS19");
        List<PatternEvent> first = List.of(event(PatternType.DOUBLE_TOP, "2025-06-02", PatternEvent.Outcome.HIT, 0.25),
                event(PatternType.BULLISH_FLAG, "2025-07-01", PatternEvent.Outcome.OPEN, null));
        repository.replaceEvents(nvda, first, false, "3.0.0", AT);
        repository.replaceEvents(dbs, List.of(event(PatternType.VCP, "2025-05-05", PatternEvent.Outcome.FAILED, 0.4)), false, "3.0.0", AT);
        repository.replaceEvents(nvda, first, false, "3.0.0", AT); // a re-run
        assertThat(db.count("pattern_track_events", null)).isEqualTo(3);
        assertThat(repository.events(false)).containsExactlyInAnyOrderElementsOf(
                List.of(first.get(0), first.get(1), event(PatternType.VCP, "2025-05-05", PatternEvent.Outcome.FAILED, 0.4)));

        // the next night one event is gone and one changed: the stored set follows exactly
        PatternEvent decided = event(PatternType.BULLISH_FLAG, "2025-07-01", PatternEvent.Outcome.NO_RESULT, 0.3);
        repository.replaceEvents(nvda, List.of(decided), false, "3.0.0", AT);
        assertThat(db.count("pattern_track_events", "symbol = 'NVDA19'")).isEqualTo(1);
        assertThat(repository.events(false)).contains(decided).doesNotContain(first.get(0));
        // demo events are kept apart
        assertThat(repository.events(true)).isEmpty();
        repository.replaceEvents(nvda, List.of(decided), true, "3.0.0", AT);
        assertThat(repository.events(true)).containsExactly(decided);
        assertThat(repository.events(false)).hasSize(1); // NVDA19's real events were replaced by demo ones
    }

    @Test
    void recordsPerScopeAreReplacedAndAChecksReadSeesTheUniverseAndTheTickerOnly() {
        repository.replaceRecords(TrackRecord.UNIVERSE, false, List.of(record("*", PatternType.DOUBLE_TOP, null, 52, 31),
                record("*", PatternType.DOUBLE_TOP, Confidence.HIGH, 12, 9)), "3.0.0", AT);
        repository.replaceRecords("NVDA19", false, List.of(record("NVDA19", PatternType.DOUBLE_TOP, null, 3, 2)), "3.0.0", AT);
        repository.replaceRecords("DBS19", false, List.of(record("DBS19", PatternType.VCP, null, 4, 1)), "3.0.0", AT);
        repository.replaceRecords(TrackRecord.UNIVERSE, true, List.of(record("*", PatternType.VCP, null, 40, 10)), "3.0.0", AT);

        List<TrackRecord> nvda = repository.recordsFor("NVDA19", false);
        assertThat(nvda).extracting(TrackRecord::scope).containsExactlyInAnyOrder("*", "*", "NVDA19");
        TrackRecord universe = nvda.stream().filter(r -> r.scope().equals("*") && r.confidence() == null).findFirst().orElseThrow();
        assertThat(universe).isEqualTo(record("*", PatternType.DOUBLE_TOP, null, 52, 31));
        assertThat(repository.recordsFor("NVDA19", true)).extracting(TrackRecord::type).containsExactly(PatternType.VCP);

        // a re-run with fewer records removes the others of that scope only
        repository.replaceRecords(TrackRecord.UNIVERSE, false, List.of(record("*", PatternType.DOUBLE_TOP, null, 53, 31)), "3.0.0", AT);
        repository.replaceRecords(TrackRecord.UNIVERSE, false, List.of(record("*", PatternType.DOUBLE_TOP, null, 53, 31)), "3.0.0", AT);
        assertThat(db.count("pattern_track_record", "scope = '*' AND demo = FALSE")).isEqualTo(1);
        assertThat(db.count("pattern_track_record", null)).isEqualTo(4);
        assertThat(repository.counts()).containsExactly(0, 4);
    }

    @Test
    void badScopesAreRejectedBeforeAnySql() {
        assertThatThrownBy(() -> repository.replaceRecords("not a symbol!", false, List.of(), "3.0.0", AT))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("scope");
        assertThatThrownBy(() -> repository.recordsFor("x y", false)).isInstanceOf(InvalidValueException.class);
    }
}
