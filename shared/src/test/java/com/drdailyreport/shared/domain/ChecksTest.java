package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void symbolsAreTrimmedUpperCasedAndValidated() {
        assertThat(Checks.symbol("symbol", " d05.si ")).isEqualTo("D05.SI");
        assertThat(Checks.symbol("symbol", "0700.HK")).isEqualTo("0700.HK");
        assertThatThrownBy(() -> Checks.symbol("symbol", "")).hasMessage("symbol must not be empty");
        assertThatThrownBy(() -> Checks.symbol("ticker", "NVDA'; DROP TABLE x;--"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("ticker is not a ticker symbol");
        assertThatThrownBy(() -> Checks.symbol("ticker", "A".repeat(21))).hasMessageStartingWith("ticker is not a ticker symbol");
    }

    @Test
    void textIsTrimmedAndBounded() {
        assertThat(Checks.text("user_id", " 42 ", 64)).isEqualTo("42");
        assertThatThrownBy(() -> Checks.text("user_id", "x".repeat(65), 64)).hasMessage("user_id must be at most 64 characters, was 65");
    }
}
