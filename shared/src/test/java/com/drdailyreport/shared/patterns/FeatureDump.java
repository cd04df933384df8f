package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.PriceHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Exploration aid (not a test), how the "pause" rule was found: every formation the detectors find
 * that would be reported as of a window's last bar (live, or ended within the last bars), before the
 * pause rule, on real windows and their day-shuffled copies, tagged with its swing set and with
 * activity features, as CSV ({@code java … FeatureDump DIR K OUT.csv}) — to see which structural rules
 * separate real charts from structureless ones.
 */
public final class FeatureDump {

    public static void main(String[] args) throws Exception {
        List<EvaluationSet.Series> set = EvaluationSet.load(Path.of(args[0]));
        int k = Integer.parseInt(args[1]);
        Random random = new Random(11);
        int window = 0;
        try (PrintWriter out = new PrintWriter(args[2])) {
            out.println("set,window,series,src,type,quality,state,span,act_all,act_late,act_last10,act_pre,act_first,height_units,volume_known,half_ratio,act_pole,act_prior40,decline,calm20,calm15late,calm30,calm10late");
            for (EvaluationSet.Series s : set) {
                for (PriceHistory w : EvaluationSet.windows(s.history())) {
                    window++;
                    dump(out, "real", window, s.name(), w);
                    for (int i = 0; i < k; i++) {
                        dump(out, "shuffled", window, s.name(), Surrogates.dayShuffled(w, random));
                    }
                }
            }
        }
    }

    record Tagged(String source, Formation formation) {
    }

    static List<Tagged> all(Prices p) {
        java.util.Map<String, List<Pivot>> sets = new java.util.LinkedHashMap<>();
        List<String> names = List.of("fine", "medium", "coarse", "ad2", "ad4", "ad6");
        List<List<Pivot>> swingSets = PatternDetector.swingSets(p);
        for (int i = 0; i < names.size(); i++) {
            sets.put(names.get(i), swingSets.get(i));
        }
        List<Tagged> all = new ArrayList<>();
        FlagDetector.find(p, true).forEach(f -> all.add(new Tagged("bars", f)));
        FlagDetector.find(p, false).forEach(f -> all.add(new Tagged("bars", f)));
        sets.forEach((name, swings) -> {
            TriangleWedgeDetector.find(p, List.of(swings)).forEach(f -> all.add(new Tagged(name, f)));
            DoubleDetector.find(p, swings, true).forEach(f -> all.add(new Tagged(name, f)));
            DoubleDetector.find(p, swings, false).forEach(f -> all.add(new Tagged(name, f)));
            HeadShouldersDetector.find(p, swings, true).forEach(f -> all.add(new Tagged(name, f)));
            HeadShouldersDetector.find(p, swings, false).forEach(f -> all.add(new Tagged(name, f)));
            CupHandleDetector.find(p, swings).forEach(f -> all.add(new Tagged(name, f)));
            VcpDetector.find(p, swings).forEach(f -> all.add(new Tagged(name, f)));
        });
        return all;
    }

    /** The quietest {@code len}-bar stretch within [a, b] (its activity), NaN when shorter. */
    static double minActivity(Prices p, int a, int b, int len) {
        double best = Double.NaN;
        for (int s = a; s + len - 1 <= b; s++) {
            double v = p.activity(s, s + len - 1);
            best = Double.isNaN(best) ? v : Math.min(best, v);
        }
        return best;
    }

    private static void dump(PrintWriter out, String label, int window, String name, PriceHistory h) {
        Prices p = new Prices(h);
        int asOf = p.n - 1;
        for (Tagged t : all(p)) {
            Formation f = t.formation();
            Lifecycle.Outcome o = Lifecycle.follow(p, f, asOf);
            if (!o.state().live() && o.stateIndex() < asOf - PatternDetector.RECENT_END) {
                continue;
            }
            int a = f.first();
            int b = f.last();
            int third = Math.max(3, (b - a) / 3);
            int mid = (a + b) / 2;
            int tip = a;
            java.time.LocalDate tipDate = f.points().get(1).date();
            for (int i = a; i <= b; i++) {
                if (p.date[i].equals(tipDate)) {
                    tip = i;
                }
            }
            out.printf(Locale.ROOT, "%s,%d,%s,%s,%s,%.3f,%s,%d,%.3f,%.3f,%.3f,%.3f,%.3f,%.2f,%b,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f%n", label, window, name,
                    t.source(), f.type().wireName(),
                    f.quality(), o.state().wireName(), b - a, p.activity(a, b), p.activity(b - third + 1, b), p.activity(b - 9, b),
                    p.activity(a - 20, a - 1), p.activity(a, a + third - 1), f.height() / p.unit, p.volumeKnown(a, b),
                    p.activity(mid + 1, b) / p.activity(a, mid), p.activity(a + 1, tip), p.activity(a - 40, a - 1),
                    p.activity(a - 10, a + third) / p.activity(b - third + 1, b), minActivity(p, a, b, 20),
                    minActivity(p, mid, b, 15), minActivity(p, a, b, 30), minActivity(p, mid, b, 10));
        }
    }
}
