package com.drdailyreport.telegram;

import com.drdailyreport.shared.db.ReportRepository;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Market movers from the day's precomputed reports (never a live quote on the request path):
 * {@code top_gainers} (change > 0, largest first), {@code top_losers} (change < 0, largest fall
 * first), {@code volume_surge} (volume ≥ 1.5× its 20-day average, largest first), {@code trending}
 * (|change %| + volume ratio, largest first). Uses the newest report date at most three days back;
 * the rows are kept for a minute per container.
 */
final class RankingsService {

    static final Set<String> CATEGORIES = Set.of("top_gainers", "top_losers", "volume_surge", "trending");
    private static final long CACHE_NANOS = 60_000_000_000L;

    private final ReportRepository reports;
    private final BusinessClock clock;
    private final LongSupplier nanoClock;
    private volatile List<ReportRepository.RankingRow> rows;
    private volatile LocalDate rowsDate;
    private volatile long loadedAt;

    RankingsService(ReportRepository reports, BusinessClock clock, LongSupplier nanoClock) {
        this.reports = reports;
        this.clock = clock;
        this.nanoClock = nanoClock;
    }

    Map<String, Object> rank(String category, int limit) {
        LocalDate today = clock.today();
        if (rows == null || nanoClock.getAsLong() - loadedAt > CACHE_NANOS) {
            synchronized (this) {
                Optional<LocalDate> date = reports.latestCompletedDate(today, today.minusDays(ReportQueryService.MAX_STALE_DAYS));
                rowsDate = date.orElse(null);
                rows = date.map(reports::rankingRows).orElse(List.of());
                loadedAt = nanoClock.getAsLong();
            }
        }
        List<ReportRepository.RankingRow> candidates = new ArrayList<>(rows.stream().filter(r -> r.price() != null).toList());
        Comparator<ReportRepository.RankingRow> bySymbol = Comparator.comparing(ReportRepository.RankingRow::symbol);
        List<ReportRepository.RankingRow> chosen = switch (category) {
            case "top_gainers" -> candidates.stream().filter(r -> change(r) > 0)
                    .sorted(Comparator.comparingDouble(RankingsService::change).reversed().thenComparing(bySymbol)).toList();
            case "top_losers" -> candidates.stream().filter(r -> change(r) < 0)
                    .sorted(Comparator.comparingDouble(RankingsService::change).thenComparing(bySymbol)).toList();
            case "volume_surge" -> candidates.stream().filter(r -> volume(r) >= 1.5)
                    .sorted(Comparator.comparingDouble(RankingsService::volume).reversed().thenComparing(bySymbol)).toList();
            default -> candidates.stream()
                    .sorted(Comparator.comparingDouble((ReportRepository.RankingRow r) -> Math.abs(change(r)) + volume(r)).reversed()
                            .thenComparing(bySymbol)).toList();
        };
        List<Map<String, Object>> items = new ArrayList<>();
        for (ReportRepository.RankingRow r : chosen.subList(0, Math.min(limit, chosen.size()))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ticker", r.symbol());
            item.put("company_name", r.companyName());
            item.put("price", r.price());
            item.put("price_change_pct", r.priceChangePct());
            item.put("volume_ratio", r.volumeRatio());
            item.put("currency", r.currency());
            item.put("stance", r.stance());
            item.put("is_demo_data", r.demoData());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category);
        body.put("as_of", rowsDate == null ? null : rowsDate.toString());
        body.put("is_stale", rowsDate != null && !rowsDate.equals(today));
        body.put("tickers", items);
        return body;
    }

    private static double change(ReportRepository.RankingRow r) {
        return r.priceChangePct() == null ? 0 : r.priceChangePct();
    }

    private static double volume(ReportRepository.RankingRow r) {
        return r.volumeRatio() == null ? 0 : r.volumeRatio();
    }
}
