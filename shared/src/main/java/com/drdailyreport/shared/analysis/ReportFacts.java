package com.drdailyreport.shared.analysis;

import com.drdailyreport.shared.domain.ChartPattern;
import java.time.LocalDate;
import java.util.List;

/**
 * The numbers a narrative is written from. Doubles may be NaN where history is too short; a
 * narrator must say "n/a" rather than print NaN.
 *
 * @param demoData     true when the prices are synthetic demo data, which the text must say
 * @param tradingNote  why the series cannot be read as a market (flat or halted), or null; the text must say it
 * @param flaggedBars  bars the bad-tick guard replaced; the text must name their dates
 */
public record ReportFacts(String ticker, String companyName, String currency, LocalDate asOf, double close,
                          double dayChangePercent, double monthReturnPercent, double ytdReturnPercent, double sma50,
                          double sma200, double rsi14, double macdHistogram, double volumeRatio, double volatility30,
                          double maxDrawdown1y, String riskLevel, Stance stance, List<String> reasons,
                          List<String> reasonsTh, List<ChartPattern> patterns, boolean demoData, String tradingNote,
                          String tradingNoteTh, List<PriceCleaning.Flag> flaggedBars) {

    public ReportFacts {
        reasons = List.copyOf(reasons);
        reasonsTh = List.copyOf(reasonsTh);
        patterns = List.copyOf(patterns);
        flaggedBars = List.copyOf(flaggedBars);
    }
}
