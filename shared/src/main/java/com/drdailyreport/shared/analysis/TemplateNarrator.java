package com.drdailyreport.shared.analysis;

import static com.drdailyreport.shared.analysis.TechnicalAssessment.fmt;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternState;
import java.util.Locale;

/**
 * The default narrator: deterministic Thai and English text built from the facts alone (no
 * network, same facts → same words). Every figure it cites is in the report's metrics.
 */
public final class TemplateNarrator implements Narrator {

    @Override
    public Narrative narrate(ReportFacts f) {
        return new Narrative(thai(f), english(f), "template");
    }

    private static String english(ReportFacts f) {
        StringBuilder s = new StringBuilder();
        s.append(f.ticker()).append(" (").append(f.companyName()).append(") closed at ").append(fmt(f.close())).append(' ')
                .append(f.currency()).append(" on ").append(f.asOf()).append(", ").append(change(f.dayChangePercent()))
                .append(" on the day and ").append(change(f.monthReturnPercent())).append(" over the past month. ");
        if (f.tradingNote() != null) {
            s.append(Character.toUpperCase(f.tradingNote().charAt(0))).append(f.tradingNote().substring(1)).append(". ");
        }
        if (Double.isFinite(f.sma50())) {
            s.append("The price is ").append(side(f.close(), f.sma50(), f.close(), "above", "below", "at")).append(" its 50-day average (")
                    .append(fmt(f.sma50())).append(")");
            if (Double.isFinite(f.sma200())) {
                s.append(" and the 50-day average is ").append(side(f.sma50(), f.sma200(), f.close(), "above", "below", "level with"))
                        .append(" the 200-day (").append(fmt(f.sma200())).append(")");
            }
            s.append(". ");
        }
        if (Double.isFinite(f.rsi14())) {
            s.append("RSI(14) is ").append(String.format(Locale.ROOT, "%.0f", f.rsi14())).append(" — ").append(rsiWords(f.rsi14())).append(". ");
        }
        if (Double.isFinite(f.macdHistogram())) {
            s.append("MACD is ").append(side(f.macdHistogram(), 0, f.close(), "above", "below", "on")).append(" its signal line. ");
        }
        if (Double.isFinite(f.volatility30())) {
            s.append("30-day volatility is ").append(String.format(Locale.ROOT, "%.0f%%", f.volatility30()))
                    .append(" annualised; risk level ").append(f.riskLevel()).append(". ");
        }
        if (f.patterns().isEmpty()) {
            s.append("No chart pattern stands out at the moment. ");
        } else {
            ChartPattern p = f.patterns().getFirst();
            s.append("Chart pattern: ").append(PatternNames.english(p.type())).append(" (").append(p.confidence().wireName())
                    .append(" confidence, ").append(PatternNames.english(p.state())).append(p.state() == PatternState.FORMING ? "" : " on "
                            + p.stateDate()).append(") from ").append(p.start()).append(" to ").append(p.end());
            Double breakout = p.measurements().get("breakout_level");
            Double target = p.measurements().get("target");
            if (breakout != null) {
                s.append(", breakout level ").append(fmt(breakout));
            }
            if (target != null && p.live()) {
                s.append(", target ").append(fmt(target));
            }
            s.append(p.live() ? ". " : " — no longer a signal. ");
            if (f.patterns().size() > 1) {
                s.append("Also seen: ");
                for (int i = 1; i < f.patterns().size(); i++) {
                    s.append(i > 1 ? ", " : "").append(PatternNames.english(f.patterns().get(i).type()));
                }
                s.append(". ");
            }
        }
        if (!f.flaggedBars().isEmpty()) {
            s.append("Bad ticks left out of the analysis: ").append(dates(f)).append(". ");
        }
        s.append("Overall stance: ").append(f.stance().wireName());
        if (!f.reasons().isEmpty()) {
            s.append(" (").append(String.join("; ", f.reasons())).append(")");
        }
        s.append(". This is technical analysis only, not investment advice.");
        if (f.demoData()) {
            s.append(" Demo data: these prices are synthetic, not market prices.");
        }
        return s.toString();
    }

    private static String thai(ReportFacts f) {
        StringBuilder s = new StringBuilder();
        s.append(f.ticker()).append(" (").append(f.companyName()).append(") ปิดที่ ").append(fmt(f.close())).append(' ')
                .append(f.currency()).append(" ณ วันที่ ").append(f.asOf()).append(" เปลี่ยนแปลง ")
                .append(changeTh(f.dayChangePercent())).append(" จากวันก่อนหน้า และ ").append(changeTh(f.monthReturnPercent()))
                .append(" ในรอบหนึ่งเดือน ");
        if (f.tradingNoteTh() != null) {
            s.append(f.tradingNoteTh()).append(" ");
        }
        if (Double.isFinite(f.sma50())) {
            s.append("ราคาอยู่").append(side(f.close(), f.sma50(), f.close(), "เหนือ", "ใต้", "ที่")).append("เส้นค่าเฉลี่ย 50 วัน (")
                    .append(fmt(f.sma50())).append(")");
            if (Double.isFinite(f.sma200())) {
                s.append(" และเส้นค่าเฉลี่ย 50 วันอยู่").append(side(f.sma50(), f.sma200(), f.close(), "เหนือ", "ใต้", "ระดับเดียวกับ"))
                        .append("เส้น 200 วัน (").append(fmt(f.sma200())).append(")");
            }
            s.append(" ");
        }
        if (Double.isFinite(f.rsi14())) {
            s.append("RSI(14) อยู่ที่ ").append(String.format(Locale.ROOT, "%.0f", f.rsi14())).append(" ").append(rsiWordsTh(f.rsi14())).append(" ");
        }
        if (Double.isFinite(f.macdHistogram())) {
            s.append("MACD อยู่").append(side(f.macdHistogram(), 0, f.close(), "เหนือ", "ใต้", "บน")).append("เส้นสัญญาณ ");
        }
        if (Double.isFinite(f.volatility30())) {
            s.append("ความผันผวน 30 วันอยู่ที่ ").append(String.format(Locale.ROOT, "%.0f%%", f.volatility30()))
                    .append(" ต่อปี ความเสี่ยงระดับ").append(riskTh(f.riskLevel())).append(" ");
        }
        if (f.patterns().isEmpty()) {
            s.append("ยังไม่พบรูปแบบกราฟที่ชัดเจน ");
        } else {
            ChartPattern p = f.patterns().getFirst();
            s.append("รูปแบบกราฟ: ").append(PatternNames.thai(p.type())).append(" (ความเชื่อมั่น").append(PatternNames.thai(p.confidence()))
                    .append(", ").append(PatternNames.thai(p.state())).append(p.state() == PatternState.FORMING ? "" : " เมื่อ " + p.stateDate())
                    .append(") ช่วง ").append(p.start()).append(" ถึง ").append(p.end());
            Double breakout = p.measurements().get("breakout_level");
            Double target = p.measurements().get("target");
            if (breakout != null) {
                s.append(" แนวเบรกเอาต์ ").append(fmt(breakout));
            }
            if (target != null && p.live()) {
                s.append(" เป้าหมาย ").append(fmt(target));
            }
            s.append(p.live() ? " " : " (ไม่ใช่สัญญาณแล้ว) ");
        }
        if (!f.flaggedBars().isEmpty()) {
            s.append("ตัดราคาที่ผิดปกติออกจากการวิเคราะห์: ").append(dates(f)).append(" ");
        }
        s.append("มุมมองโดยรวม: ").append(f.stance().thai());
        if (!f.reasonsTh().isEmpty()) {
            s.append(" (").append(String.join(", ", f.reasonsTh())).append(")");
        }
        s.append(" ข้อมูลนี้เป็นการวิเคราะห์ทางเทคนิคเท่านั้น ไม่ใช่คำแนะนำการลงทุน");
        if (f.demoData()) {
            s.append(" (ข้อมูลตัวอย่าง: ราคาสังเคราะห์ ไม่ใช่ราคาตลาดจริง)");
        }
        return s.toString();
    }

    /** {@code above}, {@code below} or {@code tie} for {@code value} against {@code pivot} (ties as the stance votes them). */
    private static String side(double value, double pivot, double scale, String above, String below, String tie) {
        int v = TechnicalAssessment.compare(value, pivot, scale);
        return v > 0 ? above : v < 0 ? below : tie;
    }

    private static String dates(ReportFacts f) {
        return String.join(", ", f.flaggedBars().stream().map(flag -> flag.date().toString()).toList());
    }

    private static String change(double percent) {
        if (!Double.isFinite(percent)) {
            return "unchanged (n/a)";
        }
        return percent == 0 ? "unchanged" : String.format(Locale.ROOT, "%s %.2f%%", percent > 0 ? "up" : "down", Math.abs(percent));
    }

    private static String changeTh(double percent) {
        return Double.isFinite(percent) ? String.format(Locale.ROOT, "%+.2f%%", percent) : "ไม่มีข้อมูล";
    }

    private static String rsiWords(double rsi) {
        return rsi >= 70 ? "overbought" : rsi <= 30 ? "oversold" : rsi > 55 ? "firm momentum" : rsi < 45 ? "weak momentum" : "neutral momentum";
    }

    private static String rsiWordsTh(double rsi) {
        return rsi >= 70 ? "(ซื้อมากเกินไป)" : rsi <= 30 ? "(ขายมากเกินไป)" : rsi > 55 ? "(แรงซื้อดี)" : rsi < 45 ? "(แรงซื้ออ่อน)" : "(เป็นกลาง)";
    }

    static String riskTh(String level) {
        return switch (level) {
            case "low" -> "ต่ำ";
            case "high" -> "สูง";
            default -> "ปานกลาง";
        };
    }
}
