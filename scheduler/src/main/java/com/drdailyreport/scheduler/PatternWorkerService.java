package com.drdailyreport.scheduler;

import com.drdailyreport.shared.db.ChartPatternRepository;
import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.db.TrackRecordRepository;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PriceSnapshot;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.patterns.PatternTrackRecord;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * pattern-precompute: detects a ticker's chart patterns from today's {@code ticker_data} (real
 * bar dates — never from a report, never bar indexes) and makes today's {@code chart_pattern_data}
 * rows exactly that set; then walks forward over the same stored year to refresh the ticker's track
 * record ({@code pattern_track_events} and its own {@code pattern_track_record} rows; the universe's
 * rows are refreshed by the run summary once every worker is done). Idempotent; an unknown ticker
 * or a mismatched id is an error, never a placeholder id.
 */
public final class PatternWorkerService {

    private final TickerRepository tickers;
    private final PriceHistoryRepository prices;
    private final ChartPatternRepository patterns;
    private final TrackRecordRepository trackRecords;
    private final PatternDetector detector;
    private final BusinessClock clock;
    private final DatabaseRetry retry;

    public PatternWorkerService(TickerRepository tickers, PriceHistoryRepository prices, ChartPatternRepository patterns,
                                TrackRecordRepository trackRecords, PatternDetector detector, BusinessClock clock) {
        this(tickers, prices, patterns, trackRecords, detector, clock, DatabaseRetry.standard());
    }

    PatternWorkerService(TickerRepository tickers, PriceHistoryRepository prices, ChartPatternRepository patterns,
                         TrackRecordRepository trackRecords, PatternDetector detector, BusinessClock clock, DatabaseRetry retry) {
        this.tickers = tickers;
        this.prices = prices;
        this.patterns = patterns;
        this.trackRecords = trackRecords;
        this.detector = detector;
        this.clock = clock;
        this.retry = retry;
    }

    /**
     * @param drSymbol the ticker (DR symbol)
     * @param tickerId the caller's idea of its id (the runbook passes one), or null to look it up
     */
    public WorkerResult detect(String drSymbol, Integer tickerId) {
        try {
            return detectOrFail(drSymbol, tickerId);
        } catch (RuntimeException e) {
            return WorkerResult.error(drSymbol, PriceFetchService.describe(e));
        }
    }

    private WorkerResult detectOrFail(String drSymbol, Integer tickerId) {
        LocalDate today = clock.today();
        Optional<Ticker> found = retry.call(() -> tickers.findBySymbol(drSymbol));
        if (found.isEmpty() || !found.get().active()) {
            return WorkerResult.error(drSymbol, "unknown ticker " + drSymbol + ": not an active DR symbol");
        }
        Ticker ticker = found.get();
        if (tickerId != null && tickerId != ticker.id()) {
            return WorkerResult.error(ticker.drSymbol(), "ticker_id " + tickerId + " does not match " + ticker.drSymbol()
                    + " (its id is " + ticker.id() + ")");
        }
        Optional<PriceSnapshot> snapshot = retry.call(() -> prices.find(ticker.drSymbol(), today));
        if (snapshot.isEmpty()) {
            return WorkerResult.error(ticker.drSymbol(), "no price data for " + ticker.drSymbol() + " on " + today
                    + " (the nightly fetch has not stored it)");
        }
        PriceSnapshot prices1 = snapshot.get();
        List<ChartPattern> found1 = detector.detect(prices1.history());
        retry.run(() -> patterns.replaceForDate(ticker, today, PatternDetector.IMPLEMENTATION, PatternDetector.VERSION, found1,
                clock.instant()));
        boolean demo = "demo".equals(prices1.source());
        List<PatternEvent> events = PatternTrackRecord.events(prices1.history());
        retry.run(() -> trackRecords.replaceEvents(ticker, events, demo, PatternDetector.VERSION, clock.instant()));
        retry.run(() -> trackRecords.replaceRecords(ticker.drSymbol(), demo,
                PatternTrackRecord.aggregate(ticker.drSymbol(), events, prices1.history().endDate(), demo), PatternDetector.VERSION,
                clock.instant()));
        return new WorkerResult(ticker.drSymbol(), "success", null, ticker.id(), today, null, null, found1.size(), found1.size(),
                found1.stream().map(p -> p.type().wireName()).toList(), null, events.size());
    }
}
