package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.TrackRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The pattern evaluation (issue 13): the detector on one-year windows of real daily series and on
 * K day-shuffled copies of each (same days, order destroyed — {@link Surrogates}). Prints, per type
 * and in total, patterns per real series and per surrogate and their ratio, the confidence and state
 * mix on both, contradictions, structural violations, lifecycle mismatches ({@link PatternAudit}) and
 * the time per series.
 *
 * <pre>
 * bash shared/src/test/data/evaluation-set/assemble.sh target/evaluation-set
 * mvn -q -pl shared test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.drdailyreport.shared.patterns.PatternEvaluation -Dexec.args="target/evaluation-set 10"
 * </pre>
 */
public final class PatternEvaluation {

    /** Counts over a set of series. */
    static final class Tally {
        int series;
        final Map<PatternType, Integer> byType = new EnumMap<>(PatternType.class);
        final Map<Confidence, Integer> byConfidence = new EnumMap<>(Confidence.class);
        final Map<PatternState, Integer> byState = new EnumMap<>(PatternState.class);
        int contradictions;
        int structural;
        int lifecycle;
        final List<String> examples = new ArrayList<>();
        long nanos;

        void add(PriceHistory h, List<ChartPattern> found, long elapsed) {
            series++;
            nanos += elapsed;
            for (ChartPattern p : found) {
                byType.merge(p.type(), 1, Integer::sum);
                byConfidence.merge(p.confidence(), 1, Integer::sum);
                byState.merge(p.state(), 1, Integer::sum);
                for (String v : PatternAudit.violations(h, p)) {
                    structural++;
                    example(p.type().wireName() + " " + p.start() + "…" + p.end() + ": " + v);
                }
                String mismatch = PatternAudit.lifecycleMismatch(h, p);
                if (mismatch != null) {
                    lifecycle++;
                    example(mismatch);
                }
            }
            int overlapping = PatternAudit.overlappingLabels(found);
            structural += overlapping;
            if (overlapping > 0) {
                example("two triangles/wedges over the same dates: " + found.stream().map(p -> p.type().wireName()).toList());
            }
            if (PatternAudit.contradictory(found)) {
                contradictions++;
                example("bullish and bearish together: " + found.stream().map(p -> p.type().wireName() + "/" + p.state().wireName()).toList());
            }
        }

        private void example(String text) {
            if (examples.size() < 12) {
                examples.add(text);
            }
        }

        int total() {
            return byType.values().stream().mapToInt(Integer::intValue).sum();
        }

        double perSeries(PatternType t) {
            return series == 0 ? 0 : byType.getOrDefault(t, 0) / (double) series;
        }

        double perSeries() {
            return series == 0 ? 0 : total() / (double) series;
        }
    }

    record Result(Tally real, Tally shuffled) {
        double ratio() {
            return shuffled.perSeries() == 0 ? Double.POSITIVE_INFINITY : real.perSeries() / shuffled.perSeries();
        }
    }

    static Result run(List<EvaluationSet.Series> set, int surrogates, long seed) {
        PatternDetector detector = new PatternDetector();
        Tally real = new Tally();
        Tally shuffled = new Tally();
        Random random = new Random(seed);
        for (EvaluationSet.Series s : set) {
            for (PriceHistory window : EvaluationSet.windows(s.history())) {
                long t0 = System.nanoTime();
                List<ChartPattern> found = detector.detect(window);
                real.add(window, found, System.nanoTime() - t0);
                for (int k = 0; k < surrogates; k++) {
                    PriceHistory surrogate = Surrogates.dayShuffled(window, random);
                    long t1 = System.nanoTime();
                    List<ChartPattern> noise = detector.detect(surrogate);
                    shuffled.add(surrogate, noise, System.nanoTime() - t1);
                }
            }
        }
        return new Result(real, shuffled);
    }

    public static void main(String[] args) {
        Path dir = args.length > 0 ? Path.of(args[0]) : Path.of("target/evaluation-set");
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<EvaluationSet.Series> set = EvaluationSet.load(dir);
        run(set, 1, 1); // warm-up
        Result r = run(set, k, 20261205L);
        print(set, k, r);
        if (Boolean.getBoolean("evaluation.detectionOnly")) {
            return;
        }
        List<PatternEvent> real = new ArrayList<>();
        List<PatternEvent> shuffled = new ArrayList<>();
        Random random = new Random(7);
        long t0 = System.nanoTime();
        int bars = 0;
        for (EvaluationSet.Series s : set) {
            real.addAll(PatternTrackRecord.events(s.history()));
            bars += s.history().size();
            shuffled.addAll(PatternTrackRecord.events(Surrogates.dayShuffled(s.history(), random)));
        }
        System.out.printf(Locale.ROOT, "%nwalk-forward track record (%d bars; %.1f µs per bar, both sets)%n", bars,
                (System.nanoTime() - t0) / 1e3 / (2.0 * bars));
        printTrackRecord("real", real);
        printTrackRecord("shuffled (a check of the method: no edge expected)", shuffled);
        printQualityBuckets(real);
    }

    static void printTrackRecord(String label, List<PatternEvent> events) {
        System.out.println("-- " + label + ": " + events.size() + " events");
        System.out.printf(Locale.ROOT, "%-24s %6s %5s %5s %7s %7s %6s %8s %s%n", "type", "cases", "hits", "fail", "hit%", "base%", "z",
                "ret@40%", "verdict");
        List<TrackRecord> records = PatternTrackRecord.aggregate(TrackRecord.UNIVERSE, events, java.time.LocalDate.now(), false);
        for (TrackRecord t : records) {
            if (t.confidence() == null) {
                row(t.type().wireName(), t);
            }
        }
        List<PatternEvent> decided = events.stream().filter(e -> e.outcome().decided()).toList();
        if (!decided.isEmpty()) {
            row("all", PatternTrackRecord.record(TrackRecord.UNIVERSE, PatternType.VCP, null, decided, java.time.LocalDate.now(), false));
            for (Confidence c : Confidence.values()) {
                List<PatternEvent> ofC = decided.stream().filter(e -> e.confidence() == c).toList();
                if (!ofC.isEmpty()) {
                    row("all " + c.wireName(), PatternTrackRecord.record(TrackRecord.UNIVERSE, PatternType.VCP, c, ofC,
                            java.time.LocalDate.now(), false));
                }
            }
        }
    }

    private static void row(String label, TrackRecord t) {
        System.out.printf(Locale.ROOT, "%-24s %6d %5d %5d %7s %7s %6s %8s %s%n", label, t.cases(), t.hits(), t.failures(),
                pct(t.hitRate()), pct(t.baseRate()), t.zScore() == null ? "-" : String.format(Locale.ROOT, "%.2f", t.zScore()),
                t.meanReturnPct() == null ? "-" : String.format(Locale.ROOT, "%.2f", t.meanReturnPct()), t.verdict().wireName());
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v * 100);
    }

    /** Hit rate against base rate by quality bucket: what a confidence label may promise. */
    static void printQualityBuckets(List<PatternEvent> events) {
        double[] edges = {0, 0.45, 0.55, 0.65, 0.72, 0.8, 1.01};
        System.out.println("-- real events by quality bucket");
        for (int b = 0; b + 1 < edges.length; b++) {
            double lo = edges[b];
            double hi = edges[b + 1];
            List<PatternEvent> in = events.stream().filter(e -> e.outcome().decided() && e.quality() >= lo && e.quality() < hi).toList();
            if (!in.isEmpty()) {
                row(String.format(Locale.ROOT, "quality %.2f-%.2f", lo, hi),
                        PatternTrackRecord.record(TrackRecord.UNIVERSE, PatternType.VCP, null, in, java.time.LocalDate.now(), false));
            }
        }
    }

    static void print(List<EvaluationSet.Series> set, int k, Result r) {
        Tally real = r.real();
        Tally shuffled = r.shuffled();
        System.out.printf(Locale.ROOT, "%d series, %d one-year windows, %d day-shuffled surrogates each (%d)%n", set.size(), real.series, k,
                shuffled.series);
        System.out.printf(Locale.ROOT, "%-24s %8s %8s %7s%n", "type", "real", "shuffled", "ratio");
        for (PatternType t : PatternType.values()) {
            double a = real.perSeries(t);
            double b = shuffled.perSeries(t);
            System.out.printf(Locale.ROOT, "%-24s %8.3f %8.3f %7s%n", t.wireName(), a, b, b == 0 ? (a == 0 ? "-" : "inf") : String.format(Locale.ROOT, "%.2f", a / b));
        }
        System.out.printf(Locale.ROOT, "%-24s %8.3f %8.3f %7.2f%n", "all", real.perSeries(), shuffled.perSeries(), r.ratio());
        System.out.println("confidence (real):     " + mix(real.byConfidence, real.total()));
        System.out.println("confidence (shuffled): " + mix(shuffled.byConfidence, shuffled.total()));
        System.out.println("state (real):          " + mix(real.byState, real.total()));
        System.out.println("state (shuffled):      " + mix(shuffled.byState, shuffled.total()));
        System.out.printf(Locale.ROOT, "contradictions: real %d, shuffled %d%n", real.contradictions, shuffled.contradictions);
        System.out.printf(Locale.ROOT, "structural violations: real %d, shuffled %d%n", real.structural, shuffled.structural);
        System.out.printf(Locale.ROOT, "lifecycle mismatches: real %d, shuffled %d%n", real.lifecycle, shuffled.lifecycle);
        System.out.printf(Locale.ROOT, "time per series: %.3f ms%n", (real.nanos + shuffled.nanos) / 1e6 / (real.series + shuffled.series));
        real.examples.forEach(e -> System.out.println("  real: " + e));
        shuffled.examples.forEach(e -> System.out.println("  shuffled: " + e));
    }

    private static <E extends Enum<E>> String mix(Map<E, Integer> counts, int total) {
        StringBuilder s = new StringBuilder();
        counts.forEach((key, n) -> s.append(String.format(Locale.ROOT, "%s %.0f%%  ", key.name().toLowerCase(Locale.ROOT),
                100.0 * n / Math.max(1, total))));
        return s.toString();
    }
}
