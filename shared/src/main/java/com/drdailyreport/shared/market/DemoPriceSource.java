package com.drdailyreport.shared.market;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.time.BusinessClock;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

/**
 * Synthetic daily bars for offline use: about a year of weekday bars per ticker, ending on the
 * last weekday on or before the business date, at a price level typical of the ticker's currency.
 * Deterministic — the same ticker and date give the same bars — so offline runs and tests are
 * repeatable. Recorded as source "demo", which the API and the page label as demo data.
 */
public final class DemoPriceSource implements PriceSource {

    /** Bars per series: one trading year. */
    public static final int BARS = 252;

    private final BusinessClock clock;

    public DemoPriceSource(BusinessClock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public PriceData fetch(Ticker ticker) {
        return new PriceData(series(ticker.drSymbol(), ticker.currency(), lastWeekday(clock.today()), BARS),
                new InstrumentMetadata(null, null, null, null, null));
    }

    /** The demo series of {@code symbol}: {@code count} weekday bars ending on {@code end}. */
    public static PriceHistory series(String symbol, String currency, LocalDate end, int count) {
        SplittableRandom random = new SplittableRandom(seed(symbol));
        List<LocalDate> dates = new ArrayList<>(count);
        LocalDate date = lastWeekday(end);
        while (dates.size() < count) {
            dates.add(date);
            date = date.minusDays(1);
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.minusDays(1);
            }
        }
        double level = startLevel(currency) * (0.6 + 0.8 * random.nextDouble());
        double volatility = 0.010 + 0.015 * random.nextDouble();
        double drift = (random.nextDouble() - 0.45) * 0.002;
        long baseVolume = 200_000 + random.nextLong(5_000_000);
        List<Bar> bars = new ArrayList<>(count);
        double close = level;
        double pace = 1;
        for (int i = count - 1; i >= 0; i--) {
            if (random.nextDouble() < 0.03) {
                drift = (random.nextDouble() - 0.45) * 0.004; // a regime change every month or so
            }
            if (random.nextDouble() < 0.04) {
                // real markets alternate quiet and hectic stretches lasting weeks (volatility clusters);
                // quiet stretches are where chart patterns form
                double r = random.nextDouble();
                pace = r < 0.35 ? 0.45 : r < 0.75 ? 1.0 : 1.8;
            }
            double v = volatility * pace;
            double open = close * (1 + 0.002 * pace * gaussian(random));
            close = open * Math.exp(drift + v * gaussian(random));
            double high = Math.max(open, close) * (1 + Math.abs(gaussian(random)) * v * 0.5);
            double low = Math.min(open, close) * (1 - Math.abs(gaussian(random)) * v * 0.5);
            long volume = (long) (baseVolume * pace * (0.5 + random.nextDouble()) * (1 + Math.abs(close / open - 1) * 20));
            bars.add(new Bar(dates.get(i), round(open), round(high), round(low), round(close), volume));
        }
        return new PriceHistory(symbol, widenRounded(bars));
    }

    private static List<Bar> widenRounded(List<Bar> bars) {
        List<Bar> out = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            out.add(Bar.widened(b.date(), b.open(), b.high(), b.low(), b.close(), b.volume()));
        }
        return out;
    }

    private static double startLevel(String currency) {
        if (currency == null) {
            return 100;
        }
        return switch (currency) {
            case "VND" -> 60_000;
            case "JPY" -> 3_000;
            case "HKD" -> 80;
            case "TWD" -> 150;
            case "SGD" -> 12;
            default -> 150;
        };
    }

    private static LocalDate lastWeekday(LocalDate date) {
        LocalDate d = date;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    private static long seed(String symbol) {
        CRC32 crc = new CRC32();
        crc.update(symbol.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() * 0x9E3779B97F4A7C15L;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller, so the sequence depends on nothing but the seed
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double round(double price) {
        double scale = price >= 1_000 ? 1 : price >= 10 ? 100 : 1_000;
        return Math.round(price * scale) / scale;
    }
}
