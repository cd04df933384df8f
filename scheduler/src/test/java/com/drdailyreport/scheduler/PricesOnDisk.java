package com.drdailyreport.scheduler;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.market.DemoPriceSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Writes a CSV price file per ticker (date,open,high,low,close,volume), as an offline price feed would deliver them. */
final class PricesOnDisk {

    private PricesOnDisk() {
    }

    static void write(Path dir, List<Ticker> tickers, LocalDate end, int bars) {
        try {
            for (Ticker t : tickers) {
                PriceHistory h = DemoPriceSource.series(t.drSymbol(), t.currency(), end, bars);
                StringBuilder csv = new StringBuilder("date,open,high,low,close,volume\n");
                for (Bar b : h.bars()) {
                    csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d%n", b.date(), b.open(), b.high(), b.low(), b.close(), b.volume()));
                }
                Files.writeString(dir.resolve(t.drSymbol() + ".csv"), csv);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
