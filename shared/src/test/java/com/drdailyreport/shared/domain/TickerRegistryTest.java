package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TickerRegistryTest {

    private static final TickerRegistry REGISTRY = new TickerRegistry(List.of(
            new Ticker(1, "NVDA19", "NVDA", "NVIDIA", "US", "USD", null, "equity", true),
            new Ticker(2, "DBS19", "D05.SI", "DBS Group Holdings", "SGX", "SGD", null, "equity", true),
            new Ticker(3, "TENCENT19", "0700.HK", "Tencent Holdings", "HKEX", "HKD", null, "equity", true),
            new Ticker(4, "GOLD19", "GSD.SI", null, "SGX", "SGD", null, "equity", true),
            new Ticker(5, "GOLDUS19", "GLD", "SPDR Gold Shares", "US", "USD", null, "etf", true),
            new Ticker(6, "AAPL19", "AAPL", "Apple", "US", "USD", null, "equity", true),
            new Ticker(7, "MICRON19", "MU", "Micron Technology", "US", "USD", null, "equity", true)));

    @Test
    void resolvesDrAndYahooSymbolsIgnoringCaseAndWhitespace() {
        assertThat(REGISTRY.resolve("NVDA19")).map(Ticker::id).contains(1);
        assertThat(REGISTRY.resolve(" nvda 19 ")).map(Ticker::id).contains(1);
        assertThat(REGISTRY.resolve("d05.si")).map(Ticker::id).contains(2);
        assertThat(REGISTRY.resolve("$NVDA")).map(Ticker::id).contains(1);
        assertThat(REGISTRY.resolve("0700.hk")).map(Ticker::id).contains(3);
    }

    @Test
    void resolvesTheSymbolWithoutItsSuffixAndExactCompanyNames() {
        assertThat(REGISTRY.resolve("dbs")).map(Ticker::id).contains(2);
        assertThat(REGISTRY.resolve("Tencent")).map(Ticker::id).contains(3);
        assertThat(REGISTRY.resolve("apple")).map(Ticker::id).contains(6);
        assertThat(REGISTRY.resolve("tencent holdings")).map(Ticker::id).contains(3);
    }

    @Test
    void aYahooSymbolNeverShadowsADrSymbol() {
        // "MU" is Micron's Yahoo symbol; nothing else may claim it, and "GOLD" is GOLD19's base, not GOLDUS19's.
        assertThat(REGISTRY.resolve("MU")).map(Ticker::drSymbol).contains("MICRON19");
        assertThat(REGISTRY.resolve("GOLD")).map(Ticker::drSymbol).contains("GOLD19");
    }

    @Test
    void unknownTextResolvesToNothing() {
        assertThat(REGISTRY.resolve("NVDIA19")).isEmpty();
        assertThat(REGISTRY.resolve("")).isEmpty();
        assertThat(REGISTRY.resolve(null)).isEmpty();
        assertThat(REGISTRY.byDrSymbol("NVDA")).isEmpty();
        assertThat(REGISTRY.byDrSymbol("nvda19")).map(Ticker::id).contains(1);
    }

    @Test
    void searchRanksExactThenSymbolPrefixThenNames() {
        assertThat(REGISTRY.search("gold", 10)).extracting(Ticker::drSymbol).containsExactly("GOLD19", "GOLDUS19");
        assertThat(REGISTRY.search("hold", 10)).extracting(Ticker::drSymbol).containsExactly("DBS19", "TENCENT19");
        assertThat(REGISTRY.search("nv", 10)).extracting(Ticker::drSymbol).containsExactly("NVDA19");
        // one letter: the symbol prefix first, then names containing it, by symbol
        assertThat(REGISTRY.search("n", 10)).extracting(Ticker::drSymbol)
                .containsExactly("NVDA19", "DBS19", "MICRON19", "TENCENT19");
        assertThat(REGISTRY.search("g", 1)).extracting(Ticker::drSymbol).containsExactly("GOLD19");
        assertThat(REGISTRY.search("zzz", 10)).isEmpty();
    }

    @Test
    void suggestFindsCloseMisspellings() {
        assertThat(REGISTRY.suggest("NVDIA19", 3)).extracting(Ticker::drSymbol).containsExactly("NVDA19");
        assertThat(REGISTRY.suggest("TENCNT", 3)).extracting(Ticker::drSymbol).containsExactly("TENCENT19");
        assertThat(REGISTRY.suggest("XYZ123", 3)).isEmpty();
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(TickerRegistry.editDistance("kitten", "sitting")).isEqualTo(3);
        assertThat(TickerRegistry.editDistance("", "abc")).isEqualTo(3);
        assertThat(TickerRegistry.editDistance("NVDA", "NVDA")).isZero();
    }
}
