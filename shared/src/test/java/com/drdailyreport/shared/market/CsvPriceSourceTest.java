package com.drdailyreport.shared.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.Bar;
import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.testing.TestBars;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvPriceSourceTest {

    private static final Ticker AAPL = new Ticker(1, "AAPL19", "AAPL", "Apple", "US", "USD", null, "equity", true);

    @Test
    void readsTheTa4jAppleFileAsIs() throws IOException {
        PriceHistory history;
        try (InputStreamReader reader = new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream(TestBars.AAPL_2013), StandardCharsets.UTF_8)) {
            history = CsvPriceSource.parse("AAPL19", reader);
        }
        assertThat(history).isEqualTo(TestBars.aapl2013("AAPL19"));
        assertThat(history.size()).isEqualTo(252);
    }

    @Test
    void findsFilesByDrThenYahooSymbolAndAcceptsYahooDownloads(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("AAPL.csv"), "Date,Open,High,Low,Close,Adj Close,Volume\n"
                + "2026-01-13,10,11,9,10.5,10.4,100\n2026-01-12,9,10,8.5,9.5,9.4,90\n");
        PriceData data = new CsvPriceSource(dir).fetch(AAPL);
        assertThat(data.history().bars()).extracting(Bar::date).containsExactly(LocalDate.of(2026, 1, 12), LocalDate.of(2026, 1, 13));
        assertThat(data.history().last().close()).isEqualTo(10.5);
        assertThat(data.metadata()).isEqualTo(InstrumentMetadata.UNKNOWN);

        Files.writeString(dir.resolve("AAPL19.csv"), "date,open,high,low,close\n2026-01-14,1,2,0.5,1.5\n");
        assertThat(new CsvPriceSource(dir).fetch(AAPL).history().size()).isEqualTo(1);
        assertThat(new CsvPriceSource(dir).name()).isEqualTo("csv");
    }

    @Test
    void badLinesAreNamed() {
        assertThatThrownBy(() -> parse("date,open,high,low,close,volume\n2026-01-12,1,2,0.5,1.5,10\n2026-01-13,1,2,0.5,null,10\n"))
                .isInstanceOf(InvalidValueException.class).hasMessage("line 3 close is missing");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n12/01/2026,1,2,0.5,1.5\n"))
                .hasMessage("line 2 date is not a YYYY-MM-DD date: '12/01/2026'");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2026-01-12,1,2,0.5,abc\n")).hasMessage("line 2 close is not a number: 'abc'");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2026-01-12,1,2,0.5,NaN\n"))
                .hasMessage("line 2 close must be a finite number, was NaN");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2026-01-12,1,2,0.5,-1\n"))
                .hasMessage("line 2 close must be greater than 0, was -1.0");
        assertThatThrownBy(() -> parse("date,open,high,low,close\n2026-01-12,1,2,0.5,1\n2026-01-12,1,2,0.5,1\n"))
                .hasMessage("line 3 date 2026-01-12 appears twice");
        assertThatThrownBy(() -> parse("day,price\n2026-01-12,1\n")).hasMessageStartingWith("csv header lacks the column 'date'");
        assertThatThrownBy(() -> parse("")).hasMessage("csv is empty");
    }

    @Test
    void aMissingOrCorruptFileIsAPriceSourceError(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> new CsvPriceSource(dir).fetch(AAPL)).isInstanceOf(PriceSourceException.class)
                .hasMessageStartingWith("no price file for AAPL19");
        Files.writeString(dir.resolve("AAPL19.csv"), "date,open,high,low,close\n2026-01-12,x,2,1,1\n");
        assertThatThrownBy(() -> new CsvPriceSource(dir).fetch(AAPL)).isInstanceOf(PriceSourceException.class)
                .hasMessage("AAPL19.csv: line 2 open is not a number: 'x'");
    }

    private static PriceHistory parse(String text) {
        return CsvPriceSource.parse("X19", new StringReader(text));
    }
}
