package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PatternPoint;
import java.time.LocalDate;
import java.util.Map;

/**
 * A chart pattern as clients receive it (ARCHITECTURE §5):
 * {@code {"type":"bullish_flag","pattern":"flag","code":"FLAGU","direction":"bullish","confidence":"high",
 * "start":"2026-01-01","end":"2026-01-10","points":{"A":["2026-01-01",150.25],…},"measurements":{…}}}.
 */
public record ChartPatternView(String type, String pattern, String code, String direction, String confidence,
                               LocalDate start, LocalDate end, Map<String, PatternPoint> points,
                               Map<String, Double> measurements) {

    public static ChartPatternView of(ChartPattern p) {
        return new ChartPatternView(p.type().wireName(), p.type().family(), p.type().code(), p.type().direction().wireName(),
                p.confidence().wireName(), p.start(), p.end(), p.points(), p.measurements());
    }
}
