package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceHistoryTest {

    private static Bar bar(int day, double close) {
        return new Bar(LocalDate.of(2026, 1, day), close, close + 1, close - 1, close, 100);
    }

    @Test
    void normalizesTheSymbolAndKnowsItsRange() {
        PriceHistory history = new PriceHistory(" nvda19 ", List.of(bar(5, 10), bar(6, 11), bar(7, 12)));
        assertThat(history.symbol()).isEqualTo("NVDA19");
        assertThat(history.startDate()).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(history.endDate()).isEqualTo(LocalDate.of(2026, 1, 7));
        assertThat(history.tail(2).bars()).extracting(Bar::close).containsExactly(11.0, 12.0);
        assertThat(history.tail(10)).isSameAs(history);
        assertThat(history.upTo(LocalDate.of(2026, 1, 6)).bars()).extracting(Bar::close).containsExactly(10.0, 11.0);
    }

    @Test
    void rejectsUnorderedOrDuplicateDatesAndAnEmptySymbol() {
        assertThatThrownBy(() -> new PriceHistory("NVDA19", List.of(bar(6, 10), bar(5, 11))))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("bars must be in ascending date order");
        assertThatThrownBy(() -> new PriceHistory("NVDA19", List.of(bar(5, 10), bar(5, 11))))
                .hasMessageContaining("2026-01-05 follows 2026-01-05");
        assertThatThrownBy(() -> new PriceHistory("  ", List.of())).hasMessage("symbol must not be empty");
    }

    @Test
    void anEmptyHistoryHasNoRange() {
        PriceHistory empty = new PriceHistory("NVDA19", List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThat(empty.startDate()).isNull();
    }
}
