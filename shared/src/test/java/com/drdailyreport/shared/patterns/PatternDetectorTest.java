package com.drdailyreport.shared.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.testing.TestBars;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Each pattern type on a textbook formation (Templates: 80 bars of hectic lead-in, then the formation
 * on calmer trading; "planted" indices below are where the formation's legs put its swings), the
 * points contract and the structural and lifecycle audits on real AAPL bars and on random walks,
 * quietness on trends, noise and random walks, scale invariance and determinism.
 */
class PatternDetectorTest {

    private static final PatternDetector DETECTOR = new PatternDetector();

    /** The one pattern of {@code type} found in {@code history}, checked against the points contract. */
    private static ChartPattern found(PriceHistory history, PatternType type) {
        List<ChartPattern> all = DETECTOR.detect(history);
        all.forEach(p -> {
            assertPointsContract(history, p);
            assertThat(PatternAudit.violations(history, p)).as(p.type().wireName()).isEmpty();
            assertThat(PatternAudit.lifecycleMismatch(history, p)).isNull();
        });
        assertThat(PatternAudit.contradictory(all)).isFalse();
        Optional<ChartPattern> match = all.stream().filter(p -> p.type() == type).findFirst();
        assertThat(match).as(type + " in " + all.stream().map(p -> p.type().wireName()).toList()).isPresent();
        return match.get();
    }

    private static Set<PatternType> types(PriceHistory history) {
        Set<PatternType> types = EnumSet.noneOf(PatternType.class);
        DETECTOR.detect(history).forEach(p -> types.add(p.type()));
        return types;
    }

    private static int index(PriceHistory h, LocalDate date) {
        for (int i = 0; i < h.size(); i++) {
            if (h.bars().get(i).date().equals(date)) {
                return i;
            }
        }
        throw new AssertionError(date + " is not a bar date");
    }

    /** The pattern starts within [from − 6, from + 22] (its first swing, or the next one) and ends within [to − 6, last bar]. */
    private static void assertPlanted(PriceHistory h, ChartPattern p, int from, int to) {
        assertThat(index(h, p.start())).as(p.type() + " start").isBetween(from - 6, from + 22);
        assertThat(index(h, p.end())).as(p.type() + " end").isBetween(to - 6, h.size() - 1);
    }

    private static void assertPoint(PriceHistory h, ChartPattern p, String name, int plantedIndex) {
        assertThat(index(h, p.points().get(name).date())).as(p.type() + " point " + name).isBetween(plantedIndex - 3, plantedIndex + 3);
    }

    /**
     * The contract of ARCHITECTURE §5: at least two points, each a real bar date inside
     * [start, end] with a price within that bar's low–high; measurements finite; JSON without NaN.
     */
    static void assertPointsContract(PriceHistory history, ChartPattern p) {
        assertThat(p.points()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(p.start()).isBeforeOrEqualTo(p.end());
        for (Map.Entry<String, PatternPoint> e : p.points().entrySet()) {
            PatternPoint point = e.getValue();
            Bar bar = history.bars().stream().filter(b -> b.date().equals(point.date())).findFirst()
                    .orElseThrow(() -> new AssertionError(p.type() + " point " + e.getKey() + " " + point.date() + " is not a bar date"));
            assertThat(point.date()).isBetween(p.start(), p.end());
            assertThat(point.price()).as(p.type() + " point " + e.getKey() + " within the bar").isBetween(bar.low(), bar.high());
        }
        assertThat(p.measurements().values()).allSatisfy(v -> assertThat(v == null || Double.isFinite(v)).isTrue());
        assertThat(Json.write(p.points())).doesNotContain("NaN");
        assertThat(p.measurements()).containsKey("breakout_level").containsKey("target");
    }

    @Test
    void doubleTop() {
        PriceHistory h = Templates.doubleTop().build();
        ChartPattern p = found(h, PatternType.DOUBLE_TOP);
        assertPlanted(h, p, 79, 115);
        assertPoint(h, p, "A", 79);
        assertPoint(h, p, "B", 97);
        assertPoint(h, p, "C", 115);
        assertThat(p.points()).containsKey("D"); // the breakout close
        assertThat(p.measurements().get("target")).isLessThan(p.measurements().get("breakout_level"));
        assertThat(types(h)).doesNotContain(PatternType.DOUBLE_BOTTOM, PatternType.HEAD_SHOULDERS, PatternType.INVERSE_HEAD_SHOULDERS);
    }

    @Test
    void doubleBottom() {
        PriceHistory h = Templates.doubleBottom().build();
        ChartPattern p = found(h, PatternType.DOUBLE_BOTTOM);
        assertPlanted(h, p, 79, 115);
        assertPoint(h, p, "A", 79);
        assertPoint(h, p, "C", 115);
        assertThat(p.measurements().get("target")).isGreaterThan(p.measurements().get("breakout_level"));
        assertThat(types(h)).doesNotContain(PatternType.DOUBLE_TOP);
    }

    @Test
    void headAndShoulders() {
        PriceHistory h = Templates.headShoulders().build();
        ChartPattern p = found(h, PatternType.HEAD_SHOULDERS);
        assertPlanted(h, p, 79, 151);
        assertPoint(h, p, "A", 79);
        assertPoint(h, p, "C", 115);
        assertPoint(h, p, "E", 151);
        assertThat(p.points().get("C").price()).isGreaterThan(p.points().get("A").price()).isGreaterThan(p.points().get("E").price() * 0.999);
        assertThat(types(h)).doesNotContain(PatternType.INVERSE_HEAD_SHOULDERS);
    }

    @Test
    void inverseHeadAndShoulders() {
        PriceHistory h = Templates.inverseHeadShoulders().build();
        ChartPattern p = found(h, PatternType.INVERSE_HEAD_SHOULDERS);
        assertPlanted(h, p, 79, 151);
        assertPoint(h, p, "C", 115);
        assertThat(p.points().get("C").price()).isLessThan(p.points().get("A").price());
        assertThat(types(h)).doesNotContain(PatternType.HEAD_SHOULDERS);
    }

    @Test
    void ascendingTriangle() {
        PriceHistory h = Templates.ascendingTriangle().build();
        ChartPattern p = found(h, PatternType.ASCENDING_TRIANGLE);
        assertPlanted(h, p, 79, 175);
        assertThat(types(h)).doesNotContain(PatternType.DESCENDING_TRIANGLE, PatternType.RISING_WEDGE, PatternType.FALLING_WEDGE);
    }

    @Test
    void descendingTriangle() {
        PriceHistory h = Templates.descendingTriangle().build();
        ChartPattern p = found(h, PatternType.DESCENDING_TRIANGLE);
        assertPlanted(h, p, 79, 175);
        assertThat(types(h)).doesNotContain(PatternType.ASCENDING_TRIANGLE, PatternType.RISING_WEDGE, PatternType.FALLING_WEDGE);
    }

    @Test
    void symmetricalTriangle() {
        PriceHistory h = Templates.symmetricalTriangle().build();
        ChartPattern p = found(h, PatternType.SYMMETRICAL_TRIANGLE);
        assertPlanted(h, p, 79, 163);
        assertThat(types(h)).doesNotContain(PatternType.ASCENDING_TRIANGLE, PatternType.DESCENDING_TRIANGLE);
    }

    @Test
    void risingWedge() {
        PriceHistory h = Templates.risingWedge().build();
        ChartPattern p = found(h, PatternType.RISING_WEDGE);
        assertPlanted(h, p, 79, 175);
        assertThat(p.type().direction()).isEqualTo(PatternType.Direction.BEARISH);
        assertThat(types(h)).doesNotContain(PatternType.FALLING_WEDGE);
    }

    @Test
    void fallingWedge() {
        PriceHistory h = Templates.fallingWedge().build();
        ChartPattern p = found(h, PatternType.FALLING_WEDGE);
        assertPlanted(h, p, 79, 175);
        assertThat(types(h)).doesNotContain(PatternType.RISING_WEDGE);
    }

    @Test
    void bullishFlagIsNotAlsoBearish() {
        PriceHistory h = Templates.bullishFlag().build();
        ChartPattern p = found(h, PatternType.BULLISH_FLAG);
        assertPlanted(h, p, 132, 160);
        assertPoint(h, p, "B", 147); // the pole's end
        assertThat(p.measurements().get("confirmed")).isEqualTo(1.0);
        assertThat(types(h)).doesNotContain(PatternType.BEARISH_FLAG);
    }

    @Test
    void bearishFlagIsNotAlsoBullish() {
        PriceHistory h = Templates.bearishFlag().build();
        ChartPattern p = found(h, PatternType.BEARISH_FLAG);
        assertPlanted(h, p, 132, 160);
        assertPoint(h, p, "B", 147);
        assertThat(types(h)).doesNotContain(PatternType.BULLISH_FLAG);
    }

    @Test
    void cupAndHandle() {
        PriceHistory h = Templates.cupHandle().build();
        ChartPattern p = found(h, PatternType.CUP_HANDLE);
        assertPlanted(h, p, 99, 177);
        assertPoint(h, p, "A", 99);
        assertPoint(h, p, "C", 169);
        assertThat(index(h, p.points().get("B").date())).isBetween(124, 145); // the bottom is in the flat stretch
        assertThat(index(h, p.points().get("D").date())).isBetween(174, 180); // the handle's low
    }

    @Test
    void vcpIsItsOwnPatternNotAWedge() {
        PriceHistory h = Templates.vcp().build();
        ChartPattern p = found(h, PatternType.VCP);
        assertPlanted(h, p, 79, 126);
        assertThat(p.measurements().get("contractions")).isEqualTo(3.0);
        assertThat(p.measurements().get("last_depth_pct")).isLessThan(p.measurements().get("first_depth_pct"));
        assertThat(types(h)).doesNotContain(PatternType.RISING_WEDGE, PatternType.FALLING_WEDGE);
    }

    @Test
    void confidenceIsTheCalibratedBucketOfQualityAndHighIsNotClaimedWithoutEvidence() {
        // the calibration (README): below 0.55 the evaluation set's patterns hit at 0.77 × their base
        // rate, from 0.55 at 1.05 ×; no bucket beat its base rate, so none is labelled high
        assertThat(PatternDetector.grade(0.0)).isEqualTo(Confidence.LOW);
        assertThat(PatternDetector.grade(0.5499)).isEqualTo(Confidence.LOW);
        assertThat(PatternDetector.grade(0.55)).isEqualTo(Confidence.MEDIUM);
        assertThat(PatternDetector.grade(1.0)).isEqualTo(Confidence.MEDIUM);
        Set<Confidence> levels = EnumSet.noneOf(Confidence.class);
        for (Synthetic template : Templates.all().values()) {
            DETECTOR.detect(template.build()).forEach(p -> levels.add(p.confidence()));
        }
        assertThat(levels).contains(Confidence.MEDIUM, Confidence.LOW).doesNotContain(Confidence.HIGH);
    }

    @Test
    void realAppleBarsOf2013PassEveryAuditOnEveryDay() {
        // replay 2013: detect as if each day from February on were "today"; every pattern reported on
        // any day meets the points contract, the structure rules and the lifecycle the bars say
        PriceHistory aapl = TestBars.aapl2013("AAPL19");
        List<ChartPattern> emitted = new ArrayList<>();
        for (int end = 40; end <= aapl.size(); end++) {
            PriceHistory upToDay = new PriceHistory("AAPL19", aapl.bars().subList(0, end));
            List<ChartPattern> day = DETECTOR.detect(upToDay);
            for (ChartPattern p : day) {
                assertPointsContract(upToDay, p);
                assertThat(PatternAudit.violations(upToDay, p)).as(p.toString()).isEmpty();
                assertThat(PatternAudit.lifecycleMismatch(upToDay, p)).as(p.toString()).isNull();
                emitted.add(p);
            }
            assertThat(PatternAudit.contradictory(day)).as("contradiction on " + upToDay.endDate()).isFalse();
            assertThat(PatternAudit.overlappingLabels(day)).isZero();
        }
        // AAPL's rising wedge of August–December 2013 (highs 513.74, 539.25, 575.14; lows 447.22, 512.38,
        // 538.80), broken on 19 December by a close of 544.46 under its lower line
        assertThat(emitted).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo(PatternType.RISING_WEDGE);
            assertThat(p.points().get("A")).isEqualTo(new PatternPoint(LocalDate.of(2013, 8, 19), 513.74));
            assertThat(p.points().get("E")).isEqualTo(new PatternPoint(LocalDate.of(2013, 12, 5), 575.14));
            assertThat(p.state()).isEqualTo(PatternState.CONFIRMED);
            assertThat(p.stateDate()).isEqualTo(LocalDate.of(2013, 12, 19));
            assertThat(p.direction()).isEqualTo(PatternType.Direction.BEARISH);
        });
    }

    @Test
    void cleanTrendsAndFlatNoiseStayQuiet() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(FalsePositiveSurvey.cleanTrend(0.003, seed)).as("uptrend " + seed).isEmpty();
            assertThat(FalsePositiveSurvey.cleanTrend(-0.003, seed)).as("downtrend " + seed).isEmpty();
            assertThat(FalsePositiveSurvey.flatNoise(seed)).as("flat noise " + seed).isEmpty();
        }
    }

    @Test
    void randomWalksRarelyLookLikePatternsAndWhatTheyShowPassesTheAudits() {
        // Measured on 200 seeded walks (250 bars, 1.5 %/day, no drift): 0.01 patterns per series (the
        // old detector: 0.98). A structureless walk has no quiet stretches gathered in one place and no
        // active trend for a flag to fly in; what it does show must still be well formed.
        Map<PatternType, Double> rates = FalsePositiveSurvey.randomWalkRates();
        double total = rates.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(total).isLessThanOrEqualTo(0.1);
        for (int seed = 1; seed <= 200; seed++) {
            PriceHistory walk = TestBars.randomWalk("WALK19", seed, 250, 100, 0, 0.015);
            List<ChartPattern> found = DETECTOR.detect(walk);
            for (ChartPattern p : found) {
                assertPointsContract(walk, p);
                assertThat(PatternAudit.violations(walk, p)).isEmpty();
                assertThat(PatternAudit.lifecycleMismatch(walk, p)).isNull();
            }
            assertThat(PatternAudit.contradictory(found)).isFalse();
        }
    }

    @Test
    void scalingPricesChangesNothingButThePrices() {
        List<PriceHistory> series = new ArrayList<>();
        Templates.all().values().forEach(t -> series.add(t.build()));
        for (int seed = 1; seed <= 30; seed++) {
            series.add(TestBars.randomWalk("WALK19", seed, 250, 100, 0, 0.015));
        }
        series.add(TestBars.aapl2013("AAPL19"));
        int compared = 0;
        for (PriceHistory h : series) {
            List<ChartPattern> base = DETECTOR.detect(h);
            for (double scale : new double[] {0.001, 1000}) {
                List<ChartPattern> scaled = DETECTOR.detect(scale(h, scale));
                assertThat(scaled).hasSameSizeAs(base);
                for (int i = 0; i < base.size(); i++) {
                    ChartPattern a = base.get(i);
                    ChartPattern b = scaled.get(i);
                    assertThat(b.type()).isEqualTo(a.type());
                    assertThat(b.confidence()).isEqualTo(a.confidence());
                    assertThat(b.start()).isEqualTo(a.start());
                    assertThat(b.end()).isEqualTo(a.end());
                    assertThat(b.points().keySet()).isEqualTo(a.points().keySet());
                    for (String k : a.points().keySet()) {
                        assertThat(b.points().get(k).date()).isEqualTo(a.points().get(k).date());
                        assertThat(b.points().get(k).price() / scale).isCloseTo(a.points().get(k).price(),
                                org.assertj.core.api.Assertions.withinPercentage(1e-7));
                    }
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(26); // every template, at both scales
    }

    @Test
    void detectionIsDeterministicAcrossRunsDetectorsAndThreads() throws Exception {
        PriceHistory h = Templates.vcp().build();
        List<ChartPattern> first = DETECTOR.detect(h);
        assertThat(new PatternDetector().detect(h)).isEqualTo(first);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<ChartPattern>>> runs = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                runs.add(pool.submit(() -> DETECTOR.detect(h)));
            }
            for (Future<List<ChartPattern>> run : runs) {
                assertThat(run.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Json.write(first)).isEqualTo(Json.write(DETECTOR.detect(h)));
    }

    @Test
    void shortHistoriesGiveNothing() {
        assertThat(DETECTOR.detect(new PriceHistory("X19", Templates.doubleTop().build().bars().subList(0, 29)))).isEmpty();
        assertThat(DETECTOR.detect(new PriceHistory("X19", List.of()))).isEmpty();
    }

    @Test
    void zeroOrMissingVolumeIsUnknownNotADryUp() {
        PriceHistory h = Templates.bullishFlag().build();
        Prices known = new Prices(h);
        List<Bar> silent = new ArrayList<>();
        h.bars().forEach(b -> silent.add(new Bar(b.date(), b.open(), b.high(), b.low(), b.close(), 0)));
        Prices unknown = new Prices(new PriceHistory(h.symbol(), silent));
        assertThat(Candidate.volumeDryUp(unknown, 140, 147, 148, 159, 0.6)).isNaN();
        assertThat(Candidate.volumeDryUp(known, 140, 147, 148, 159, 0.6)).isEqualTo(1.0); // the flag trades at half the pole's volume
        // a stretch of zero volume never raises quality: without volume the flag is judged on its shape alone
        ChartPattern withVolume = found(h, PatternType.BULLISH_FLAG);
        ChartPattern withoutVolume = found(new PriceHistory(h.symbol(), silent), PatternType.BULLISH_FLAG);
        assertThat(withoutVolume.measurements().get("quality")).isLessThanOrEqualTo(withVolume.measurements().get("quality"));
    }

    @Test
    void aCupIsRoundedWithARealHandleNotAVShapedCrash() {
        // a 45 % crash and recovery in 20 bars each, then a 3-bar dip: the evaluation's "cup" that was not one
        PriceHistory v = Synthetic.from(100).activity(2.0).leg(100, 30).activity(0.7).leg(20, -45).leg(20, 80).leg(3, -5).leg(4, 8)
                .build();
        assertThat(types(v)).doesNotContain(PatternType.CUP_HANDLE);
        // the textbook cup with a 3-bar handle is not one yet either
        PriceHistory shortHandle = Synthetic.from(100).activity(2.0).leg(100, 30).activity(0.7).leg(25, -20).leg(20, 0).leg(25, 25)
                .leg(3, -6, 0.6).build();
        assertThat(types(shortHandle)).doesNotContain(PatternType.CUP_HANDLE);
    }

    @Test
    void aHeadAndShouldersOfTenPercentSwingsIsSeenOnAVolatileSeries() {
        // typical days of about 3 %: the coarse swing threshold is 15 %, the fine one sees these 10 % swings
        PriceHistory h = Synthetic.from(100).range(0.025).noise(0.008).activity(1.6).leg(80, 30).activity(0.8)
                .leg(16, -10).leg(20, 20).leg(20, -15).leg(16, 9, 0.7).leg(16, -12, 1.3).flat(3).build();
        ChartPattern p = found(h, PatternType.HEAD_SHOULDERS);
        assertThat(p.measurements().get("head_height_pct")).isBetween(10.0, 30.0);
        assertThat(new Prices(h).unit).isGreaterThan(0.025);
    }

    @Test
    void aRallyThenACrashIsNotATriangle() {
        // +60 % then −50 %, then small swings: the lines must not be anchored on the rally's origin
        PriceHistory h = Synthetic.from(100).activity(2.0).leg(40, 5).leg(20, 60).leg(20, -50).activity(0.7).leg(10, 6).leg(10, -5)
                .leg(10, 5).leg(10, -4).leg(10, 4).leg(10, -3).build();
        for (ChartPattern p : DETECTOR.detect(h)) {
            assertThat(PatternAudit.violations(h, p)).isEmpty();
            if (p.type().family().equals("triangle") || p.type().family().equals("wedge")) {
                assertThat(p.start()).as("after the crash's low").isAfterOrEqualTo(h.bars().get(79).date());
            }
        }
    }

    @Test
    void aSymmetricalTriangleGetsTheTargetOfTheSideItBreaks() {
        PriceHistory forming = Templates.symmetricalTriangle().build();
        ChartPattern p = found(forming, PatternType.SYMMETRICAL_TRIANGLE);
        assertThat(p.state()).isEqualTo(PatternState.FORMING);
        assertThat(p.direction()).isEqualTo(PatternType.Direction.NEUTRAL);
        assertThat(p.measurements().get("target")).isNull();
        PriceHistory brokeDown = Templates.symmetricalTriangle().leg(4, -8, 1.5).build();
        ChartPattern down = found(brokeDown, PatternType.SYMMETRICAL_TRIANGLE);
        assertThat(down.state()).isIn(PatternState.CONFIRMED, PatternState.TARGET_REACHED);
        assertThat(down.direction()).isEqualTo(PatternType.Direction.BEARISH);
        assertThat(down.measurements().get("target")).isLessThan(down.measurements().get("breakout_level"));
    }

    @Test
    void aBadTickNeitherMakesNorBreaksAPattern() {
        for (Synthetic t : List.of(Templates.doubleTop(), Templates.headShoulders(), Templates.ascendingTriangle())) {
            PriceHistory clean = t.build();
            for (double factor : new double[] {100, 0.01}) {
                List<Bar> bars = new ArrayList<>(clean.bars());
                int at = clean.size() - 20;
                Bar b = bars.get(at);
                double c = b.close() * factor;
                bars.set(at, new Bar(b.date(), b.open(), Math.max(b.high(), c), Math.min(b.low(), c), c, b.volume()));
                assertThat(DETECTOR.detect(new PriceHistory(clean.symbol(), bars)))
                        .extracting(ChartPattern::type, ChartPattern::start, ChartPattern::state)
                        .isEqualTo(DETECTOR.detect(clean).stream().map(p -> org.assertj.core.groups.Tuple.tuple(p.type(), p.start(), p.state()))
                                .toList());
            }
        }
    }

    @Test
    void fuzzedAndDegenerateSeriesGiveNoExceptionAndNoNaN() {
        java.util.Random random = new java.util.Random(2026);
        for (int k = 0; k < 300; k++) {
            List<Bar> bars = new ArrayList<>();
            LocalDate day = LocalDate.of(2025, 1, 1);
            double c = Math.exp(random.nextGaussian() * 8);
            int n = 30 + random.nextInt(300);
            int flatFrom = random.nextInt(n);
            for (int i = 0; i < n; i++) {
                double next = i >= flatFrom && k % 3 == 0 ? c : c * Math.exp(random.nextGaussian() * 0.05 * random.nextInt(3));
                double hi = Math.max(c, next) * (1 + Math.abs(random.nextGaussian()) * 0.01);
                double lo = Math.min(c, next) / (1 + Math.abs(random.nextGaussian()) * 0.01);
                bars.add(new Bar(day.plusDays(i), c, hi, lo, next, k % 2 == 0 ? 0 : random.nextInt(1_000_000)));
                c = next;
            }
            PriceHistory h = new PriceHistory("FUZZ19", bars);
            List<ChartPattern> found = DETECTOR.detect(h);
            assertThat(Json.write(found)).doesNotContain("NaN").doesNotContain("Infinity");
            found.forEach(p -> assertPointsContract(h, p));
            assertThat(PatternTrackRecord.events(h)).allSatisfy(e -> assertThat(e.quality()).isBetween(0.0, 1.0));
        }
    }

    private static PriceHistory scale(PriceHistory h, double k) {
        List<Bar> bars = new ArrayList<>();
        for (Bar b : h.bars()) {
            bars.add(new Bar(b.date(), b.open() * k, b.high() * k, b.low() * k, b.close() * k, b.volume()));
        }
        return new PriceHistory(h.symbol(), bars);
    }
}
