package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.StoredPattern;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * {@code chart_pattern_data} (Migration 020): detected patterns per DR symbol and Bangkok
 * analysis date, at most one row per (pattern type, implementation) — the unique key
 * {@code uk_symbol_date_pattern_impl}. {@code pattern_data} holds
 * {@code {"pattern": family, "direction", "state", "state_date", "points": {"A": ["2026-01-05", 155.5], …},
 * "measurements": {…}}}.
 */
public final class ChartPatternRepository {

    /** Detector implementations the table accepts. */
    public static final Set<String> IMPLEMENTATIONS = Set.of("custom", "stock_pattern", "talib", "ml_detector");

    private static final String SELECT = "SELECT id, ticker_id, symbol, pattern_date, pattern_type, implementation,"
            + " impl_version, confidence, start_date, end_date, pattern_data, detected_at FROM chart_pattern_data";

    private static final String UPSERT = "INSERT INTO chart_pattern_data (ticker_id, symbol, pattern_date, pattern_type,"
            + " pattern_code, implementation, impl_version, confidence, start_date, end_date, pattern_data, detected_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON DUPLICATE KEY UPDATE ticker_id = VALUES(ticker_id), pattern_code = VALUES(pattern_code),"
            + " impl_version = VALUES(impl_version), confidence = VALUES(confidence), start_date = VALUES(start_date),"
            + " end_date = VALUES(end_date), pattern_data = VALUES(pattern_data), detected_at = VALUES(detected_at)";

    private final Jdbc jdbc;

    public ChartPatternRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Stores one pattern; storing the same type again for the same day and implementation
     * replaces it.
     *
     * @throws InvalidValueException        for an unknown implementation or an empty version
     * @throws ConstraintViolationException when the ticker does not exist
     */
    public void upsert(Ticker ticker, LocalDate patternDate, String implementation, String implVersion,
                       ChartPattern pattern, Instant detectedAt) {
        replaceOrUpsert(ticker, patternDate, implementation, implVersion, List.of(pattern), detectedAt, false);
    }

    /**
     * Makes the stored patterns of {@code ticker} for {@code patternDate} and {@code implementation}
     * exactly {@code patterns}, in one transaction: each one upserted, any other type of that day
     * deleted. Running a detection twice leaves the same rows.
     */
    public void replaceForDate(Ticker ticker, LocalDate patternDate, String implementation, String implVersion,
                               List<ChartPattern> patterns, Instant detectedAt) {
        replaceOrUpsert(ticker, patternDate, implementation, implVersion, patterns, detectedAt, true);
    }

    private void replaceOrUpsert(Ticker ticker, LocalDate patternDate, String implementation, String implVersion,
                                 List<ChartPattern> patterns, Instant detectedAt, boolean deleteOthers) {
        Checks.present("pattern_date", patternDate);
        Checks.present("detected_at", detectedAt);
        Checks.present("patterns", patterns);
        String impl = implementation(implementation);
        String version = Checks.text("impl_version", implVersion, 20);
        Set<PatternType> types = new HashSet<>();
        for (ChartPattern pattern : patterns) {
            Checks.present("pattern", pattern);
            if (!types.add(pattern.type())) {
                throw new InvalidValueException("pattern_type", pattern.type().wireName() + " is listed twice for one day");
            }
        }
        String key = "symbol=" + ticker.drSymbol() + ", pattern_date=" + patternDate + ", implementation=" + impl
                + ", ticker_id=" + ticker.id();
        jdbc.transaction("chart_pattern_data", key, connection -> {
            for (ChartPattern pattern : patterns) {
                int rows = jdbc.update(connection, UPSERT, ticker.id(), ticker.drSymbol(), patternDate, pattern.type().wireName(),
                        pattern.type().code(), impl, version, pattern.confidence().wireName(), pattern.start(), pattern.end(),
                        Json.write(patternData(pattern)), detectedAt);
                Jdbc.requireRows(rows, "chart_pattern_data", key + ", pattern_type=" + pattern.type().wireName());
            }
            if (deleteOthers) {
                deleteOtherTypes(connection, ticker.drSymbol(), patternDate, impl, types);
            }
            return null;
        });
    }

    private void deleteOtherTypes(Connection connection, String symbol, LocalDate date, String impl,
                                         Set<PatternType> keep) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(symbol, date, impl));
        StringBuilder sql = new StringBuilder("DELETE FROM chart_pattern_data WHERE symbol = ? AND pattern_date = ? AND implementation = ?");
        if (!keep.isEmpty()) {
            sql.append(" AND pattern_type NOT IN (").append(String.join(", ", Collections.nCopies(keep.size(), "?"))).append(')');
            keep.stream().map(PatternType::wireName).sorted().forEach(params::add);
        }
        jdbc.update(connection, sql.toString(), params.toArray());
    }

    /** The patterns of {@code symbol} stored for exactly {@code date}, newest end date first. */
    public List<StoredPattern> findForDate(String symbol, LocalDate date) {
        return jdbc.query("chart_pattern_data", SELECT + " WHERE symbol = ? AND pattern_date = ? ORDER BY end_date DESC, pattern_type",
                ChartPatternRepository::map, Checks.symbol("symbol", symbol), Checks.present("pattern_date", date));
    }

    /** The patterns of {@code symbol} from its newest analysis date within [notBefore, onOrBefore]. */
    public List<StoredPattern> findLatest(String symbol, LocalDate onOrBefore, LocalDate notBefore) {
        String normalized = Checks.symbol("symbol", symbol);
        Optional<LocalDate> newest = jdbc.queryOne("chart_pattern_data",
                "SELECT MAX(pattern_date) FROM chart_pattern_data WHERE symbol = ? AND pattern_date <= ? AND pattern_date >= ?",
                rs -> rs.getObject(1, LocalDate.class), normalized, Checks.present("pattern_date", onOrBefore),
                Checks.present("pattern_date", notBefore));
        return newest.map(date -> findForDate(normalized, date)).orElse(List.of());
    }

    /** Rows stored for {@code date}, per symbol (symbols with none are absent). */
    public Map<String, Integer> countsForDate(LocalDate date) {
        return jdbc.query("chart_pattern_data",
                        "SELECT symbol, COUNT(*) FROM chart_pattern_data WHERE pattern_date = ? GROUP BY symbol",
                        rs -> Map.entry(rs.getString(1), rs.getInt(2)), Checks.present("pattern_date", date))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String implementation(String implementation) {
        String impl = Checks.text("implementation", implementation, 50);
        if (!IMPLEMENTATIONS.contains(impl)) {
            throw new InvalidValueException("implementation", "'" + impl + "' is not one of " + IMPLEMENTATIONS.stream().sorted().toList());
        }
        return impl;
    }

    private static ObjectNode patternData(ChartPattern pattern) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.put("pattern", pattern.type().family());
        data.put("direction", pattern.direction().wireName());
        data.put("state", pattern.state().wireName());
        data.put("state_date", pattern.stateDate().toString());
        data.set("points", Json.mapper().valueToTree(pattern.points()));
        data.set("measurements", Json.mapper().valueToTree(pattern.measurements()));
        return data;
    }

    private static StoredPattern map(ResultSet rs) throws SQLException {
        String symbol = rs.getString("symbol");
        JsonNode data = Json.read(rs.getString("pattern_data"));
        Map<String, PatternPoint> points = new LinkedHashMap<>();
        data.path("points").properties().forEach(e ->
                points.put(e.getKey(), Json.mapper().convertValue(e.getValue(), PatternPoint.class)));
        Map<String, Double> measurements = new LinkedHashMap<>();
        data.path("measurements").properties().forEach(e ->
                measurements.put(e.getKey(), e.getValue().isNumber() ? e.getValue().doubleValue() : null));
        PatternType type = PatternType.fromName(rs.getString("pattern_type"));
        LocalDate end = rs.getObject("end_date", LocalDate.class);
        // rows written before lifecycles existed carry no state: forming as of their end, pointing the type's way
        PatternState state = data.hasNonNull("state") ? PatternState.fromName(data.get("state").asText()) : PatternState.FORMING;
        LocalDate stateDate = data.hasNonNull("state_date") ? LocalDate.parse(data.get("state_date").asText()) : end;
        PatternType.Direction direction = data.hasNonNull("direction") && type.direction() == PatternType.Direction.NEUTRAL
                ? PatternType.Direction.fromName(data.get("direction").asText()) : type.direction();
        ChartPattern pattern = new ChartPattern(type, Confidence.fromName(rs.getString("confidence")),
                rs.getObject("start_date", LocalDate.class), end, points, measurements, state, stateDate, direction);
        return new StoredPattern(rs.getLong("id"), rs.getInt("ticker_id"), symbol, rs.getObject("pattern_date", LocalDate.class),
                rs.getString("implementation"), rs.getString("impl_version"), pattern, Jdbc.instant(rs, "detected_at"));
    }
}
