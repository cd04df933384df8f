package com.drdailyreport.shared.domain;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;

/**
 * One anchor of a chart pattern, written in JSON as the two-element array
 * {@code ["2026-01-05", 155.5]} the Mini App's overlay expects: a real trading date, never a bar index.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"date", "price"})
public record PatternPoint(LocalDate date, double price) {

    public PatternPoint {
        Checks.present("points.date", date);
        Checks.positive("points.price", price);
    }
}
