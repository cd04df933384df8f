package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.testing.TestBars;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;

/**
 * Survey main (not a test) behind the README's indicator figures:
 * <ol>
 *   <li><b>warm-up</b>: how far RSI, ATR and the MACD histogram of a report built from only the
 *       last N bars are from the same indicator over a long history (what a chart with the whole
 *       history shows), for N = 21 … 120 — over 200 seeded random walks of 600 bars (1.5 %/day,
 *       the window ends on the last bar) and over the 102 AAPL 2013 windows ending on bars
 *       151–252; and, for comparison, ta4j's own RSI (seeded with one value) on the first N AAPL
 *       bars against TTR's;</li>
 *   <li><b>bad-tick guard</b>: false alarms on 2,000 heavy-tailed walks (Student t, 3 degrees of
 *       freedom) per daily volatility, and the risk figures of the AAPL report with one ×100 or
 *       ÷100 tick.</li>
 * </ol>
 * Run: mvn -q -pl shared test-compile exec:java -Dexec.classpathScope=test
 *      -Dexec.mainClass=com.drdailyreport.shared.analysis.IndicatorSurvey
 */
public final class IndicatorSurvey {

    private static final int[] WINDOWS = {21, 30, 42, 52, 60, 90, 120};

    public static void main(String[] args) {
        warmUp();
        ta4jSeeding();
        badTicks();
    }

    private static void warmUp() {
        List<double[]> rsi = new ArrayList<>();
        List<double[]> atr = new ArrayList<>();
        List<double[]> hist = new ArrayList<>();
        List<double[]> wrongSign = new ArrayList<>();
        for (int w = 0; w < WINDOWS.length; w++) {
            rsi.add(new double[0]);
            atr.add(new double[0]);
            hist.add(new double[0]);
            wrongSign.add(new double[0]);
        }
        List<PriceHistory> longSeries = new ArrayList<>();
        for (long seed = 1; seed <= 200; seed++) {
            longSeries.add(TestBars.randomWalk("RW19", seed, 600, 100, 0, 0.015));
        }
        PriceHistory aapl = TestBars.aapl2013("AAPL19");
        for (int end = 150; end < aapl.size(); end++) {
            longSeries.add(new PriceHistory("AAPL19", aapl.bars().subList(0, end + 1)));
        }
        System.out.println("1. Warm-up: a report's value from the last N bars against the same indicator over the whole history");
        System.out.println("   (200 random walks of 600 bars + 102 AAPL windows ending on bars 151-252; median / 95th percentile / max)");
        System.out.printf(Locale.ROOT, "   %4s  %-26s %-26s %-30s %s%n", "N", "|RSI diff| (points)", "|ATR diff| / ATR (%)",
                "|hist diff| / close (bp)", "hist sign differs");
        for (int w = 0; w < WINDOWS.length; w++) {
            int n = WINDOWS[w];
            double[] r = new double[longSeries.size()];
            double[] a = new double[longSeries.size()];
            double[] h = new double[longSeries.size()];
            int signs = 0;
            int count = 0;
            for (PriceHistory full : longSeries) {
                double[] fullRsi = TechnicalIndicators.wilderRsi(closes(full), 14);
                double[] fullAtr = atr(full);
                double[] fullHist = histogram(closes(full));
                PriceHistory window = full.tail(n);
                int last = full.size() - 1;
                double[] wRsi = TechnicalIndicators.wilderRsi(closes(window), 14);
                double[] wAtr = atr(window);
                double[] wHist = histogram(closes(window));
                double close = full.last().close();
                r[count] = Math.abs(wRsi[n - 1] - fullRsi[last]);
                a[count] = Math.abs(wAtr[n - 1] - fullAtr[last]) / fullAtr[last] * 100;
                h[count] = Math.abs(wHist[n - 1] - fullHist[last]) / close * 10_000;
                if (Double.isFinite(wHist[n - 1]) && Math.signum(wHist[n - 1]) != Math.signum(fullHist[last])) {
                    signs++;
                }
                count++;
            }
            System.out.printf(Locale.ROOT, "   %4d  %-26s %-26s %-30s %s%n", n, stats(r), stats(a), stats(h),
                    Double.isNaN(h[0]) ? "n/a (too short)" : String.format(Locale.ROOT, "%d of %d", signs, count));
        }
        System.out.printf(Locale.ROOT, "   published from: RSI and ATR %d bars, MACD %d bars%n%n", TechnicalIndicators.RSI_BARS,
                TechnicalIndicators.MACD_BARS);
    }

    /** What the old code published: ta4j's RSI, seeded with one value, on the first N AAPL bars, against TTR's. */
    private static void ta4jSeeding() {
        ReferenceValues ttr = ReferenceValues.ttr();
        PriceHistory aapl = TestBars.aapl2013("AAPL19");
        RSIIndicator ta4j = new RSIIndicator(new ClosePriceIndicator(BarSeriesFactory.of(aapl)), 14);
        double[] reference = ttr.column("rsi_14");
        System.out.println("   ta4j's RSI(14) (seeded with one value, as the report used to publish it) against TTR's on AAPL 2013:");
        for (int[] range : new int[][] {{15, 21}, {22, 42}, {43, 60}, {61, 120}, {121, 252}}) {
            double worst = 0;
            for (int bar = range[0]; bar <= range[1]; bar++) {
                worst = Math.max(worst, Math.abs(ta4j.getValue(bar - 1).doubleValue() - reference[bar - 1]));
            }
            System.out.printf(Locale.ROOT, "     bars %3d-%3d: largest difference %.6f points%n", range[0], range[1], worst);
        }
        System.out.println();
    }

    private static void badTicks() {
        System.out.println("2. Bad-tick guard");
        for (double vol : new double[] {0.005, 0.01, 0.02, 0.05}) {
            int closes = 0;
            int wicks = 0;
            for (int s = 0; s < 2000; s++) {
                for (PriceCleaning.Flag f : PriceCleaning.clean(heavyTailedWalk(s, vol)).flags()) {
                    if (f.kind().equals("close_spike")) {
                        closes++;
                    } else {
                        wicks++;
                    }
                }
            }
            System.out.printf(Locale.ROOT, "   t(3) walks, %.1f %%/day, 2,000 × 250 bars: %d close spikes and %d wicks flagged (false alarms)%n",
                    vol * 100, closes, wicks);
        }
        PriceHistory aapl = TestBars.aapl2013("AAPL19");
        Ticker ticker = new Ticker(1, "AAPL19", "AAPL", "Apple", "NasdaqGS", "USD", null, "equity", true);
        for (double factor : new double[] {1, 100, 0.01}) {
            PriceHistory history = PriceCleaningTest.withTick(aapl, 240, factor);
            JsonNode json = new ReportBuilder().build(new ReportBuilder.Input(ticker, history, "csv", List.of(), LocalDate.of(2014, 1, 2),
                    Instant.parse("2014-01-01T22:00:00Z"))).json();
            JsonNode risk = json.get("risk");
            System.out.printf(Locale.ROOT, "   AAPL 2013%s: 30-day volatility %.1f %%, 90-day %.1f %%, max drawdown %.1f %%, ATR %.2f %%, flagged %s%n",
                    factor == 1 ? " as it is" : String.format(Locale.ROOT, ", close of %s ×%s", aapl.bars().get(240).date(),
                            factor >= 1 ? String.format(Locale.ROOT, "%.0f", factor) : "1/" + Math.round(1 / factor)),
                    risk.get("volatility_30d").asDouble(), risk.get("volatility_90d").asDouble(), risk.get("max_drawdown_1y").asDouble(),
                    risk.get("atr_percent").asDouble(), json.get("data_quality").get("flagged_bars").findValuesAsText("date"));
        }
    }

    private static PriceHistory heavyTailedWalk(long seed, double vol) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        double close = 100;
        for (int i = 0; i < 250; i++) {
            double open = close;
            close = open * Math.exp(vol * studentT3(random) / Math.sqrt(3));
            double high = Math.max(open, close) * Math.exp(Math.abs(vol * studentT3(random)) / 3);
            double low = Math.min(open, close) * Math.exp(-Math.abs(vol * studentT3(random)) / 3);
            bars.add(new Bar(LocalDate.of(2020, 1, 1).plusDays(i), open, high, low, close, 1_000));
        }
        return new PriceHistory("T19", bars);
    }

    private static double studentT3(Random random) {
        double chi = 0;
        for (int k = 0; k < 3; k++) {
            double g = random.nextGaussian();
            chi += g * g;
        }
        return random.nextGaussian() / Math.sqrt(chi / 3);
    }

    private static double[] closes(PriceHistory h) {
        return h.bars().stream().mapToDouble(Bar::close).toArray();
    }

    private static double[] atr(PriceHistory h) {
        return TechnicalIndicators.wilderAtr(h.bars().stream().mapToDouble(Bar::high).toArray(),
                h.bars().stream().mapToDouble(Bar::low).toArray(), closes(h), 14);
    }

    private static double[] histogram(double[] close) {
        double[] fast = TechnicalIndicators.ema(close, 12);
        double[] slow = TechnicalIndicators.ema(close, 26);
        double[] line = new double[close.length];
        for (int i = 0; i < line.length; i++) {
            line[i] = fast[i] - slow[i];
        }
        double[] signal = TechnicalIndicators.ema(line, 9);
        double[] out = new double[close.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = line[i] - signal[i];
        }
        return out;
    }

    private static String stats(double[] values) {
        double[] sorted = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) {
            return "n/a (too short)";
        }
        return String.format(Locale.ROOT, "%.3g / %.3g / %.3g", sorted[sorted.length / 2], sorted[(int) Math.floor(0.95 * (sorted.length - 1))],
                sorted[sorted.length - 1]);
    }
}
