package com.drdailyreport.shared.patterns;

import java.util.LinkedHashMap;
import java.util.Map;

/** Textbook formations, each after a 60-bar lead-in, used by the tests and the explorer. */
final class Templates {

    private Templates() {
    }

    static Synthetic lead(double drift) {
        return Synthetic.from(100).leg(60, drift);
    }

    static Synthetic doubleTop() {
        return lead(25).leg(12, -11).leg(12, 12).leg(10, -13, 1.3).flat(4);
    }

    static Synthetic doubleBottom() {
        return lead(-22).leg(12, 12).leg(12, -11).leg(10, 14, 1.3).flat(4);
    }

    static Synthetic headShoulders() {
        return lead(20).leg(8, -8).leg(10, 16).leg(10, -14).leg(8, 8, 0.7).leg(8, -10, 1.3).flat(3);
    }

    static Synthetic inverseHeadShoulders() {
        return lead(-20).leg(8, 8).leg(10, -15).leg(10, 16).leg(8, -7, 0.7).leg(8, 11, 1.3).flat(3);
    }

    static Synthetic ascendingTriangle() {
        return lead(10).leg(10, 12).leg(8, -10).leg(8, 11).leg(8, -7).leg(8, 7.5).leg(6, -5).leg(6, 5.2).flat(2);
    }

    static Synthetic descendingTriangle() {
        return lead(-10).leg(10, -12).leg(8, 11).leg(8, -10).leg(8, 7.5).leg(8, -7).leg(6, 5.2).leg(6, -5).flat(2);
    }

    static Synthetic symmetricalTriangle() {
        return lead(5).leg(10, 12).leg(10, -14).leg(8, 12).leg(8, -9).leg(6, 7).leg(6, -5).flat(2);
    }

    static Synthetic risingWedge() {
        return lead(15).leg(10, 12).leg(8, -7).leg(9, 9).leg(7, -5.5).leg(8, 6.5).leg(6, -4.5).flat(2);
    }

    static Synthetic fallingWedge() {
        return lead(-15).leg(10, -12).leg(8, 7).leg(9, -9).leg(7, 5.5).leg(8, -6.5).leg(6, 4.5).flat(2);
    }

    static Synthetic bullishFlag() {
        return lead(3).leg(8, 16, 1.8).leg(12, -3, 0.5).leg(3, 5, 1.5);
    }

    static Synthetic bearishFlag() {
        return lead(-3).leg(8, -15, 1.8).leg(12, 3, 0.5).leg(3, -5, 1.5);
    }

    static Synthetic cupHandle() {
        return lead(30).leg(25, -20).leg(20, 0).leg(25, 25).leg(8, -6, 0.6).leg(5, 9, 1.5);
    }

    static Synthetic vcp() {
        return lead(35).leg(10, -15, 1.2).leg(10, 16, 1.0).leg(8, -9, 0.8).leg(8, 9.5, 0.7).leg(6, -4.5, 0.5).leg(5, 4.4, 0.45)
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
