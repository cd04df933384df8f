package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PriceHistory;
import java.util.List;
import java.util.Map;

/** Exploration aid (not a test): what the detector reports on each template, with bar indices. */
public final class TemplateExplorer {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            int with = 0;
            for (String t : com.drdailyreport.shared.domain.TickerRegistry.class.getSimpleName().isEmpty() ? List.<String>of()
                    : java.util.stream.IntStream.range(0, 56).mapToObj(i -> "DEMO" + i + "19").toList()) {
                List<ChartPattern> found = new PatternDetector().detect(com.drdailyreport.shared.market.DemoPriceSource.series(t, "USD",
                        java.time.LocalDate.of(2026, 1, 15), 252));
                with += found.isEmpty() ? 0 : 1;
                System.out.println(t + " " + found.stream().map(p -> p.type().wireName() + "/" + p.state().wireName()).toList());
            }
            System.out.println(with + " of 56 demo series show a pattern");
            return;
        }
        if (args.length > 0 && args[0].equals("aapl")) {
            PriceHistory aapl = com.drdailyreport.shared.testing.TestBars.aapl2013("AAPL19");
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int end = 40; end <= aapl.size(); end++) {
                PriceHistory day = new PriceHistory("AAPL19", aapl.bars().subList(0, end));
                for (ChartPattern p : new PatternDetector().detect(day)) {
                    String key = p.type() + " " + p.start() + " " + p.state();
                    if (seen.add(key)) {
                        System.out.println(day.endDate() + ": " + key + " " + p.stateDate() + " " + p.points() + " " + p.measurements());
                    }
                }
            }
            return;
        }
        Map<String, Synthetic> all = new java.util.LinkedHashMap<>(Templates.all());
        all.put("hs10", Synthetic.from(100).range(0.025).noise(0.008).activity(1.6).leg(80, 30).activity(0.8)
                .leg(16, -10).leg(20, 20).leg(20, -15).leg(16, 9, 0.7).leg(16, -12, 1.3).flat(3));
        for (Map.Entry<String, Synthetic> e : all.entrySet()) {
            PriceHistory h = e.getValue().build();
            StringBuilder s = new StringBuilder(e.getKey() + " (" + h.size() + " bars): ");
            for (ChartPattern p : new PatternDetector().detect(h)) {
                s.append(p.type().wireName()).append('/').append(p.state().wireName()).append('/').append(p.confidence().wireName())
                        .append(" [");
                p.points().forEach((k, v) -> s.append(k).append('=').append(index(h, v.date())).append(' '));
                s.append("] ");
            }
            System.out.println(s);
            if (args.length > 0 && e.getKey().equals(args[0])) {
                Prices p = new Prices(h);
                System.out.printf("  unit %.4f medianActivity %.4f%n", p.unit, p.medianActivity);
                for (double k : new double[] {2, 2.5}) {
                    StringBuilder sw = new StringBuilder("  adaptive " + k + ": ");
                    Swings.adaptive(p, k, 0.015).forEach(v -> sw.append(v.index()).append(v.high() ? "H" : "L")
                            .append(String.format("%.1f", Math.exp(v.log()))).append(v.confirmed() ? "" : "?").append(' '));
                    System.out.println(sw);
                }
                StringBuilder sw = new StringBuilder("  fine: ");
                Swings.of(p, Math.max(0.025, 2 * p.unit)).forEach(v -> sw.append(v.index()).append(v.high() ? "H" : "L")
                        .append(String.format("%.1f", Math.exp(v.log()))).append(' '));
                System.out.println(sw);
                for (FeatureDump.Tagged t : FeatureDump.all(p)) {
                    Formation f = t.formation();
                    System.out.printf("  %s %s %d..%d quietest30 %.3f state %s%n", t.source(), f.type().wireName(), f.first(), f.last(),
                            p.quietest(f.first(), f.last(), 30), Lifecycle.follow(p, f, p.n - 1).state());
                }
            }
        }
    }

    static int index(PriceHistory h, java.time.LocalDate d) {
        for (int i = 0; i < h.size(); i++) {
            if (h.bars().get(i).date().equals(d)) {
                return i;
            }
        }
        return -1;
    }
}
