package org.automlwb.ui.results;

/**
 * One metric shown side by side in two columns (validation and test, or two leaderboard entries).
 *
 * @param metric the metric key
 * @param left   first value, NaN when absent
 * @param right  second value, NaN when absent
 */
public record MetricRow(String metric, double left, double right) { }
