package org.automlwb.ui.run;

/**
 * A score at a time of the run, for the charts.
 *
 * @param seconds   run time in seconds
 * @param score     the metric's value
 * @param algorithm the trial's algorithm
 */
public record ScorePoint(double seconds, double score, String algorithm) { }
