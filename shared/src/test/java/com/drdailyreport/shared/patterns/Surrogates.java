package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Structureless copies of a real series, the null model of the pattern evaluation: the days are
 * shuffled, each keeping its close-to-close return, its opening gap, its two wicks and its volume,
 * so the distribution of moves, ranges and volumes is exactly the original's and only their order —
 * the chart's structure: trends, bases, volatility and volume clusters — is gone. Dates stay in place.
 */
final class Surrogates {

    private Surrogates() {
    }

    static PriceHistory dayShuffled(PriceHistory real, Random random) {
        List<Bar> bars = real.bars();
        int n = bars.size();
        if (n < 3) {
            return real;
        }
        // day i (1..n-1) as log moves relative to the previous close
        int[] order = new int[n - 1];
        for (int i = 0; i < order.length; i++) {
            order[i] = i + 1;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<Bar> out = new ArrayList<>(n);
        out.add(bars.getFirst());
        double previousClose = bars.getFirst().close();
        for (int k = 0; k < order.length; k++) {
            Bar day = bars.get(order[k]);
            double before = bars.get(order[k] - 1).close();
            double gap = day.open() / before;
            double move = day.close() / before;
            double upperWick = day.high() / Math.max(day.open(), day.close());
            double lowerWick = Math.min(day.open(), day.close()) / day.low();
            double open = previousClose * gap;
            double close = previousClose * move;
            double high = Math.max(open, close) * upperWick;
            double low = Math.min(open, close) / lowerWick;
            out.add(new Bar(bars.get(k + 1).date(), open, high, low, close, day.volume()));
            previousClose = close;
        }
        return new PriceHistory(real.symbol(), out);
    }
}
