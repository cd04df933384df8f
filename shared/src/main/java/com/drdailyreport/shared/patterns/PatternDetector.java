package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.analysis.BarSeriesFactory;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ta4j.core.BarSeries;

/**
 * Detects the chart patterns of ARCHITECTURE §5 in a price history: flags, triangles, wedges,
 * double tops and bottoms, head and shoulders (plain and inverse), cup and handle, and VCP.
 *
 * <p>Everything is measured in log price and against the series' own typical daily range, so
 * thresholds are relative: a series multiplied by 1000 has the same patterns. Swing points come
 * from ta4j's ZigZag at two granularities (fine for triangles, wedges and VCP; coarse for
 * doubles, head and shoulders, and cups); flag poles come from the bars themselves. For each type the newest valid match wins, so at most
 * one pattern per type is returned, newest end date first, and only patterns ending within the last
 * {@value #RECENT_BARS} bars. Deterministic and thread-safe.
 */
public final class PatternDetector {

    /** The {@code implementation} recorded in chart_pattern_data. */
    public static final String IMPLEMENTATION = "custom";
    /** The {@code impl_version}; bump when the rules change. */
    public static final String VERSION = "2.0.0";
    /** Fewest bars worth looking at. */
    static final int MIN_BARS = 30;
    /** A pattern must end within this many bars of the last one: the report is about the chart as it is now. */
    static final int RECENT_BARS = 60;

    public List<ChartPattern> detect(PriceHistory history) {
        if (history.size() < MIN_BARS) {
            return List.of();
        }
        Prices prices = new Prices(history);
        BarSeries series = BarSeriesFactory.of(history);
        List<Pivot> fine = Pivots.of(prices, series, Math.max(0.03, 2.5 * prices.unit));
        List<Pivot> coarse = Pivots.of(prices, series, Math.max(0.05, 4 * prices.unit));

        Map<PatternType, ChartPattern> found = new EnumMap<>(PatternType.class);
        put(found, FlagDetector.find(prices, true));
        put(found, FlagDetector.find(prices, false));
        found.putAll(TriangleWedgeDetector.find(prices, fine));
        put(found, DoubleDetector.find(prices, coarse, true));
        put(found, DoubleDetector.find(prices, coarse, false));
        put(found, HeadShouldersDetector.find(prices, coarse, true));
        put(found, HeadShouldersDetector.find(prices, coarse, false));
        put(found, CupHandleDetector.find(prices, coarse));
        put(found, VcpDetector.find(prices, fine));

        dropDoublesInsideTrianglesAndWedges(found);
        java.time.LocalDate horizon = history.bars().get(Math.max(0, history.size() - RECENT_BARS)).date();
        found.values().removeIf(p -> p.end().isBefore(horizon));
        List<ChartPattern> result = new ArrayList<>(found.values());
        result.sort(Comparator.comparing(ChartPattern::end).reversed().thenComparing(c -> c.type().ordinal()));
        return List.copyOf(result);
    }

    /**
     * Two touches of a triangle's or wedge's line look like a double top or bottom; when the
     * double lies wholly inside such a structure, the structure is the better explanation.
     */
    private static void dropDoublesInsideTrianglesAndWedges(Map<PatternType, ChartPattern> found) {
        List<ChartPattern> structures = found.values().stream()
                .filter(p -> p.type().family().equals("triangle") || p.type().family().equals("wedge"))
                .toList();
        for (PatternType doubleType : List.of(PatternType.DOUBLE_TOP, PatternType.DOUBLE_BOTTOM)) {
            ChartPattern d = found.get(doubleType);
            if (d != null && structures.stream().anyMatch(s -> !d.start().isBefore(s.start()) && !d.end().isAfter(s.end()))) {
                found.remove(doubleType);
            }
        }
    }

    private static void put(Map<PatternType, ChartPattern> found, Optional<ChartPattern> pattern) {
        pattern.ifPresent(p -> found.put(p.type(), p));
    }
}
