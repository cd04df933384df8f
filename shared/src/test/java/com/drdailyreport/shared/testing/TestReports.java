package com.drdailyreport.shared.testing;

import com.drdailyreport.shared.analysis.ReportBuilder;
import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.market.DemoPriceSource;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.patterns.PatternTrackRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Stores what the nightly pipeline would have stored for one ticker and day, from the deterministic demo prices. */
public final class TestReports {

    private TestReports() {
    }

    /**
     * Prices (250 demo bars ending {@code date}), the report, and — when {@code withPatternRows} — the
     * day's {@code chart_pattern_data} rows and the track record, all as the workers write them.
     *
     * @return the report document stored
     */
    public static ReportBuilder.BuiltReport store(TestSchema db, String symbol, LocalDate date, boolean withPatternRows, Instant now) {
        Ticker ticker = db.ticker(symbol);
        PriceHistory history = DemoPriceSource.series(symbol, ticker.currency(), date, 250);
        new PriceHistoryRepository(db.dataSource()).upsert(ticker, date, history, "demo", now);
        List<ChartPattern> patterns = new PatternDetector().detect(history);
        ReportBuilder.BuiltReport report = new ReportBuilder().build(new ReportBuilder.Input(ticker, history, "demo", patterns, date, now));
        new ReportRepository(db.dataSource()).upsertCompleted(ticker, date, report.json(), report.narrative().thai(), 5, now);
        if (withPatternRows) {
            new ChartPatternRepository(db.dataSource()).replaceForDate(ticker, date, PatternDetector.IMPLEMENTATION, PatternDetector.VERSION,
                    patterns, now);
            // the track record as the pattern worker (the ticker's) and the run summary (the universe's) write it
            TrackRecordRepository records = new TrackRecordRepository(db.dataSource());
            List<PatternEvent> events = PatternTrackRecord.events(history);
            records.replaceEvents(ticker, events, true, PatternDetector.VERSION, now);
            records.replaceRecords(symbol, true, PatternTrackRecord.aggregate(symbol, events, date, true), PatternDetector.VERSION, now);
            records.replaceRecords(TrackRecord.UNIVERSE, true, PatternTrackRecord.aggregate(TrackRecord.UNIVERSE, records.events(true), date,
                    true), PatternDetector.VERSION, now);
        }
        return report;
    }

    /** A ticker of the seeded universe whose demo series on {@code date} shows at least one chart pattern. */
    public static String symbolWithPatterns(TestSchema db, LocalDate date) {
        for (Ticker t : new com.drdailyreport.shared.db.TickerRepository(db.dataSource()).findActive()) {
            if (!new PatternDetector().detect(DemoPriceSource.series(t.drSymbol(), t.currency(), date, 250)).isEmpty()) {
                return t.drSymbol();
            }
        }
        throw new AssertionError("no demo series with a pattern on " + date);
    }
}
