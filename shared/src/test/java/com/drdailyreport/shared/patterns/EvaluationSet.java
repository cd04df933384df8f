package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.testing.TestBars;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real daily series of the pattern evaluation: every {@code *.csv} (except {@code manifest.csv})
 * in the directory that {@code shared/src/test/data/evaluation-set/assemble.sh} fills from the
 * registries' packages (sources and licences in that folder's README); without that directory, only
 * the AAPL 2013 bars of ta4j-examples. Columns {@code date,open,high,low,close,volume}; an empty volume is 0 (unknown); a
 * close-only row becomes the bar a line chart implies (open at the previous close, high and low the two).
 */
final class EvaluationSet {

    /** Length of one evaluation window: about one year of trading days. */
    static final int WINDOW = 250;

    record Series(String name, PriceHistory history) {
    }

    private EvaluationSet() {
    }

    static List<Series> load(Path directory) {
        List<Series> all = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            all.add(new Series("ta4j-examples-AAPL-2013", TestBars.aapl2013("AAPL19")));
            return all;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().equals("manifest.csv"))
                    .sorted().toList()) {
                all.add(new Series(file.getFileName().toString().replace(".csv", ""), read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    static PriceHistory read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Bar> bars = new ArrayList<>();
        double previous = Double.NaN;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (f.length < 5 || f[0].isBlank() || f[4].isBlank()) {
                continue;
            }
            double close = Double.parseDouble(f[4]);
            // a close-only source: the day drawn as a line chart would draw it, from the previous close to this one
            double open = f[1].isBlank() ? (Double.isNaN(previous) ? close : previous) : Double.parseDouble(f[1]);
            double high = f[2].isBlank() ? Math.max(open, close) : Double.parseDouble(f[2]);
            double low = f[3].isBlank() ? Math.min(open, close) : Double.parseDouble(f[3]);
            previous = close;
            long volume = f.length > 5 && !f[5].isBlank() ? Math.round(Double.parseDouble(f[5])) : 0;
            if (open > 0 && high > 0 && low > 0 && close > 0) {
                bars.add(Bar.widened(LocalDate.parse(f[0]), open, high, low, close, Math.max(0, volume)));
            }
        }
        return new PriceHistory("EVAL19", bars);
    }

    /** Consecutive non-overlapping windows of {@link #WINDOW} bars (a shorter tail is left out). */
    static List<PriceHistory> windows(PriceHistory h) {
        List<PriceHistory> out = new ArrayList<>();
        for (int from = 0; from + WINDOW <= h.size(); from += WINDOW) {
            out.add(new PriceHistory(h.symbol(), h.bars().subList(from, from + WINDOW)));
        }
        if (out.isEmpty() && h.size() >= 200) {
            out.add(h);
        }
        return out;
    }
}
