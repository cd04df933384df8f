package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.patterns.PatternTrackRecord;
import java.util.List;
import java.util.Locale;

/**
 * A pattern type's track record as clients see it beside a pattern: the universe's figures for the
 * pattern's confidence (or for every confidence when that bucket has too few cases), the ticker's own
 * beside them, and one sentence in English and Thai — "reached its target in 31 of 52 past cases,
 * base rate 38 %", "too few past cases" under {@link TrackRecord#MIN_CASES}, "not better than chance"
 * when the hits do not beat the base rates, "demo statistics" for demo prices.
 *
 * @param scope      {@code universe} or {@code ticker}
 * @param confidence the confidence bucket the figures are for; null for all
 * @param verdict    better_than_chance, not_better_than_chance or too_few_cases
 * @param ticker     the ticker's own record for the type (all confidences), when it has one
 */
public record TrackRecordView(String scope, String confidence, int cases, int hits, int failures, Double hitRate, Double baseRate,
                              String verdict, Integer medianBarsToTarget, Double meanReturnPct, int horizonBars, boolean demo,
                              String text, String textTh, TrackRecordView ticker) {

    /** The view for a pattern of {@code type} reported with {@code confidence}, from the stored rows of its ticker and the universe. */
    public static TrackRecordView of(List<TrackRecord> rows, String symbol, PatternType type, Confidence confidence, boolean demo) {
        TrackRecord bucket = find(rows, TrackRecord.UNIVERSE, type, confidence, demo);
        TrackRecord all = find(rows, TrackRecord.UNIVERSE, type, null, demo);
        TrackRecord chosen = bucket != null && bucket.cases() >= TrackRecord.MIN_CASES ? bucket : all;
        TrackRecord own = find(rows, symbol, type, null, demo);
        TrackRecordView tickerView = own == null ? null : view("ticker", own, null, demo);
        if (chosen == null) {
            return new TrackRecordView("universe", null, 0, 0, 0, null, null, TrackRecord.Verdict.TOO_FEW_CASES.wireName(), null, null,
                    PatternTrackRecord.HORIZON, demo, english(0, 0, null, TrackRecord.Verdict.TOO_FEW_CASES, demo),
                    thai(0, 0, null, TrackRecord.Verdict.TOO_FEW_CASES, demo), tickerView);
        }
        return view("universe", chosen, tickerView, demo);
    }

    private static TrackRecordView view(String scope, TrackRecord r, TrackRecordView ticker, boolean demo) {
        return new TrackRecordView(scope, r.confidence() == null ? null : r.confidence().wireName(), r.cases(), r.hits(), r.failures(),
                r.hitRate(), r.baseRate(), r.verdict().wireName(), r.medianBarsToTarget(), r.meanReturnPct(), r.horizon(), demo,
                english(r.cases(), r.hits(), r.baseRate(), r.verdict(), demo), thai(r.cases(), r.hits(), r.baseRate(), r.verdict(), demo),
                ticker);
    }

    private static TrackRecord find(List<TrackRecord> rows, String scope, PatternType type, Confidence confidence, boolean demo) {
        for (TrackRecord r : rows) {
            if (r.scope().equals(scope) && r.type() == type && r.confidence() == confidence && r.demo() == demo) {
                return r;
            }
        }
        return null;
    }

    static String english(int cases, int hits, Double baseRate, TrackRecord.Verdict verdict, boolean demo) {
        String prefix = demo ? "demo statistics (synthetic prices): " : "";
        if (verdict == TrackRecord.Verdict.TOO_FEW_CASES) {
            return prefix + "too few past cases (" + cases + " so far)";
        }
        String text = String.format(Locale.ROOT, "reached its target in %d of %d past cases", hits, cases)
                + (baseRate == null ? "" : String.format(Locale.ROOT, ", base rate %.0f %%", baseRate * 100));
        return prefix + text + (verdict == TrackRecord.Verdict.NOT_BETTER_THAN_CHANCE ? " — not better than chance" : "");
    }

    static String thai(int cases, int hits, Double baseRate, TrackRecord.Verdict verdict, boolean demo) {
        String prefix = demo ? "สถิติจากข้อมูลตัวอย่าง (ราคาสังเคราะห์): " : "";
        if (verdict == TrackRecord.Verdict.TOO_FEW_CASES) {
            return prefix + "กรณีในอดีตยังน้อยเกินไป (" + cases + " ครั้ง)";
        }
        String text = String.format(Locale.ROOT, "ถึงเป้าหมาย %d จาก %d ครั้งในอดีต", hits, cases)
                + (baseRate == null ? "" : String.format(Locale.ROOT, " (อัตราพื้นฐาน %.0f%%)", baseRate * 100));
        return prefix + text + (verdict == TrackRecord.Verdict.NOT_BETTER_THAN_CHANCE ? " — ไม่ดีกว่าการสุ่ม" : "");
    }
}
