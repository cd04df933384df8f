package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternPoint;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.TrackRecord;
import com.drdailyreport.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A chart pattern as clients receive it (ARCHITECTURE §5):
 * {@code {"type":"bullish_flag","pattern":"flag","code":"FLAGU","direction":"bullish","confidence":"high",
 * "start":"2026-01-01","end":"2026-01-10","state":"confirmed","state_date":"2026-01-12","live":true,
 * "name":"bullish flag","name_th":"รูปธงขาขึ้น","state_th":"ยืนยันแล้ว","points":{"A":["2026-01-01",150.25],…},
 * "measurements":{…},"track_record":{…}}}. {@code direction} is where the pattern points now (a
 * symmetrical triangle: neutral until it breaks out); {@code live} is false for a failed, expired or
 * completed pattern, which is shown as such and never as a signal.
 */
public record ChartPatternView(String type, String pattern, String code, String direction, String confidence,
                               LocalDate start, LocalDate end, String state, LocalDate stateDate, boolean live, String name,
                               String nameTh, String stateTh, Map<String, PatternPoint> points, Map<String, Double> measurements,
                               TrackRecordView trackRecord) {

    /** Without a track record (inside a stored report document). */
    public static ChartPatternView of(ChartPattern p) {
        return new ChartPatternView(p.type().wireName(), p.type().family(), p.type().code(), p.direction().wireName(),
                p.confidence().wireName(), p.start(), p.end(), p.state().wireName(), p.stateDate(), p.live(),
                PatternNames.english(p.type()), PatternNames.thai(p.type()), PatternNames.thai(p.state()), p.points(), p.measurements(),
                null);
    }

    /**
     * The pattern a view describes (a report document's embedded copy); a copy written before
     * lifecycles existed is forming as of its end and points its type's way.
     *
     * @throws com.drdailyreport.shared.domain.InvalidValueException when a field is missing or wrong
     */
    public static ChartPattern parse(JsonNode view) {
        PatternType type = PatternType.fromName(view.path("type").asText(null));
        LocalDate end = date(view, "end");
        Map<String, PatternPoint> points = new LinkedHashMap<>();
        view.path("points").properties().forEach(e -> points.put(e.getKey(), Json.mapper().convertValue(e.getValue(), PatternPoint.class)));
        Map<String, Double> measurements = new LinkedHashMap<>();
        view.path("measurements").properties().forEach(e -> measurements.put(e.getKey(), e.getValue().isNumber() ? e.getValue().doubleValue() : null));
        PatternState state = view.hasNonNull("state") ? PatternState.fromName(view.get("state").asText()) : PatternState.FORMING;
        LocalDate stateDate = view.hasNonNull("state_date") ? date(view, "state_date") : end;
        PatternType.Direction direction = type.direction() == PatternType.Direction.NEUTRAL && view.hasNonNull("direction")
                ? PatternType.Direction.fromName(view.get("direction").asText()) : type.direction();
        return new ChartPattern(type, Confidence.fromName(view.path("confidence").asText(null)), date(view, "start"), end, points,
                measurements, state, stateDate, direction);
    }

    private static LocalDate date(JsonNode view, String field) {
        try {
            return LocalDate.parse(view.path(field).asText(""));
        } catch (java.time.format.DateTimeParseException e) {
            throw new com.drdailyreport.shared.domain.InvalidValueException(field, "is not a YYYY-MM-DD date");
        }
    }

    /** With its type's track record from the stored rows of its ticker and the universe. */
    public static ChartPatternView of(ChartPattern p, List<TrackRecord> records, String symbol, boolean demo) {
        ChartPatternView v = of(p);
        return new ChartPatternView(v.type, v.pattern, v.code, v.direction, v.confidence, v.start, v.end, v.state, v.stateDate, v.live,
                v.name, v.nameTh, v.stateTh, v.points, v.measurements, TrackRecordView.of(records, symbol, p.type(), p.confidence(), demo));
    }
}
