package org.automlwb.ui.profile;

/**
 * One bar of the profile chart: a histogram bin or a frequent value.
 *
 * @param label category-axis label
 * @param count height
 */
public record Bar(String label, long count) { }
