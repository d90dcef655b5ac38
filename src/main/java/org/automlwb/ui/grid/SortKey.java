package org.automlwb.ui.grid;

/**
 * What the grid is sorted by.
 *
 * @param column    column name
 * @param ascending direction
 */
public record SortKey(String column, boolean ascending) { }
