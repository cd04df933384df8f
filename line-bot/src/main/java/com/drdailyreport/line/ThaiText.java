package com.drdailyreport.line;

import com.drdailyreport.shared.domain.Ticker;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

/** Every sentence the bot says, in Thai (ticker and company names stay as they are). */
final class ThaiText {

    /** LINE's limit for one text message. */
    static final int MAX_TEXT = 5_000;

    private static final String[] MONTHS = {"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."};

    private ThaiText() {
    }

    static String welcome() {
        return "สวัสดีครับ ยินดีต้อนรับสู่ DR Daily Report 📈\n\n"
                + "บอทนี้สรุปบทวิเคราะห์ทางเทคนิคและรูปแบบกราฟ (chart patterns) ประจำวันของ DR "
                + "(Depositary Receipts) ที่ซื้อขายในตลาดหลักทรัพย์ฯ อัปเดตทุกเช้าหลัง 05:00 น.\n\n"
                + usage();
    }

    static String help() {
        return "วิธีใช้ DR Daily Report\n\n" + usage();
    }

    private static String usage() {
        return "• พิมพ์ชื่อ DR เช่น NVDA19, DBS19, TENCENT19\n"
                + "• หรือสัญลักษณ์หุ้นแม่ / ชื่อบริษัท เช่น NVDA, D05.SI, Apple\n"
                + "• ถามได้หลายตัวในข้อความเดียว (สูงสุด 5 ตัว) เช่น \"AAPL19 MSFT19\"\n"
                + "• กดปุ่มในการ์ดเพื่อดูกราฟแท่งเทียนพร้อมรูปแบบกราฟใน Mini App\n"
                + "• พิมพ์ \"ช่วยเหลือ\" เพื่อดูข้อความนี้อีกครั้ง";
    }

    static String unknown(String word, List<Ticker> suggestions) {
        String head = word == null
                ? "ไม่พบชื่อ DR ในข้อความ"
                : "ไม่พบ \"" + clip(word, 40) + "\" ในรายการ DR ที่รองรับ";
        if (suggestions.isEmpty()) {
            return head + "\nลองพิมพ์ชื่อ DR เช่น NVDA19 หรือพิมพ์ \"ช่วยเหลือ\" เพื่อดูวิธีใช้";
        }
        return head + "\nหรือคุณหมายถึง: " + suggestions.stream().map(Ticker::drSymbol).collect(Collectors.joining(", "))
                + "\nแตะที่ชื่อด้านล่างเพื่อดูรายงานได้เลย";
    }

    static String notReady(Ticker ticker, ZonedDateTime nextRun) {
        return "รายงานของ " + ticker.drSymbol() + " ยังไม่ได้สร้าง\n"
                + "ระบบจะสร้างรายงานรอบถัดไปเวลา " + String.format("%02d:%02d", nextRun.getHour(), nextRun.getMinute())
                + " น. วันที่ " + date(nextRun.toLocalDate()) + " (เวลาประเทศไทย) กรุณาลองใหม่หลังจากนั้น";
    }

    static String unavailable() {
        return "ขออภัย ระบบขัดข้องชั่วคราว ไม่สามารถดึงข้อมูลรายงานได้ในขณะนี้\nกรุณาลองใหม่อีกครั้งในอีกสักครู่";
    }

    static String sendText() {
        return "กรุณาพิมพ์ชื่อ DR เป็นข้อความ เช่น NVDA19 หรือพิมพ์ \"ช่วยเหลือ\" เพื่อดูวิธีใช้";
    }

    static String tooMany(List<String> skipped) {
        return "ตอบได้สูงสุด " + MentionParser.MAX_TICKERS + " ตัวต่อข้อความ ยังไม่ได้ตอบ: " + String.join(", ", skipped)
                + "\nกรุณาส่งมาอีกครั้งในข้อความถัดไป";
    }

    /** {@code 15 ม.ค. 2026} — Gregorian year, as dates appear next to prices. */
    static String date(LocalDate date) {
        return date.getDayOfMonth() + " " + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }

    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }
}
