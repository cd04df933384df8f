package com.drdailyreport.scheduler;

import com.drdailyreport.shared.json.Json;
import com.drdailyreport.shared.time.BusinessClock;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * precompute-controller's start action: names the execution {@code precompute-YYYYMMDD-HHMMSS-xxxxxx}
 * (Bangkok time plus 24 random bits, so two starts in one second never collide) and records who
 * triggered it.
 */
public final class PrecomputeController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final PrecomputeStarter starter;
    private final BusinessClock clock;
    private final RandomGenerator random;

    public PrecomputeController(PrecomputeStarter starter, BusinessClock clock, RandomGenerator random) {
        this.starter = starter;
        this.clock = clock;
        this.random = random;
    }

    /** The start result: {@code {status, execution_name, execution_arn, triggered_by, business_date}}. */
    public Map<String, Object> start(String triggeredBy, Map<String, Object> fetchSummary) {
        byte[] suffix = new byte[3];
        random.nextBytes(suffix);
        String name = "precompute-" + clock.now().format(STAMP) + "-" + HexFormat.of().formatHex(suffix);
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("triggered_by", triggeredBy);
        input.put("triggered_at", clock.instant().toString());
        input.put("business_date", clock.today().toString());
        if (fetchSummary != null) {
            input.put("fetch_summary", fetchSummary);
        }
        String arn = starter.start(name, Json.write(input));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", "success");
        result.put("execution_name", name);
        result.put("execution_arn", arn);
        result.put("triggered_by", triggeredBy);
        result.put("business_date", clock.today().toString());
        return result;
    }
}
