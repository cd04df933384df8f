package com.drdailyreport.shared.patterns;

/**
 * A swing point: a local high (at the bar's high) or low (at the bar's low).
 *
 * @param index     bar index
 * @param high      true for a swing high
 * @param log       ln of the price (bar high for a swing high, bar low for a swing low)
 * @param confirmed whether price has since moved away from it by the swing threshold (false for the
 *                  current leg's running extreme and for a swing at the very start of the data)
 */
record Pivot(int index, boolean high, double log, boolean confirmed) {
}
