package com.drdailyreport.shared.db;

import com.drdailyreport.shared.domain.Checks;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.Report;
import com.drdailyreport.shared.domain.ReportStatus;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** {@code precomputed_reports}: one report per DR symbol and Bangkok business date. */
public final class ReportRepository {

    private static final String SELECT = "SELECT id, ticker_id, symbol, report_date, status, report_json, report_text,"
            + " error_message, generation_time_ms, computed_at FROM precomputed_reports";

    private final Jdbc jdbc;

    public ReportRepository(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /**
     * Stores a finished report; generating it again the same day replaces content and clears any error.
     *
     * @throws InvalidValueException        when the document is missing or not a JSON object
     * @throws ConstraintViolationException when the ticker does not exist
     */
    public void upsertCompleted(Ticker ticker, LocalDate reportDate, JsonNode reportJson, String reportText,
                                long generationTimeMs, Instant computedAt) {
        Checks.present("report_date", reportDate);
        Checks.present("computed_at", computedAt);
        if (reportJson == null || !reportJson.isObject()) {
            throw new InvalidValueException("report_json", "must be a JSON object");
        }
        if (generationTimeMs < 0) {
            throw new InvalidValueException("generation_time_ms", "must not be negative, was " + generationTimeMs);
        }
        String key = key(ticker, reportDate);
        int rows = jdbc.update("precomputed_reports", key,
                "INSERT INTO precomputed_reports (ticker_id, symbol, report_date, status, report_json, report_text,"
                        + " error_message, generation_time_ms, computed_at) VALUES (?, ?, ?, 'completed', ?, ?, NULL, ?, ?)"
                        + " ON DUPLICATE KEY UPDATE ticker_id = VALUES(ticker_id), status = VALUES(status),"
                        + " report_json = VALUES(report_json), report_text = VALUES(report_text), error_message = NULL,"
                        + " generation_time_ms = VALUES(generation_time_ms), computed_at = VALUES(computed_at)",
                ticker.id(), ticker.drSymbol(), reportDate, Json.write(reportJson), reportText, generationTimeMs, computedAt);
        Jdbc.requireRows(rows, "precomputed_reports", key);
    }

    /**
     * Records that generating the day's report failed. A report already completed that day is
     * kept as it is (a failed retry never destroys a good report); only the error is noted.
     */
    public void upsertFailed(Ticker ticker, LocalDate reportDate, String error, Instant computedAt) {
        Checks.present("report_date", reportDate);
        Checks.present("computed_at", computedAt);
        String message = Checks.text("error_message", error == null || error.isBlank() ? "unknown error" : error, 60_000);
        String key = key(ticker, reportDate);
        int rows = jdbc.update("precomputed_reports", key,
                "INSERT INTO precomputed_reports (ticker_id, symbol, report_date, status, error_message, computed_at)"
                        + " VALUES (?, ?, ?, 'failed', ?, ?)"
                        + " ON DUPLICATE KEY UPDATE error_message = VALUES(error_message),"
                        + " computed_at = IF(status = 'completed', computed_at, VALUES(computed_at)),"
                        + " status = IF(status = 'completed', status, VALUES(status))",
                ticker.id(), ticker.drSymbol(), reportDate, message, computedAt);
        Jdbc.requireRows(rows, "precomputed_reports", key);
    }

    /** The report row of {@code symbol} for exactly {@code date}, whatever its status. */
    public Optional<Report> find(String symbol, LocalDate date) {
        return jdbc.queryOne("precomputed_reports", SELECT + " WHERE symbol = ? AND report_date = ?",
                ReportRepository::map, Checks.symbol("symbol", symbol), Checks.present("report_date", date));
    }

    /** The newest completed report of {@code symbol} dated within [notBefore, onOrBefore]. */
    public Optional<Report> findLatestCompleted(String symbol, LocalDate onOrBefore, LocalDate notBefore) {
        return jdbc.queryOne("precomputed_reports", SELECT
                        + " WHERE symbol = ? AND status = 'completed' AND report_date <= ? AND report_date >= ?"
                        + " ORDER BY report_date DESC LIMIT 1",
                ReportRepository::map, Checks.symbol("symbol", symbol), Checks.present("report_date", onOrBefore),
                Checks.present("report_date", notBefore));
    }

    /**
     * What identifies the content of a served report without reading it: the date and a checksum of
     * the newest completed report of {@code symbol} within [notBefore, onOrBefore], and the count and
     * a checksum of that date's {@code chart_pattern_data} rows, and when the track records its patterns
     * are shown with (the ticker's and the universe's) were last written. One small row, one round trip;
     * a reader that cached the rendered report can tell whether it is still current.
     */
    public record ReportStamp(LocalDate reportDate, long reportChecksum, int patternCount, long patternChecksum,
                              long trackRecordWritten) {
    }

    /** The {@link ReportStamp} of the report {@link #findLatestCompleted} would return, if any. */
    public Optional<ReportStamp> latestCompletedStamp(String symbol, LocalDate onOrBefore, LocalDate notBefore) {
        String normalized = Checks.symbol("symbol", symbol);
        return jdbc.queryOne("precomputed_reports",
                "SELECT r.report_date, CRC32(r.report_json),"
                        + " (SELECT COUNT(*) FROM chart_pattern_data p WHERE p.symbol = r.symbol AND p.pattern_date = r.report_date),"
                        + " (SELECT COALESCE(SUM(CRC32(CONCAT_WS('|', p.pattern_type, p.implementation, p.confidence, p.start_date,"
                        + " p.end_date, p.pattern_data))), 0) FROM chart_pattern_data p"
                        + " WHERE p.symbol = r.symbol AND p.pattern_date = r.report_date),"
                        + " (SELECT COALESCE(UNIX_TIMESTAMP(MAX(t.computed_at)), 0) FROM pattern_track_record t"
                        + " WHERE t.scope IN ('*', r.symbol))"
                        + " FROM precomputed_reports r"
                        + " WHERE r.symbol = ? AND r.status = 'completed' AND r.report_date <= ? AND r.report_date >= ?"
                        + " ORDER BY r.report_date DESC LIMIT 1",
                rs -> new ReportStamp(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getLong(5)),
                normalized, Checks.present("report_date", onOrBefore), Checks.present("report_date", notBefore));
    }

    /** Every completed report for {@code date}, ordered by symbol. */
    public List<Report> findCompleted(LocalDate date) {
        return jdbc.query("precomputed_reports", SELECT + " WHERE report_date = ? AND status = 'completed' ORDER BY symbol",
                ReportRepository::map, Checks.present("report_date", date));
    }

    /** The DR symbols with a completed report for {@code date}. */
    public List<String> completedSymbols(LocalDate date) {
        return jdbc.query("precomputed_reports",
                "SELECT symbol FROM precomputed_reports WHERE report_date = ? AND status = 'completed' ORDER BY symbol",
                rs -> rs.getString(1), Checks.present("report_date", date));
    }

    /** The fields rankings need from one completed report, read without parsing the whole document. */
    public record RankingRow(String symbol, String companyName, String currency, Double price, Double priceChangePct,
                             Double volumeRatio, String stance, LocalDate reportDate, boolean demoData) {
    }

    /** The newest date within [notBefore, onOrBefore] that has completed reports. */
    public Optional<LocalDate> latestCompletedDate(LocalDate onOrBefore, LocalDate notBefore) {
        return jdbc.queryOne("precomputed_reports",
                "SELECT MAX(report_date) FROM precomputed_reports WHERE status = 'completed' AND report_date <= ? AND report_date >= ?",
                rs -> rs.getObject(1, LocalDate.class), Checks.present("report_date", onOrBefore), Checks.present("report_date", notBefore));
    }

    /** Ranking fields of every completed report of {@code date}, by symbol. */
    public List<RankingRow> rankingRows(LocalDate date) {
        return jdbc.query("precomputed_reports",
                "SELECT symbol, report_date,"
                        + " JSON_UNQUOTE(JSON_EXTRACT(report_json, '$.company_name')) AS company_name,"
                        + " JSON_UNQUOTE(JSON_EXTRACT(report_json, '$.currency')) AS currency,"
                        + " JSON_EXTRACT(report_json, '$.price') AS price,"
                        + " JSON_EXTRACT(report_json, '$.price_change_pct') AS price_change_pct,"
                        + " JSON_EXTRACT(report_json, '$.indicators.volume_ratio') AS volume_ratio,"
                        + " JSON_UNQUOTE(JSON_EXTRACT(report_json, '$.stance')) AS stance,"
                        + " JSON_EXTRACT(report_json, '$.is_demo_data') AS is_demo_data"
                        + " FROM precomputed_reports WHERE report_date = ? AND status = 'completed' ORDER BY symbol",
                rs -> new RankingRow(rs.getString("symbol"), rs.getString("company_name"), rs.getString("currency"),
                        number(rs.getString("price")), number(rs.getString("price_change_pct")), number(rs.getString("volume_ratio")),
                        rs.getString("stance"), rs.getObject("report_date", LocalDate.class), "true".equals(rs.getString("is_demo_data"))),
                Checks.present("report_date", date));
    }

    /** A JSON_EXTRACT result as a number: SQL NULL, JSON null or anything not numeric is null. */
    private static Double number(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        try {
            double d = Double.parseDouble(json);
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String key(Ticker ticker, LocalDate date) {
        return "symbol=" + ticker.drSymbol() + ", report_date=" + date + ", ticker_id=" + ticker.id();
    }

    private static Report map(ResultSet rs) throws SQLException {
        String json = rs.getString("report_json");
        long generation = rs.getLong("generation_time_ms");
        Long generationTime = rs.wasNull() ? null : generation;
        return new Report(rs.getLong("id"), rs.getInt("ticker_id"), rs.getString("symbol"),
                rs.getObject("report_date", LocalDate.class), ReportStatus.fromName(rs.getString("status")),
                json == null ? null : Json.read(json), rs.getString("report_text"), rs.getString("error_message"),
                generationTime, Jdbc.instant(rs, "computed_at"));
    }
}
