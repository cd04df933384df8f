package com.drdailyreport.telegram;

import com.drdailyreport.shared.analysis.ChartPatternView;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PriceSnapshot;
import com.drdailyreport.shared.domain.Report;
import com.drdailyreport.shared.domain.StoredPattern;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.time.BusinessClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read side of {@code GET /report/{ticker}}: the report of the Bangkok business date, or —
 * between midnight and the morning run, or when a run failed — the latest one at most three days
 * old, marked {@code is_stale}; its chart patterns from {@code chart_pattern_data} (cache) or, on a
 * miss, detected here from the same {@code ticker_data} (computed, remembered per container), so a
 * failed pattern worker never empties the chart; each pattern with its type's track record
 * ({@code pattern_track_record}: the universe's and the ticker's). Only database reads; never an external call.
 */
final class ReportQueryService {

    static final int MAX_STALE_DAYS = 3;
    static final LocalTime DAILY_RUN = LocalTime.of(5, 0);

    private static final Logger LOG = LoggerFactory.getLogger(ReportQueryService.class);

    private final ReportRepository reports;
    private final ChartPatternRepository patterns;
    private final TrackRecordRepository trackRecords;
    private final PriceHistoryRepository prices;
    private final PatternDetector detector;
    private final BusinessClock clock;
    private static final int MAX_RENDERED = 1_000;

    private final Map<String, List<ChartPattern>> computed = new ConcurrentHashMap<>();
    private final Map<String, Rendered> rendered = new ConcurrentHashMap<>();

    ReportQueryService(ReportRepository reports, ChartPatternRepository patterns, TrackRecordRepository trackRecords,
                       PriceHistoryRepository prices, PatternDetector detector, BusinessClock clock) {
        this.reports = reports;
        this.patterns = patterns;
        this.trackRecords = trackRecords;
        this.prices = prices;
        this.detector = detector;
        this.clock = clock;
    }

    /**
     * The current report of {@code ticker} as served to clients.
     *
     * @throws ApiException 404 REPORT_NOT_READY (with the next run's time) when there is none yet
     */
    String current(Ticker ticker) {
        LocalDate today = clock.today();
        LocalDate oldest = today.minusDays(MAX_STALE_DAYS);
        // One small query says whether the rendered body this container holds is still what the
        // tables contain (report and pattern checksums); only on a change is the document read,
        // parsed and rendered again. Every request still reads the database, so a regenerated
        // report or a late pattern worker shows up on the next request, not after a TTL.
        Optional<ReportRepository.ReportStamp> stamp = reports.latestCompletedStamp(ticker.drSymbol(), today, oldest);
        if (stamp.isEmpty()) {
            throw notReady(ticker);
        }
        Rendered cached = rendered.get(ticker.drSymbol());
        if (cached != null && cached.stamp().equals(stamp.get()) && cached.today().equals(today)) {
            return cached.body();
        }
        Optional<Report> report = reports.findLatestCompleted(ticker.drSymbol(), today, oldest);
        if (report.isEmpty()) {
            throw notReady(ticker);
        }
        String body = Json.write(render(ticker, report.get(), today));
        if (rendered.size() >= MAX_RENDERED) {
            rendered.clear();
        }
        // the stamp read before the document: if the row changed in between, the next request
        // sees a different stamp and renders again
        rendered.put(ticker.drSymbol(), new Rendered(stamp.get(), today, body));
        return body;
    }

    private ApiException notReady(Ticker ticker) {
        return new ApiException(404, "REPORT_NOT_READY", "No report for " + ticker.drSymbol() + " yet; it is generated in the nightly run",
                Map.of("ticker", ticker.drSymbol(), "next_run_at", nextRun()));
    }

    private record Rendered(ReportRepository.ReportStamp stamp, LocalDate today, String body) {
    }

    /** The report of {@code ticker} for exactly {@code date} (a finished job's result), if still there. */
    Optional<ObjectNode> forDate(Ticker ticker, LocalDate date) {
        return reports.find(ticker.drSymbol(), date).filter(Report::isCompleted).map(r -> render(ticker, r, clock.today()));
    }

    /** The next scheduled run, 05:00 Asia/Bangkok, as ISO-8601 with offset. */
    String nextRun() {
        ZonedDateTime now = clock.now();
        ZonedDateTime next = now.with(DAILY_RUN).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        return next.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private ObjectNode render(Ticker ticker, Report report, LocalDate today) {
        ObjectNode body = report.reportJson().deepCopy();
        body.put("ticker", ticker.drSymbol());
        body.put("report_date", report.reportDate().toString());
        body.put("is_stale", !report.reportDate().equals(today));
        List<StoredPattern> stored = patterns.findForDate(ticker.drSymbol(), report.reportDate());
        List<ChartPattern> shown;
        if (!stored.isEmpty()) {
            shown = stored.stream().map(StoredPattern::pattern).toList();
            body.put("patterns_source", "cache");
        } else {
            LOG.info("cache_miss: no chart_pattern_data for {} on {}; detecting from ticker_data", ticker.drSymbol(), report.reportDate());
            shown = computed.computeIfAbsent(ticker.drSymbol() + "|" + report.reportDate(), key -> detect(ticker, report.reportDate()));
            if (computed.size() > 1_000) {
                computed.clear();
            }
            body.put("patterns_source", "computed");
        }
        boolean demo = report.reportJson().path("is_demo_data").asBoolean(false);
        List<TrackRecord> records = shown.isEmpty() ? List.of() : trackRecords.recordsFor(ticker.drSymbol(), demo);
        body.set("chart_patterns", Json.mapper().valueToTree(shown.stream()
                .sorted(java.util.Comparator.comparing(ChartPattern::end).reversed())
                .map(p -> ChartPatternView.of(p, records, ticker.drSymbol(), demo)).toList()));
        return body;
    }

    private List<ChartPattern> detect(Ticker ticker, LocalDate date) {
        Optional<PriceSnapshot> snapshot = prices.findLatest(ticker.drSymbol(), date);
        return snapshot.map(s -> detector.detect(s.history())).orElse(List.of());
    }
}
