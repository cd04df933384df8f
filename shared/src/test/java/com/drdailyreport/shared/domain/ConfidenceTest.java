package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfidenceTest {

    @Test
    void parsesTheThreeLevelsInAnyCase() {
        assertThat(Confidence.fromName("HIGH")).isEqualTo(Confidence.HIGH);
        assertThat(Confidence.fromName("medium")).isEqualTo(Confidence.MEDIUM);
        assertThat(Confidence.LOW.wireName()).isEqualTo("low");
    }

    @Test
    void rejectsAnythingElse() {
        assertThatThrownBy(() -> Confidence.fromName("certain")).isInstanceOf(InvalidValueException.class)
                .hasMessage("confidence must be high, medium or low, was 'certain'");
        assertThatThrownBy(() -> Confidence.fromName(null)).isInstanceOf(InvalidValueException.class);
    }
}
