package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TrackRecord;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * The chart-pattern track record (Migration 022): {@code pattern_track_events}, every past pattern
 * of a ticker with its outcome, and {@code pattern_track_record}, the aggregates per scope (a DR
 * symbol or {@link TrackRecord#UNIVERSE}), type and confidence, apart for demo and real prices. Each
 * write makes the stored set exactly the given one, in one transaction, so a re-run leaves the same rows.
 */
public final class TrackRecordRepository {

    private static final String EVENT_UPSERT = "INSERT INTO pattern_track_events (ticker_id, symbol, pattern_type, start_date,"
            + " reported_date, impl_version, confidence, quality, outcome, bars_to_outcome, return_pct, target_pct, stop_pct, base_rate,"
            + " demo, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE ticker_id = VALUES(ticker_id), reported_date = VALUES(reported_date),"
            + " impl_version = VALUES(impl_version), confidence = VALUES(confidence), quality = VALUES(quality),"
            + " outcome = VALUES(outcome), bars_to_outcome = VALUES(bars_to_outcome), return_pct = VALUES(return_pct),"
            + " target_pct = VALUES(target_pct), stop_pct = VALUES(stop_pct), base_rate = VALUES(base_rate), demo = VALUES(demo),"
            + " computed_at = VALUES(computed_at)";

    private static final String RECORD_UPSERT = "INSERT INTO pattern_track_record (scope, pattern_type, confidence, demo, as_of,"
            + " impl_version, cases, hits, failures, hit_rate, base_rate, z_score, median_bars_to_target, mean_return_pct, horizon_bars,"
            + " verdict, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE as_of = VALUES(as_of), impl_version = VALUES(impl_version), cases = VALUES(cases),"
            + " hits = VALUES(hits), failures = VALUES(failures), hit_rate = VALUES(hit_rate), base_rate = VALUES(base_rate),"
            + " z_score = VALUES(z_score), median_bars_to_target = VALUES(median_bars_to_target),"
            + " mean_return_pct = VALUES(mean_return_pct), horizon_bars = VALUES(horizon_bars), verdict = VALUES(verdict),"
            + " computed_at = VALUES(computed_at)";

    private static final String RECORD_SELECT = "SELECT scope, pattern_type, confidence, demo, as_of, cases, hits, failures, hit_rate,"
            + " base_rate, z_score, median_bars_to_target, mean_return_pct, horizon_bars, verdict FROM pattern_track_record";

    private final Jdbc jdbc;

    public TrackRecordRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Makes the stored events of {@code ticker} exactly {@code events}. */
    public void replaceEvents(Ticker ticker, List<PatternEvent> events, boolean demo, String implVersion, Instant computedAt) {
        Checks.present("events", events);
        Checks.present("computed_at", computedAt);
        String version = Checks.text("impl_version", implVersion, 20);
        String key = "symbol=" + ticker.drSymbol();
        jdbc.transaction("pattern_track_events", key, connection -> {
            jdbc.update(connection, "DELETE FROM pattern_track_events WHERE symbol = ? AND (impl_version <> ? OR demo <> ?)",
                    ticker.drSymbol(), version, demo);
            List<Object> keep = new ArrayList<>();
            for (PatternEvent e : events) {
                jdbc.update(connection, EVENT_UPSERT, ticker.id(), ticker.drSymbol(), e.type().wireName(), e.start(), e.reported(), version,
                        e.confidence().wireName(), e.quality(), e.outcome().wireName(), e.barsToOutcome(), e.returnPct(), e.targetPct(),
                        e.stopPct(), e.baseRate(), demo, computedAt);
                keep.add(e.type().wireName() + "|" + e.start());
            }
            deleteOthers(connection, "pattern_track_events", "symbol = ?", ticker.drSymbol(),
                    "CONCAT(pattern_type, '|', start_date)", keep);
            return null;
        });
    }

    /** Makes the stored records of {@code scope} (and demo flag) exactly {@code records}. */
    public void replaceRecords(String scope, boolean demo, List<TrackRecord> records, String implVersion, Instant computedAt) {
        String normalized = TrackRecord.UNIVERSE.equals(scope) ? scope : Checks.symbol("scope", scope);
        String version = Checks.text("impl_version", implVersion, 20);
        jdbc.transaction("pattern_track_record", "scope=" + normalized, connection -> {
            List<Object> keep = new ArrayList<>();
            for (TrackRecord r : records) {
                String confidence = r.confidence() == null ? "all" : r.confidence().wireName();
                jdbc.update(connection, RECORD_UPSERT, normalized, r.type().wireName(), confidence, demo, r.asOf(), version, r.cases(),
                        r.hits(), r.failures(), r.hitRate(), r.baseRate(), r.zScore(), r.medianBarsToTarget(), r.meanReturnPct(),
                        r.horizon(), r.verdict().wireName(), computedAt);
                keep.add(r.type().wireName() + "|" + confidence);
            }
            deleteOthers(connection, "pattern_track_record", "scope = ? AND demo = " + (demo ? "TRUE" : "FALSE"), normalized,
                    "CONCAT(pattern_type, '|', confidence)", keep);
            return null;
        });
    }

    private void deleteOthers(Connection connection, String table, String where, String scope, String keyExpression,
                                     List<Object> keep) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(scope);
        StringBuilder sql = new StringBuilder("DELETE FROM ").append(table).append(" WHERE ").append(where);
        if (!keep.isEmpty()) {
            sql.append(" AND ").append(keyExpression).append(" NOT IN (").append(String.join(", ", Collections.nCopies(keep.size(), "?")))
                    .append(')');
            params.addAll(keep);
        }
        jdbc.update(connection, sql.toString(), params.toArray());
    }

    /** Every stored event of real (or demo) prices, for the universe's record. */
    public List<PatternEvent> events(boolean demo) {
        return jdbc.query("pattern_track_events", "SELECT pattern_type, start_date, reported_date, confidence, quality, outcome,"
                        + " bars_to_outcome, return_pct, target_pct, stop_pct, base_rate FROM pattern_track_events WHERE demo = ?"
                        + " ORDER BY symbol, reported_date, pattern_type",
                TrackRecordRepository::event, demo);
    }

    /** The records a ticker's patterns are shown with: the universe's and the ticker's own. */
    public List<TrackRecord> recordsFor(String symbol, boolean demo) {
        return jdbc.query("pattern_track_record", RECORD_SELECT + " WHERE scope IN (?, ?) AND demo = ? ORDER BY scope, pattern_type,"
                + " confidence", TrackRecordRepository::record, TrackRecord.UNIVERSE, Checks.symbol("symbol", symbol), demo);
    }

    /** Row counts of both tables (for the run summary and idempotence checks). */
    public int[] counts() {
        return jdbc.queryOne("pattern_track_record", "SELECT (SELECT COUNT(*) FROM pattern_track_events),"
                + " (SELECT COUNT(*) FROM pattern_track_record)", rs -> new int[] {rs.getInt(1), rs.getInt(2)}).orElse(new int[2]);
    }

    private static PatternEvent event(ResultSet rs) throws SQLException {
        return new PatternEvent(PatternType.fromName(rs.getString("pattern_type")), rs.getObject("start_date", LocalDate.class),
                rs.getObject("reported_date", LocalDate.class), Confidence.fromName(rs.getString("confidence")),
                rs.getDouble("quality"), PatternEvent.Outcome.fromName(rs.getString("outcome")), Jdbc.nullableInt(rs, "bars_to_outcome"),
                nullableDouble(rs, "return_pct"), nullableDouble(rs, "target_pct"), nullableDouble(rs, "stop_pct"),
                nullableDouble(rs, "base_rate"));
    }

    private static TrackRecord record(ResultSet rs) throws SQLException {
        String confidence = rs.getString("confidence");
        return new TrackRecord(rs.getString("scope"), PatternType.fromName(rs.getString("pattern_type")),
                "all".equals(confidence) ? null : Confidence.fromName(confidence), rs.getObject("as_of", LocalDate.class),
                rs.getInt("cases"), rs.getInt("hits"), rs.getInt("failures"), nullableDouble(rs, "hit_rate"),
                nullableDouble(rs, "base_rate"), nullableDouble(rs, "z_score"), Jdbc.nullableInt(rs, "median_bars_to_target"),
                nullableDouble(rs, "mean_return_pct"), rs.getInt("horizon_bars"), rs.getBoolean("demo"),
                TrackRecord.Verdict.fromName(rs.getString("verdict")));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
