package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.market.DemoPriceSource;
import com.drdailyreport.shared.patterns.PatternDetector;
import com.drdailyreport.shared.testing.TestBars;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark main (not a test), one thread, 56 tickers × 250 bars (the real AAPL 2013 bars plus
 * 55 deterministic demo series): (1) detecting all pattern types, (2) building one full report
 * (indicators, metrics, narrative, the JSON document serialised). Warms up, then times 100 rounds.
 * Run: mvn -q -pl shared test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.drdailyreport.shared.analysis.AnalysisBenchmark
 */
public final class AnalysisBenchmark {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        List<Ticker> tickers = new ArrayList<>();
        List<PriceHistory> series = new ArrayList<>();
        tickers.add(new Ticker(1, "AAPL19", "AAPL", "Apple", "NasdaqGS", "USD", null, "equity", true));
        series.add(TestBars.aapl2013("AAPL19"));
        for (int i = 2; tickers.size() < 56; i++) {
            String symbol = "DEMO" + i + "19";
            tickers.add(new Ticker(i, symbol, "DEMO" + i, "Demo " + i, "US", "USD", null, "equity", true));
            series.add(DemoPriceSource.series(symbol, "USD", LocalDate.of(2026, 1, 15), 250));
        }
        PatternDetector detector = new PatternDetector();
        ReportBuilder builder = new ReportBuilder();
        Instant at = Instant.parse("2026-01-14T22:00:00Z");
        List<List<ChartPattern>> patterns = new ArrayList<>();
        for (PriceHistory h : series) {
            patterns.add(detector.detect(h));
        }
        long sink = 0;
        for (int warm = 0; warm < 50; warm++) {
            for (int i = 0; i < series.size(); i++) {
                sink += detector.detect(series.get(i)).size();
                sink += Json.write(builder.build(new ReportBuilder.Input(tickers.get(i), series.get(i), "demo", patterns.get(i),
                        LocalDate.of(2026, 1, 15), at)).json()).length();
            }
        }
        long t0 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (PriceHistory h : series) {
                sink += detector.detect(h).size();
            }
        }
        long t1 = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < series.size(); i++) {
                sink += Json.write(builder.build(new ReportBuilder.Input(tickers.get(i), series.get(i), "demo", patterns.get(i),
                        LocalDate.of(2026, 1, 15), at)).json()).length();
            }
        }
        long t2 = System.nanoTime();
        int n = rounds * series.size();
        System.out.printf(Locale.ROOT, "pattern detection (13 types, 250 bars): %.1f µs per ticker%n", (t1 - t0) / 1_000.0 / n);
        System.out.printf(Locale.ROOT, "full report (indicators, metrics, narrative, JSON): %.1f µs per ticker%n", (t2 - t1) / 1_000.0 / n);
        System.out.printf(Locale.ROOT, "(%d tickers × %d rounds on one thread; checksum %d)%n", series.size(), rounds, sink);
    }
}
