package com.drdailyreport.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickerUniverseSeedTest {

    private static final String HEADER = "dr_symbol,yahoo_symbol,company_name\n";

    @Test
    void parsesTheBundledUniverse() {
        TickerUniverseSeed seed = new TickerUniverseSeed();
        assertThat(seed.getVersion()).isNull(); // repeatable
        assertThat(seed.getChecksum()).isNotNull();
    }

    @Test
    void parsesRowsNormalizingCaseAndEmptyNames() {
        List<TickerUniverseSeed.Row> rows = TickerUniverseSeed.parse(HEADER + "nvda19,nvda,NVIDIA\r\nGOLD19,GSD.SI,\n\n");
        assertThat(rows).containsExactly(
                new TickerUniverseSeed.Row("NVDA19", "NVDA", "NVIDIA"),
                new TickerUniverseSeed.Row("GOLD19", "GSD.SI", null));
    }

    @Test
    void rejectsMalformedFilesNamingTheLine() {
        assertThatThrownBy(() -> TickerUniverseSeed.parse("symbol,ticker\nA19,A,x\n")).hasMessageContaining("header");
        assertThatThrownBy(() -> TickerUniverseSeed.parse(HEADER + "A19,A\n")).hasMessageContaining("line 2: expected 3 fields, found 2");
        assertThatThrownBy(() -> TickerUniverseSeed.parse(HEADER + ",A,x\n")).hasMessageContaining("line 2: dr_symbol is empty");
        assertThatThrownBy(() -> TickerUniverseSeed.parse(HEADER + "A19,,x\n")).hasMessageContaining("line 2: yahoo_symbol is empty");
        assertThatThrownBy(() -> TickerUniverseSeed.parse(HEADER + "A19,A,x\nA19,B,y\n")).hasMessageContaining("line 3: symbol listed twice");
        assertThatThrownBy(() -> TickerUniverseSeed.parse(HEADER)).hasMessageContaining("no tickers listed");
    }

    @Test
    void theChecksumFollowsTheFileContent() {
        TickerUniverseSeed a = new TickerUniverseSeed((HEADER + "A19,A,x\n").getBytes(StandardCharsets.UTF_8));
        TickerUniverseSeed same = new TickerUniverseSeed((HEADER + "A19,A,x\n").getBytes(StandardCharsets.UTF_8));
        TickerUniverseSeed other = new TickerUniverseSeed((HEADER + "A19,A,y\n").getBytes(StandardCharsets.UTF_8));
        assertThat(a.getChecksum()).isEqualTo(same.getChecksum()).isNotEqualTo(other.getChecksum());
    }

    @Test
    void exchangeAndCurrencyComeFromTheYahooSuffix() {
        assertThat(TickerUniverseSeed.exchangeAndCurrency("D05.SI")).containsExactly("SGX", "SGD");
        assertThat(TickerUniverseSeed.exchangeAndCurrency("7974.T")).containsExactly("TSE", "JPY");
        assertThat(TickerUniverseSeed.exchangeAndCurrency("0700.HK")).containsExactly("HKEX", "HKD");
        assertThat(TickerUniverseSeed.exchangeAndCurrency("VNM.VN")).containsExactly("HOSE", "VND");
        assertThat(TickerUniverseSeed.exchangeAndCurrency("MSN.HM")).containsExactly("HOSE", "VND");
        assertThat(TickerUniverseSeed.exchangeAndCurrency("0050.TW")).containsExactly("TWSE", "TWD");
        assertThat(TickerUniverseSeed.exchangeAndCurrency("NVDA")).containsExactly("US", "USD");
    }
}
