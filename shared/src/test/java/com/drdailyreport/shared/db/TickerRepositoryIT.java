package com.drdailyreport.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.domain.InvalidValueException;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.domain.TickerRegistry;
import com.drdailyreport.shared.testing.DatabaseExtension;
import com.drdailyreport.shared.testing.TestSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DatabaseExtension.class)
class TickerRepositoryIT {

    private final TestSchema db;
    private final TickerRepository tickers;

    TickerRepositoryIT(TestSchema db) {
        this.db = db;
        this.tickers = new TickerRepository(db.dataSource());
    }

    @Test
    void theSeededUniverseIsTheProjectsTickerFile() throws IOException {
        List<String[]> csv;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/seed/tickers.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).map(l -> l.split(",", -1)).toList();
        }
        List<Ticker> active = tickers.findActive();

        assertThat(active).hasSize(csv.size()).hasSize(56);
        assertThat(active).extracting(Ticker::drSymbol)
                .containsExactlyInAnyOrderElementsOf(csv.stream().map(r -> r[0]).toList()).isSorted();
        assertThat(active).extracting(t -> t.drSymbol() + "=" + t.yahooSymbol())
                .containsExactlyInAnyOrderElementsOf(csv.stream().map(r -> r[0] + "=" + r[1]).toList());
        assertThat(active).allSatisfy(t -> assertThat(t.drSymbol()).endsWith("19"));
    }

    @Test
    void exchangeAndCurrencyFollowTheYahooSuffix() {
        assertThat(tickers.findBySymbol("DBS19")).get().extracting(Ticker::exchange, Ticker::currency).containsExactly("SGX", "SGD");
        assertThat(tickers.findBySymbol("0700.hk")).get().extracting(Ticker::drSymbol, Ticker::currency).containsExactly("TENCENT19", "HKD");
        assertThat(tickers.findBySymbol("MSN19")).get().extracting(Ticker::exchange, Ticker::currency).containsExactly("HOSE", "VND");
        assertThat(tickers.findBySymbol("NVDA")).get().extracting(Ticker::drSymbol, Ticker::currency).containsExactly("NVDA19", "USD");
        assertThat(tickers.findBySymbol("TAIWAN19")).get().extracting(Ticker::quoteType).isEqualTo("etf");
    }

    @Test
    void metadataFillsAnEmptyNameButNeverReplacesAKnownOne() {
        Ticker gold = db.ticker("GOLD19");
        assertThat(gold.companyName()).isNull();

        tickers.updateMetadata(gold.id(), "SPDR Gold Shares (SGX)", "SES", null, "etf");
        tickers.updateMetadata(db.ticker("NVDA19").id(), "Something Else", "NMS", "USD", null);

        assertThat(db.ticker("GOLD19")).extracting(Ticker::companyName, Ticker::exchange, Ticker::currency, Ticker::quoteType)
                .containsExactly("SPDR Gold Shares (SGX)", "SES", "SGD", "etf");
        assertThat(db.ticker("NVDA19")).extracting(Ticker::companyName, Ticker::exchange).containsExactly("NVIDIA", "NMS");
        // running it again changes nothing
        tickers.updateMetadata(gold.id(), "Another Name", "SES", null, "etf");
        assertThat(db.ticker("GOLD19").companyName()).isEqualTo("SPDR Gold Shares (SGX)");
    }

    @Test
    void updatesToAMissingTickerFailInsteadOfSucceedingSilently() {
        assertThatThrownBy(() -> tickers.updateMetadata(999_999, "x", null, null, null))
                .isInstanceOf(RecordNotFoundException.class).hasMessage("ticker_master: no row for id=999999");
        assertThatThrownBy(() -> tickers.setActive(999_999, false)).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void deactivatedTickersLeaveTheActiveList() {
        Ticker uob = db.ticker("UOB19");
        tickers.setActive(uob.id(), false);
        try {
            assertThat(tickers.findActive()).extracting(Ticker::drSymbol).doesNotContain("UOB19").hasSize(55);
            assertThat(tickers.findAll()).hasSize(56);
            assertThat(tickers.findBySymbol("UOB19")).get().extracting(Ticker::active).isEqualTo(false);
        } finally {
            tickers.setActive(uob.id(), true);
        }
    }

    @Test
    void badSymbolsAreRejectedBeforeSql() {
        assertThatThrownBy(() -> tickers.findBySymbol(" ")).isInstanceOf(InvalidValueException.class).hasMessage("symbol must not be empty");
        assertThatThrownBy(() -> tickers.findBySymbol("x' OR '1'='1")).isInstanceOf(InvalidValueException.class);
        assertThat(tickers.findBySymbol("NOPE19")).isEmpty();
    }

    @Test
    void theRegistryResolvesEveryStoredSymbol() {
        TickerRegistry registry = new TickerRegistry(tickers.findActive());
        for (Ticker t : registry.all()) {
            assertThat(registry.resolve(t.drSymbol().toLowerCase())).contains(t);
            assertThat(registry.resolve(t.yahooSymbol())).contains(t);
        }
        assertThat(registry.suggest("NVDIA19", 3)).extracting(Ticker::drSymbol).contains("NVDA19");
        assertThat(Arrays.asList("XIAOMI19", "MEITUAN19")).allSatisfy(s -> assertThat(registry.resolve(s)).isPresent());
    }
}
