package com.drdailyreport.shared.patterns;

import java.util.List;

/** A level in log price as a function of the bar index: {@code intercept + slope × index}. */
record Line(double slope, double intercept) {

    double at(int index) {
        return intercept + slope * index;
    }

    static Line flat(double log) {
        return new Line(0, log);
    }

    static Line through(int i1, double y1, int i2, double y2) {
        double slope = (y2 - y1) / (i2 - i1);
        return new Line(slope, y1 - slope * i1);
    }

    /** Least-squares line through the pivots (index, log price). */
    static Line fit(List<Pivot> points) {
        int m = points.size();
        double mx = 0;
        double my = 0;
        for (Pivot p : points) {
            mx += p.index();
            my += p.log();
        }
        mx /= m;
        my /= m;
        double sxx = 0;
        double sxy = 0;
        for (Pivot p : points) {
            sxx += (p.index() - mx) * (p.index() - mx);
            sxy += (p.index() - mx) * (p.log() - my);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new Line(slope, my - slope * mx);
    }

    /** The largest |pivot − line| over the pivots. */
    double maxResidual(List<Pivot> points) {
        double worst = 0;
        for (Pivot p : points) {
            worst = Math.max(worst, Math.abs(p.log() - at(p.index())));
        }
        return worst;
    }

    /** The same line moved up (positive) or down by {@code offset}. */
    Line shifted(double offset) {
        return new Line(slope, intercept + offset);
    }
}
