package com.drdailyreport.shared.testing;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Price series for tests: the real AAPL bars of 2013 from ta4j-examples, and seeded synthetic ones. */
public final class TestBars {

    /** Resource in org.ta4j:ta4j-examples:0.18: 252 daily AAPL bars of 2013, {@code date,open,high,low,close,volume}. */
    public static final String AAPL_2013 = "appleinc_bars_from_20130101_usd.csv";

    private TestBars() {
    }

    /** The 252 real AAPL bars of 2013, stored under {@code symbol}. */
    public static PriceHistory aapl2013(String symbol) {
        try (InputStream in = TestBars.class.getClassLoader().getResourceAsStream(AAPL_2013)) {
            if (in == null) {
                throw new IllegalStateException(AAPL_2013 + " not on the test classpath (org.ta4j:ta4j-examples:0.18)");
            }
            return com.drdailyreport.shared.market.CsvPriceSource.parse(symbol, new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A seeded geometric random walk of {@code count} weekday bars starting on 2025-01-02 at
     * {@code start}, with daily volatility {@code dailyVol} and drift {@code dailyDrift}.
     */
    public static PriceHistory randomWalk(String symbol, long seed, int count, double start, double dailyDrift, double dailyVol) {
        Random random = new Random(seed);
        List<Bar> bars = new ArrayList<>();
        LocalDate date = LocalDate.of(2025, 1, 2);
        double close = start;
        for (int i = 0; i < count; i++) {
            while (date.getDayOfWeek().getValue() > 5) {
                date = date.plusDays(1);
            }
            double open = close;
            close = open * Math.exp(dailyDrift + dailyVol * random.nextGaussian());
            double high = Math.max(open, close) * (1 + Math.abs(random.nextGaussian()) * dailyVol / 3);
            double low = Math.min(open, close) * (1 - Math.abs(random.nextGaussian()) * dailyVol / 3);
            bars.add(new Bar(date, open, high, low, close, 1_000_000L + random.nextInt(500_000)));
            date = date.plusDays(1);
        }
        return new PriceHistory(symbol, bars);
    }
}
