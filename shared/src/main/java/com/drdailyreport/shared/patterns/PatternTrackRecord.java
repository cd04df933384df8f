package com.drdailyreport.shared.patterns;

import com.drdailyreport.shared.analysis.PriceCleaning;
import com.drdailyreport.shared.domain.Confidence;
import com.drdailyreport.shared.domain.PatternEvent;
import com.drdailyreport.shared.domain.PatternState;
import com.drdailyreport.shared.domain.PatternType;
import com.drdailyreport.shared.domain.PriceHistory;
import com.drdailyreport.shared.domain.TrackRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The detector's own track record, measured without look-ahead: walking forward over a series, on
 * every bar the detector sees only the year of bars up to that bar (as the nightly run did that day);
 * each pattern is counted once, on the bar it was first reported live (forming or confirmed), with
 * that bar's close as the entry. What happened next is followed with the pattern's own lifecycle for
 * {@value #HORIZON} bars: it reached its target before failing (hit), failed first, or neither.
 *
 * <p>Each case is compared with its <em>base rate</em>: the share of earlier entry days of the same
 * series (days whose own horizon ended by the report) on which the same target distance was reached
 * — by a high (low) — before a close beyond the same stop distance, within the same horizon. A pattern
 * type carries signal only if its hits exceed what those base rates predict.
 */
public final class PatternTrackRecord {

    /** Bars after the report within which the target must be reached. */
    public static final int HORIZON = 40;
    /** Bars the detector sees on each day: one year, as stored. */
    static final int WINDOW = 250;
    /** The first bar reported from: enough history for swings and a few base-rate days. */
    static final int FIRST_BAR = 60;
    /** Fewer earlier entry days than this give no base rate. */
    static final int MIN_BASE_DAYS = 20;
    /**
     * Hits must exceed the base rates' expectation by this many standard deviations to count as better
     * than chance: one-sided 1 % rather than 5 %, because a series' cases overlap in time (their outcomes
     * are not independent) and thirteen types are tested at once; on day-shuffled series, which have no
     * edge by construction, 1.645 still let a bucket through now and then.
     */
    static final double SIGNIFICANT_Z = 2.33;

    private PatternTrackRecord() {
    }

    /** The series' past patterns, oldest report first. */
    public static List<PatternEvent> events(PriceHistory history) {
        // what happened after a report is judged on bars cleaned with hindsight; what was reported, only
        // on bars cleaned as they stood that day (a spike on the last bar cannot be known to revert yet)
        Prices all = new Prices(PriceCleaning.clean(history).history());
        List<PatternEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int t = FIRST_BAR - 1; t < all.n; t++) {
            int from = Math.max(0, t + 1 - WINDOW);
            Prices window = new Prices(PriceCleaning.clean(
                    new PriceHistory(history.symbol(), history.bars().subList(from, t + 1))).history());
            for (PatternDetector.Found found : PatternDetector.found(window)) {
                Formation f = found.formation();
                String key = f.type().wireName() + "|" + window.date[f.first()];
                if (!found.live() || !seen.add(key)) {
                    continue;
                }
                events.add(event(all, from, t, found));
            }
        }
        return events;
    }

    private static PatternEvent event(Prices all, int from, int t, PatternDetector.Found found) {
        Formation f = found.formation();
        Lifecycle.Outcome atReport = found.outcome();
        int end = Math.min(all.n - 1, t + HORIZON);
        Prices ahead = all.slice(from, end + 1);
        int reportIndex = t - from;
        double entry = all.logClose[t];
        int sign = atReport.sign();
        // distances as of the report: a symmetrical triangle still forming may go either way
        double up;
        double down;
        if (sign == 0) {
            up = f.upper().at(reportIndex) + f.height() - entry;
            down = entry - (f.lower().at(reportIndex) - f.height());
        } else {
            up = sign * (atReport.target() - entry);
            down = sign * (entry - atReport.stop());
        }
        Lifecycle.Outcome later = Lifecycle.follow(ahead, f, end - from);
        PatternEvent.Outcome outcome;
        Integer bars = null;
        if (later.state() == PatternState.TARGET_REACHED) {
            outcome = PatternEvent.Outcome.HIT;
            bars = later.stateIndex() - reportIndex;
        } else if (later.state() == PatternState.FAILED) {
            outcome = PatternEvent.Outcome.FAILED;
            bars = later.stateIndex() - reportIndex;
        } else {
            outcome = t + HORIZON <= all.n - 1 ? PatternEvent.Outcome.NO_RESULT : PatternEvent.Outcome.OPEN;
        }
        int direction = sign != 0 ? sign : later.sign();
        Double returnPct = t + HORIZON <= all.n - 1 && direction != 0
                ? round((Math.exp(direction * (all.logClose[t + HORIZON] - entry)) - 1) * 100) : null;
        Double baseRate = baseRate(all, t, sign, up, down);
        return new PatternEvent(f.type(), all.date[from + f.first()], all.date[t], PatternDetector.grade(f.quality()),
                round(f.quality()), outcome, bars, returnPct, round(Candidate.percent(Math.max(up, 0))),
                sign == 0 ? null : round(Candidate.percent(Math.max(down, 0))), baseRate);
    }

    /**
     * Share of the entry days the detector's year shows (s within the last {@value #WINDOW} bars, s + horizon
     * ≤ t) on which the target distance was reached before the stop:
     * for a directional pattern a high (low) {@code up} beyond the entry before a close {@code down} the
     * other way; for an undecided one either distance, touched, counts.
     */
    static Double baseRate(Prices p, int t, int sign, double up, double down) {
        if (!(up > 0) || !(down > 0)) {
            return null;
        }
        int days = 0;
        int hits = 0;
        for (int s = Math.max(0, t + 1 - WINDOW); s + HORIZON <= t; s++) {
            days++;
            double entry = p.logClose[s];
            for (int i = s + 1; i <= s + HORIZON; i++) {
                if (sign == 0) {
                    if (p.logHigh[i] >= entry + up || p.logLow[i] <= entry - down) {
                        hits++;
                        break;
                    }
                    continue;
                }
                boolean reached = sign > 0 ? p.logHigh[i] >= entry + up : p.logLow[i] <= entry - up;
                if (reached) {
                    hits++;
                    break;
                }
                boolean stopped = sign > 0 ? p.logClose[i] < entry - down : p.logClose[i] > entry + down;
                if (stopped) {
                    break;
                }
            }
        }
        return days < MIN_BASE_DAYS ? null : round((double) hits / days);
    }

    /**
     * The records of one scope: per type over every confidence (confidence null), and per type and
     * confidence. Only decided cases (hit, failed, or horizon over) count.
     */
    public static List<TrackRecord> aggregate(String scope, Collection<PatternEvent> events, LocalDate asOf, boolean demo) {
        List<TrackRecord> records = new ArrayList<>();
        for (PatternType type : PatternType.values()) {
            List<PatternEvent> ofType = events.stream().filter(e -> e.type() == type && e.outcome().decided()).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            records.add(record(scope, type, null, ofType, asOf, demo));
            for (Confidence c : Confidence.values()) {
                List<PatternEvent> ofConfidence = ofType.stream().filter(e -> e.confidence() == c).toList();
                if (!ofConfidence.isEmpty()) {
                    records.add(record(scope, type, c, ofConfidence, asOf, demo));
                }
            }
        }
        return records;
    }

    static TrackRecord record(String scope, PatternType type, Confidence confidence, List<PatternEvent> cases, LocalDate asOf,
                              boolean demo) {
        int hits = 0;
        int failures = 0;
        double expected = 0;
        double variance = 0;
        int withBase = 0;
        int hitsWithBase = 0;
        List<Integer> barsToTarget = new ArrayList<>();
        double returns = 0;
        int withReturn = 0;
        for (PatternEvent e : cases) {
            boolean hit = e.outcome() == PatternEvent.Outcome.HIT;
            hits += hit ? 1 : 0;
            failures += e.outcome() == PatternEvent.Outcome.FAILED ? 1 : 0;
            if (hit && e.barsToOutcome() != null) {
                barsToTarget.add(e.barsToOutcome());
            }
            if (e.baseRate() != null) {
                withBase++;
                hitsWithBase += hit ? 1 : 0;
                expected += e.baseRate();
                variance += e.baseRate() * (1 - e.baseRate());
            }
            if (e.returnPct() != null) {
                returns += e.returnPct();
                withReturn++;
            }
        }
        int n = cases.size();
        Double z = withBase == 0 || variance == 0 ? null : round((hitsWithBase - expected) / Math.sqrt(variance));
        TrackRecord.Verdict verdict = n < TrackRecord.MIN_CASES ? TrackRecord.Verdict.TOO_FEW_CASES
                : z != null && z >= SIGNIFICANT_Z ? TrackRecord.Verdict.BETTER_THAN_CHANCE : TrackRecord.Verdict.NOT_BETTER_THAN_CHANCE;
        barsToTarget.sort(null);
        return new TrackRecord(scope, type, confidence, asOf, n, hits, failures, round((double) hits / n),
                withBase == 0 ? null : round(expected / withBase), z,
                barsToTarget.isEmpty() ? null : barsToTarget.get(barsToTarget.size() / 2),
                withReturn == 0 ? null : round(returns / withReturn), HORIZON, demo, verdict);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
