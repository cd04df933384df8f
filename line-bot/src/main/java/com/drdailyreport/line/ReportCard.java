package com.drdailyreport.line;

import com.drdailyreport.shared.analysis.PatternNames;
import com.drdailyreport.shared.analysis.Stance;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.Ticker;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A report as a LINE Flex bubble (price, change, stance, three key metrics, the top chart
 * patterns, the date it is as of, a button into the Mini App) and its {@code altText}. Built as
 * the Messaging API's JSON; {@link LineBot} hands it to the SDK's model, which refuses anything
 * malformed.
 */
final class ReportCard {

    /** LINE's limit for a Flex message's altText. */
    static final int MAX_ALT_TEXT = 1_500;

    static final String GREEN = "#16A34A";
    static final String RED = "#DC2626";
    static final String GREY = "#6B7280";

    /**
     * A pattern as the card shows it: name, confidence, lifecycle state, and its type's track record
     * in one Thai sentence.
     */
    record Pattern(PatternType type, Confidence confidence, LocalDate end, PatternState state, PatternType.Direction direction,
                   String trackRecordTh) {
    }

    private ReportCard() {
    }

    /**
     * @param report   the stored report document
     * @param patterns the day's chart patterns (any order; the card shows up to three)
     * @param stale    whether the report is older than today's business date
     */
    static ObjectNode flexMessage(Ticker ticker, JsonNode report, List<Pattern> patterns, LocalDate reportDate, boolean stale,
                                  URI miniAppUrl) {
        String currency = report.path("currency").asText(ticker.currency() == null ? "" : ticker.currency());
        Double price = number(report.get("price"));
        Double change = number(report.get("price_change_pct"));
        Stance stance = stance(report.path("stance").asText(""));
        String stanceColor = stance == Stance.BULLISH ? GREEN : stance == Stance.BEARISH ? RED : GREY;
        List<Pattern> top = patterns.stream()
                .sorted(Comparator.comparing((Pattern p) -> p.state().live() ? 0 : 1)
                        .thenComparing(p -> p.confidence().ordinal())
                        .thenComparing(Pattern::end, Comparator.nullsLast(Comparator.reverseOrder())))
                .limit(3).toList();

        ObjectNode bubble = Json.mapper().createObjectNode();
        bubble.put("type", "bubble");
        bubble.put("size", "mega");

        ObjectNode header = box("vertical");
        contents(header).add(text(ticker.drSymbol(), "xl", "#111827", true));
        contents(header).add(text(ticker.displayName() + exchange(ticker), "sm", GREY, false));
        bubble.set("header", header);

        ObjectNode body = box("vertical");
        body.put("spacing", "md");
        ObjectNode priceRow = box("baseline");
        priceRow.put("spacing", "sm");
        ObjectNode priceText = text((price == null ? "-" : price(price)) + " " + currency, "xxl", "#111827", true);
        priceText.put("flex", 0);
        contents(priceRow).add(priceText);
        ObjectNode changeText = text(change == null ? "" : signed(change) + "%", "md",
                change == null || change == 0 ? GREY : change > 0 ? GREEN : RED, true);
        changeText.put("align", "end");
        contents(priceRow).add(changeText);
        contents(body).add(priceRow);
        contents(body).add(text("มุมมองทางเทคนิค: " + (stance == null ? "-" : stance.thai()), "md", stanceColor, true));
        contents(body).add(separator());

        JsonNode indicators = report.path("indicators");
        contents(body).add(metric("RSI (14 วัน)", fixed(number(indicators.get("rsi")), 1)));
        Double month = number(report.path("returns").get("1m"));
        contents(body).add(metric("ผลตอบแทน 1 เดือน", month == null ? "-" : signed(month) + "%"));
        Double volume = number(indicators.get("volume_ratio"));
        contents(body).add(metric("ปริมาณซื้อขาย / เฉลี่ย 20 วัน", volume == null ? "-" : fixed(volume, 2) + " เท่า"));
        contents(body).add(separator());

        contents(body).add(text("รูปแบบกราฟ", "sm", "#111827", true));
        if (top.isEmpty()) {
            contents(body).add(text("ยังไม่พบรูปแบบกราฟที่ชัดเจนในช่วงนี้", "sm", GREY, false));
        }
        for (Pattern p : top) {
            String color = !p.state().live() ? GREY : switch (p.direction()) {
                case BULLISH -> GREEN;
                case BEARISH -> RED;
                default -> GREY;
            };
            contents(body).add(text("• " + PatternNames.thai(p.type()) + " — " + PatternNames.thai(p.state()) + " · ความเชื่อมั่น"
                    + PatternNames.thai(p.confidence()), "sm", color, false));
            if (p.trackRecordTh() != null && !p.trackRecordTh().isEmpty()) {
                contents(body).add(text("  " + p.trackRecordTh(), "xxs", GREY, false));
            }
        }
        contents(body).add(separator());
        String asOf = report.path("as_of").asText("");
        String dated = "ข้อมูล ณ " + ThaiText.date(reportDate)
                + (asOf.isEmpty() || asOf.equals(reportDate.toString()) ? "" : " (ราคาปิด " + ThaiText.date(LocalDate.parse(asOf)) + ")");
        contents(body).add(text(dated, "xs", GREY, false));
        if (stale) {
            contents(body).add(text("รายงานของวันนี้ยังไม่พร้อม — แสดงรายงานล่าสุดที่มี", "xs", "#B45309", false));
        }
        if (report.path("is_demo_data").asBoolean(false)) {
            contents(body).add(text("ข้อมูลตัวอย่าง (demo) — ไม่ใช่ราคาจริง", "xs", "#B45309", false));
        }
        bubble.set("body", body);

        ObjectNode footer = box("vertical");
        ObjectNode button = Json.mapper().createObjectNode();
        button.put("type", "button");
        button.put("style", "primary");
        button.put("color", "#2563EB");
        ObjectNode action = button.putObject("action");
        action.put("type", "uri");
        action.put("label", "ดูกราฟใน Mini App");
        action.put("uri", miniAppLink(miniAppUrl, ticker.drSymbol()));
        contents(footer).add(button);
        bubble.set("footer", footer);

        ObjectNode message = Json.mapper().createObjectNode();
        message.put("type", "flex");
        message.put("altText", ThaiText.clip(altText(ticker, price, currency, change, stance, top, reportDate), MAX_ALT_TEXT));
        message.set("contents", bubble);
        return message;
    }

    /** The Mini App opened on this ticker: {@code startapp} for a t.me link, {@code ticker} for the page itself. */
    static String miniAppLink(URI base, String drSymbol) {
        String key = "t.me".equalsIgnoreCase(base.getHost()) ? "startapp" : "ticker";
        String s = base.toString();
        return s + (s.contains("?") ? "&" : "?") + key + "=" + URLEncoder.encode(drSymbol, StandardCharsets.UTF_8);
    }

    private static String altText(Ticker ticker, Double price, String currency, Double change, Stance stance, List<Pattern> top,
                                  LocalDate date) {
        StringBuilder s = new StringBuilder(ticker.drSymbol()).append(' ');
        s.append(price == null ? "-" : price(price)).append(' ').append(currency);
        if (change != null) {
            s.append(" (").append(signed(change)).append("%)");
        }
        s.append(" มุมมอง").append(stance == null ? " -" : stance.thai());
        if (!top.isEmpty()) {
            s.append(" · รูปแบบกราฟ: ").append(PatternNames.thai(top.getFirst().type()));
        }
        return s.append(" · ข้อมูล ณ ").append(ThaiText.date(date)).toString();
    }

    private static String exchange(Ticker ticker) {
        return ticker.exchange() == null || ticker.exchange().isBlank() ? "" : " · " + ticker.exchange();
    }

    private static Stance stance(String wire) {
        for (Stance s : Stance.values()) {
            if (s.wireName().equals(wire)) {
                return s;
            }
        }
        return null;
    }

    private static Double number(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.asDouble()) ? node.asDouble() : null;
    }

    private static String price(double value) {
        return new DecimalFormat(Math.abs(value) >= 1_000 ? "#,##0.##" : "#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(value);
    }

    private static String fixed(Double value, int decimals) {
        return value == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + String.format(Locale.ROOT, "%.2f", value);
    }

    private static ObjectNode metric(String label, String value) {
        ObjectNode row = box("horizontal");
        ObjectNode l = text(label, "sm", GREY, false);
        l.put("flex", 3);
        ObjectNode v = text(value, "sm", "#111827", true);
        v.put("flex", 2);
        v.put("align", "end");
        contents(row).add(l);
        contents(row).add(v);
        return row;
    }

    private static ObjectNode box(String layout) {
        ObjectNode box = Json.mapper().createObjectNode();
        box.put("type", "box");
        box.put("layout", layout);
        box.putArray("contents");
        return box;
    }

    private static ArrayNode contents(ObjectNode box) {
        return (ArrayNode) box.get("contents");
    }

    private static ObjectNode text(String text, String size, String color, boolean bold) {
        ObjectNode t = Json.mapper().createObjectNode();
        t.put("type", "text");
        t.put("text", text.isEmpty() ? " " : text);
        t.put("size", size);
        t.put("color", color);
        t.put("wrap", true);
        if (bold) {
            t.put("weight", "bold");
        }
        return t;
    }

    private static ObjectNode separator() {
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("type", "separator");
        return s;
    }
}
