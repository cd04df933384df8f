package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TickerTest {

    @Test
    void displayNameFallsBackToTheSymbol() {
        assertThat(new Ticker(1, "gold19", "gsd.si", null, "SGX", "SGD", null, null, true).displayName()).isEqualTo("GOLD19");
        assertThat(new Ticker(2, "NVDA19", "NVDA", "NVIDIA", "US", "USD", null, "equity", true).displayName()).isEqualTo("NVIDIA");
    }

    @Test
    void rejectsAnInvalidIdOrSymbol() {
        assertThatThrownBy(() -> new Ticker(0, "NVDA19", "NVDA", null, null, null, null, null, true)).hasMessageStartingWith("ticker_id");
        assertThatThrownBy(() -> new Ticker(1, " ", "NVDA", null, null, null, null, null, true)).hasMessage("dr_symbol must not be empty");
    }
}
