package com.drdailyreport.shared.patterns;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Textbook formations as real charts show them: a hectic lead-in (twice the activity), then the
 * formation on calmer trading — a chart pattern is a pause, and the detector asks for one. The
 * formation starts at bar {@value #LEAD} (flags: after a quiet base and an active trend, see
 * {@link #bullishFlag()}). Used by the tests and the explorer.
 */
final class Templates {

    /** Bars of lead-in before a formation's first swing. */
    static final int LEAD = 80;

    private Templates() {
    }

    static Synthetic lead(double drift) {
        return Synthetic.from(100).activity(2.5).leg(LEAD, drift).activity(0.7);
    }

    static Synthetic doubleTop() {
        return lead(25).leg(18, -11).leg(18, 12).leg(12, -13, 1.3).flat(4);
    }

    static Synthetic doubleBottom() {
        return lead(-22).leg(18, 12).leg(18, -11).leg(12, 14, 1.3).flat(4);
    }

    static Synthetic headShoulders() {
        return lead(20).leg(16, -8).leg(20, 16).leg(20, -14).leg(16, 8, 0.7).leg(16, -10, 1.3).flat(3);
    }

    static Synthetic inverseHeadShoulders() {
        return lead(-20).leg(16, 8).leg(20, -15).leg(20, 16).leg(16, -7, 0.7).leg(16, 11, 1.3).flat(3);
    }

    static Synthetic ascendingTriangle() {
        return lead(10).leg(20, 12).leg(16, -10).leg(16, 11).leg(16, -7).leg(16, 7.5).leg(12, -5).leg(12, 5.2).flat(2);
    }

    static Synthetic descendingTriangle() {
        return lead(-10).leg(20, -12).leg(16, 11).leg(16, -10).leg(16, 7.5).leg(16, -7).leg(12, 5.2).leg(12, -5).flat(2);
    }

    static Synthetic symmetricalTriangle() {
        return lead(5).leg(20, 12).leg(20, -14).leg(16, 12).leg(16, -9).leg(12, 7).leg(12, -5).flat(2);
    }

    static Synthetic risingWedge() {
        return lead(15).leg(20, 12).leg(16, -6).leg(18, 9).leg(14, -4.5).leg(16, 7).leg(12, -3.5).flat(2);
    }

    static Synthetic fallingWedge() {
        return lead(-15).leg(20, -12).leg(16, 6).leg(18, -9).leg(14, 4.5).leg(16, -7).leg(12, 3.5).flat(2);
    }

    /**
     * A quiet base of 100 bars, an active trend of 40 (the flag flies in a fast market), the pole —
     * 8 bars, +16 % — at bars 140–147, the flag (12 bars, −3 %, light volume, calm), the breakout.
     */
    static Synthetic bullishFlag() {
        return Synthetic.from(100).leg(100, 2).activity(2.2).leg(40, 8).activity(1.8).leg(8, 16, 1.8).activity(0.7)
                .leg(12, -3, 0.5).activity(1.2).leg(3, 5, 1.5);
    }

    static Synthetic bearishFlag() {
        return Synthetic.from(100).leg(100, -2).activity(2.2).leg(40, -8).activity(1.8).leg(8, -15, 1.8).activity(0.7)
                .leg(12, 3, 0.5).activity(1.2).leg(3, -5, 1.5);
    }

    static Synthetic cupHandle() {
        return Synthetic.from(100).activity(2.0).leg(100, 30).activity(0.7).leg(25, -20).leg(20, 0).leg(25, 25).leg(8, -6, 0.6)
                .leg(5, 9, 1.5);
    }

    static Synthetic vcp() {
        return lead(35).leg(10, -15, 1.2).leg(10, 16, 1.0).activity(0.5).leg(8, -9, 0.8).leg(8, 9.5, 0.7).leg(6, -4.5, 0.5).leg(5, 4.4, 0.45)
                .leg(3, 6, 1.6);
    }

    static Map<String, Synthetic> all() {
        Map<String, Synthetic> all = new LinkedHashMap<>();
        all.put("double_top", doubleTop());
        all.put("double_bottom", doubleBottom());
        all.put("head_shoulders", headShoulders());
        all.put("inverse_head_shoulders", inverseHeadShoulders());
        all.put("ascending_triangle", ascendingTriangle());
        all.put("descending_triangle", descendingTriangle());
        all.put("symmetrical_triangle", symmetricalTriangle());
        all.put("rising_wedge", risingWedge());
        all.put("falling_wedge", fallingWedge());
        all.put("bullish_flag", bullishFlag());
        all.put("bearish_flag", bearishFlag());
        all.put("cup_handle", cupHandle());
        all.put("vcp", vcp());
        return all;
    }
}
