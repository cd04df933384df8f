package com.drdailyreport.scheduler;

import com.drdailyreport.shared.db.PriceHistoryRepository;
import com.drdailyreport.shared.db.TickerRepository;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TickerRegistry;
import com.drdailyreport.shared.market.InstrumentMetadata;
import com.drdailyreport.shared.market.PriceData;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly fetch: about a year of daily bars for each active ticker (or the ones asked for),
 * at most {@code concurrency} at a time, each ticker's failure isolated and reported with its
 * reason; stored in {@code ticker_data} under the Bangkok business date of the run.
 */
public final class PriceFetchService {

    private static final Logger LOG = LoggerFactory.getLogger(PriceFetchService.class);

    private final TickerRepository tickers;
    private final PriceHistoryRepository prices;
    private final PriceSource source;
    private final BusinessClock clock;
    private final int concurrency;
    private final DatabaseRetry retry;

    public PriceFetchService(TickerRepository tickers, PriceHistoryRepository prices, PriceSource source, BusinessClock clock,
                             int concurrency) {
        this(tickers, prices, source, clock, concurrency, DatabaseRetry.standard());
    }

    PriceFetchService(TickerRepository tickers, PriceHistoryRepository prices, PriceSource source, BusinessClock clock,
                      int concurrency, DatabaseRetry retry) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.tickers = tickers;
        this.prices = prices;
        this.source = source;
        this.clock = clock;
        this.concurrency = concurrency;
        this.retry = retry;
    }

    /** Fetches every active ticker ({@code requested} empty) or exactly the requested symbols (DR or Yahoo). */
    public FetchSummary fetch(List<String> requested) {
        long started = System.nanoTime();
        LocalDate date = clock.today();
        List<Ticker> active = retry.call(tickers::findActive);
        List<Ticker> targets = new ArrayList<>();
        List<TickerFailure> failed = new ArrayList<>();
        if (requested == null || requested.isEmpty()) {
            targets.addAll(active);
        } else {
            TickerRegistry registry = new TickerRegistry(active);
            for (String symbol : new LinkedHashSet<>(requested)) {
                Optional<Ticker> ticker = registry.resolve(symbol);
                if (ticker.isPresent() && !targets.contains(ticker.get())) {
                    targets.add(ticker.get());
                } else if (ticker.isEmpty()) {
                    failed.add(new TickerFailure(String.valueOf(symbol), "not an active ticker of the DR universe"));
                }
            }
        }

        List<String> succeeded = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, targets.size())));
        try {
            List<Future<Optional<TickerFailure>>> results = new ArrayList<>();
            for (Ticker ticker : targets) {
                results.add(pool.submit(() -> fetchOne(ticker, date)));
            }
            for (int i = 0; i < targets.size(); i++) {
                Optional<TickerFailure> failure = outcome(results.get(i), targets.get(i));
                if (failure.isPresent()) {
                    failed.add(failure.get());
                } else {
                    succeeded.add(targets.get(i).drSymbol());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        succeeded.sort(Comparator.naturalOrder());
        failed.sort(Comparator.comparing(TickerFailure::ticker));
        int total = succeeded.size() + failed.size();
        String status = failed.isEmpty() ? "success" : succeeded.isEmpty() ? "error" : "partial";
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        LOG.info("fetch {}: {} stored, {} failed in {} ms", date, succeeded.size(), failed.size(), durationMs);
        return new FetchSummary(status, date, total, succeeded.size(), failed.size(), List.copyOf(succeeded), List.copyOf(failed),
                false, null, durationMs);
    }

    private Optional<TickerFailure> fetchOne(Ticker ticker, LocalDate date) {
        try {
            PriceData data = source.fetch(ticker);
            retry.run(() -> prices.upsert(ticker, date, data.history(), source.name(ticker), clock.instant()));
            InstrumentMetadata meta = data.metadata();
            if (meta != null && (meta.companyName() != null || meta.exchange() != null || meta.currency() != null || meta.quoteType() != null)) {
                retry.run(() -> tickers.updateMetadata(ticker.id(), meta.companyName(), meta.exchange(), meta.currency(), meta.quoteType()));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("fetch {} failed: {}", ticker.drSymbol(), e.getMessage());
            return Optional.of(new TickerFailure(ticker.drSymbol(), describe(e)));
        }
    }

    private static Optional<TickerFailure> outcome(Future<Optional<TickerFailure>> future, Ticker ticker) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            return Optional.of(new TickerFailure(ticker.drSymbol(), describe(e.getCause())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new TickerFailure(ticker.drSymbol(), "interrupted"));
        }
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
