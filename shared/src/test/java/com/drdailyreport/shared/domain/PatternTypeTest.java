package com.drdailyreport.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drdailyreport.shared.json.Json;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PatternTypeTest {

    @Test
    void codesFollowTheReferenceMap() {
        // The reference system's pattern_type → pattern_code map (scheduler.md §5.5).
        Map<String, String> reference = Map.ofEntries(
                Map.entry("bullish_flag", "FLAGU"), Map.entry("bearish_flag", "FLAGD"),
                Map.entry("ascending_triangle", "TRIU"), Map.entry("descending_triangle", "TRID"),
                Map.entry("symmetrical_triangle", "TRIS"), Map.entry("rising_wedge", "WDGU"),
                Map.entry("falling_wedge", "WDGD"), Map.entry("double_top", "DTOP"), Map.entry("double_bottom", "DBOT"),
                Map.entry("head_shoulders", "HS"), Map.entry("inverse_head_shoulders", "IHS"),
                Map.entry("cup_handle", "CUP"), Map.entry("vcp", "VCP"));
        assertThat(Arrays.stream(PatternType.values()).collect(Collectors.toMap(PatternType::wireName, PatternType::code)))
                .isEqualTo(reference);
    }

    @Test
    void acceptsLegacyNamesAndAnyCase() {
        assertThat(PatternType.fromName("reverse_head_shoulders")).isEqualTo(PatternType.INVERSE_HEAD_SHOULDERS);
        assertThat(PatternType.fromName("ascending_wedge")).isEqualTo(PatternType.RISING_WEDGE);
        assertThat(PatternType.fromName(" Bullish_Flag ")).isEqualTo(PatternType.BULLISH_FLAG);
    }

    @Test
    void rejectsUnknownTypesNamingTheField() {
        assertThatThrownBy(() -> PatternType.fromName("rocket_ship"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("pattern_type 'rocket_ship' is not a known pattern type; expected one of bullish_flag");
        assertThatThrownBy(() -> PatternType.fromName("")).hasMessage("pattern_type must not be empty");
    }

    @Test
    void jsonUsesTheWireName() {
        assertThat(Json.write(PatternType.DOUBLE_TOP)).isEqualTo("\"double_top\"");
        assertThat(Json.read("\"falling_wedge\"", PatternType.class)).isEqualTo(PatternType.FALLING_WEDGE);
        assertThat(PatternType.DOUBLE_TOP.direction()).isEqualTo(PatternType.Direction.BEARISH);
        assertThat(PatternType.BULLISH_FLAG.family()).isEqualTo("flag");
    }
}
