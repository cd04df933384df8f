package com.drdailyreport.shared.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateNarratorTest {

    private static ReportFacts facts(List<ChartPattern> patterns, double sma200) {
        return new ReportFacts("NVDA19", "NVIDIA", "USD", LocalDate.of(2026, 1, 14), 181.5, 1.25, 8.4, 12.0, 165.2, sma200, 64,
                0.8, 1.1, 42, -18.5, "medium", Stance.BULLISH, List.of("price above its 50-day average"),
                List.of("ราคาอยู่เหนือเส้นค่าเฉลี่ย 50 วัน"), patterns, false, null, null, List.of());
    }

    @Test
    void citesTheFiguresInBothLanguages() {
        Narrative n = new TemplateNarrator().narrate(facts(List.of(), 150.0));
        assertThat(n.source()).isEqualTo("template");
        assertThat(n.english()).contains("NVDA19 (NVIDIA) closed at 181.50 USD on 2026-01-14", "up 1.25%", "RSI(14) is 64",
                "above its 50-day average (165.20)", "above the 200-day (150.00)", "Overall stance: bullish", "not investment advice");
        assertThat(n.thai()).contains("NVDA19 (NVIDIA) ปิดที่ 181.50 USD", "+1.25%", "เหนือเส้นค่าเฉลี่ย 50 วัน", "มุมมองโดยรวม: เชิงบวก",
                "ไม่ใช่คำแนะนำการลงทุน");
    }

    @Test
    void namesTheNewestPatternAndSaysNaNNever() {
        ChartPattern flag = new ChartPattern(PatternType.BULLISH_FLAG, Confidence.HIGH, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 12),
                Map.of("A", new PatternPoint(LocalDate.of(2026, 1, 2), 170)), Map.of("breakout_level", 183.2));
        Narrative n = new TemplateNarrator().narrate(facts(List.of(flag), Double.NaN));
        assertThat(n.english()).contains("bullish flag (high confidence, forming) from 2026-01-02 to 2026-01-12, breakout level 183.20")
                .doesNotContain("200-day").doesNotContain("NaN");
        assertThat(n.thai()).contains("รูปธงขาขึ้น (ความเชื่อมั่นสูง, กำลังก่อตัว)", "แนวเบรกเอาต์ 183.20").doesNotContain("NaN");
    }

    @Test
    void aFailedPatternIsToldAsWhatHappenedNotAsASignal() {
        ChartPattern failed = new ChartPattern(PatternType.DOUBLE_TOP, Confidence.MEDIUM, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 12),
                Map.of("A", new PatternPoint(LocalDate.of(2026, 1, 2), 170)), Map.of("breakout_level", 160.0, "target", 150.0),
                PatternState.FAILED, LocalDate.of(2026, 1, 13), PatternType.Direction.BEARISH);
        Narrative n = new TemplateNarrator().narrate(facts(List.of(failed), 150));
        assertThat(n.english()).contains("double top (medium confidence, failed on 2026-01-13)", "no longer a signal")
                .doesNotContain("target 150");
        assertThat(n.thai()).contains("ล้มเหลว เมื่อ 2026-01-13", "ไม่ใช่สัญญาณแล้ว").doesNotContain("เป้าหมาย 150");
    }

    @Test
    void theSameFactsGiveTheSameWords() {
        assertThat(new TemplateNarrator().narrate(facts(List.of(), 150))).isEqualTo(new TemplateNarrator().narrate(facts(List.of(), 150)));
    }
}
