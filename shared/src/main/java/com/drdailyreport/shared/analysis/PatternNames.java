package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;

/** Pattern and confidence names in English and Thai, for narratives and chat replies. */
public final class PatternNames {

    private PatternNames() {
    }

    public static String english(PatternType type) {
        return switch (type) {
            case BULLISH_FLAG -> "bullish flag";
            case BEARISH_FLAG -> "bearish flag";
            case ASCENDING_TRIANGLE -> "ascending triangle";
            case DESCENDING_TRIANGLE -> "descending triangle";
            case SYMMETRICAL_TRIANGLE -> "symmetrical triangle";
            case RISING_WEDGE -> "rising wedge";
            case FALLING_WEDGE -> "falling wedge";
            case DOUBLE_TOP -> "double top";
            case DOUBLE_BOTTOM -> "double bottom";
            case HEAD_SHOULDERS -> "head and shoulders";
            case INVERSE_HEAD_SHOULDERS -> "inverse head and shoulders";
            case CUP_HANDLE -> "cup and handle";
            case VCP -> "volatility contraction pattern (VCP)";
        };
    }

    public static String thai(PatternType type) {
        return switch (type) {
            case BULLISH_FLAG -> "รูปธงขาขึ้น";
            case BEARISH_FLAG -> "รูปธงขาลง";
            case ASCENDING_TRIANGLE -> "สามเหลี่ยมขาขึ้น";
            case DESCENDING_TRIANGLE -> "สามเหลี่ยมขาลง";
            case SYMMETRICAL_TRIANGLE -> "สามเหลี่ยมสมมาตร";
            case RISING_WEDGE -> "ลิ่มขาขึ้น";
            case FALLING_WEDGE -> "ลิ่มขาลง";
            case DOUBLE_TOP -> "ยอดคู่ (Double Top)";
            case DOUBLE_BOTTOM -> "ก้นคู่ (Double Bottom)";
            case HEAD_SHOULDERS -> "หัวและไหล่";
            case INVERSE_HEAD_SHOULDERS -> "หัวและไหล่กลับหัว";
            case CUP_HANDLE -> "ถ้วยและหูจับ (Cup and Handle)";
            case VCP -> "การบีบตัวของความผันผวน (VCP)";
        };
    }

    public static String thai(Confidence confidence) {
        return switch (confidence) {
            case HIGH -> "สูง";
            case MEDIUM -> "ปานกลาง";
            case LOW -> "ต่ำ";
        };
    }

    public static String english(PatternState state) {
        return switch (state) {
            case FORMING -> "forming";
            case CONFIRMED -> "confirmed";
            case FAILED -> "failed";
            case TARGET_REACHED -> "target reached";
            case EXPIRED -> "expired";
        };
    }

    public static String thai(PatternState state) {
        return switch (state) {
            case FORMING -> "กำลังก่อตัว";
            case CONFIRMED -> "ยืนยันแล้ว (ทะลุแล้ว)";
            case FAILED -> "ล้มเหลว";
            case TARGET_REACHED -> "ถึงเป้าหมายแล้ว";
            case EXPIRED -> "หมดอายุ";
        };
    }
}
