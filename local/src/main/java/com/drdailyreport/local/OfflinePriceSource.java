package com.drdailyreport.local;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.market.CsvPriceSource;
import com.drdailyreport.shared.market.DemoPriceSource;
import com.drdailyreport.shared.market.InstrumentMetadata;
import com.drdailyreport.shared.market.PriceData;
import com.drdailyreport.shared.market.PriceSource;
import com.drdailyreport.shared.time.BusinessClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bundled offline prices: for {@code AAPL19} the 252 real Apple daily bars of 2013 that ship
 * with {@code ta4j-examples} (recorded as {@value #AAPL_SOURCE}); for every other ticker the
 * deterministic demo series (recorded as {@code demo}, which reports and the page label as demo
 * data). Nothing is downloaded.
 */
final class OfflinePriceSource implements PriceSource {

    static final String AAPL_RESOURCE = "appleinc_bars_from_20130101_usd.csv";
    static final String AAPL_SOURCE = "ta4j-examples-aapl-2013";
    static final String AAPL_SYMBOL = "AAPL19";

    private final DemoPriceSource demo;
    private final List<Bar> aapl;

    OfflinePriceSource(BusinessClock clock) {
        this.demo = new DemoPriceSource(clock);
        this.aapl = aapl2013();
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String name(Ticker ticker) {
        return AAPL_SYMBOL.equals(ticker.drSymbol()) ? AAPL_SOURCE : demo.name();
    }

    @Override
    public PriceData fetch(Ticker ticker) {
        if (AAPL_SYMBOL.equals(ticker.drSymbol())) {
            return new PriceData(new PriceHistory(ticker.drSymbol(), aapl),
                    InstrumentMetadata.UNKNOWN);
        }
        return demo.fetch(ticker);
    }

    /** The 2013 AAPL bars from the ta4j-examples jar (its CSV has the columns our CSV source reads). */
    static List<Bar> aapl2013() {
        try (InputStream in = OfflinePriceSource.class.getClassLoader().getResourceAsStream(AAPL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(AAPL_RESOURCE + " is not on the classpath (org.ta4j:ta4j-examples)");
            }
            return CsvPriceSource.parse(AAPL_SYMBOL, new InputStreamReader(in, StandardCharsets.UTF_8)).bars();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
