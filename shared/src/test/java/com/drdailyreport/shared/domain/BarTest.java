package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BarTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);

    @Test
    void acceptsAConsistentBar() {
        Bar bar = new Bar(DAY, 10, 11, 9.5, 10.5, 1_000);
        assertThat(bar.close()).isEqualTo(10.5);
    }

    @Test
    void rejectsNaNAndInfinityNamingTheField() {
        assertThatThrownBy(() -> new Bar(DAY, 10, 11, 9, Double.NaN, 1))
                .isInstanceOf(InvalidValueException.class).hasMessage("close must be a finite number, was NaN")
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("close");
        assertThatThrownBy(() -> new Bar(DAY, Double.POSITIVE_INFINITY, 11, 9, 10, 1))
                .hasMessageStartingWith("open must be a finite number");
    }

    @Test
    void rejectsNonPositivePricesNegativeVolumeAndAMissingDate() {
        assertThatThrownBy(() -> new Bar(DAY, 10, 11, 0, 10, 1)).hasMessageStartingWith("low must be greater than 0");
        assertThatThrownBy(() -> new Bar(DAY, 10, 11, 9, 10, -1)).hasMessageStartingWith("volume must not be negative");
        assertThatThrownBy(() -> new Bar(null, 10, 11, 9, 10, 1)).hasMessage("date is required");
    }

    @Test
    void rejectsAHighBelowTheCloseButWidenedRepairsIt() {
        assertThatThrownBy(() -> new Bar(DAY, 10, 10.2, 9, 10.5, 1)).hasMessageStartingWith("high and low must enclose");
        Bar repaired = Bar.widened(DAY, 10, 10.2, 10.1, 10.5, 1);
        assertThat(repaired.high()).isEqualTo(10.5);
        assertThat(repaired.low()).isEqualTo(10);
        assertThatThrownBy(() -> Bar.widened(DAY, 10, Double.NaN, 9, 10, 1)).hasMessageStartingWith("high must be a finite number");
    }
}
