package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.domain.ChartPattern;
import com.drdailyreport.shared.domain.PriceHistory;
import java.util.List;

/** PLACEHOLDER while the detectors are built on the patterns branch; replaced by the real class on merge. */
public final class PatternDetector {
    public static final String IMPLEMENTATION = "custom";
    public static final String VERSION = "2.0.0";

    public List<ChartPattern> detect(PriceHistory history) {
        return List.of();
    }
}
