package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import java.time.Duration;
import java.time.ZoneOffset;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/** A ta4j {@link BarSeries} (double precision: fast, and exact enough for daily prices) from a {@link PriceHistory}. */
public final class BarSeriesFactory {

    private static final Duration DAY = Duration.ofDays(1);

    private BarSeriesFactory() {
    }

    public static BarSeries of(PriceHistory history) {
        BarSeries series = new BaseBarSeriesBuilder()
                .withName(history.symbol())
                .withNumFactory(DoubleNumFactory.getInstance())
                .build();
        for (Bar bar : history.bars()) {
            series.barBuilder()
                    .timePeriod(DAY)
                    .endTime(bar.date().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    .openPrice(bar.open())
                    .highPrice(bar.high())
                    .lowPrice(bar.low())
                    .closePrice(bar.close())
                    .volume(bar.volume())
                    .add();
        }
        return series;
    }
}
