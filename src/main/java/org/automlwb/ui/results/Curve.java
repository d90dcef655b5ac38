package org.automlwb.ui.results;

/**
 * A curve for a chart (ROC or precision-recall) and the area under it.
 *
 * @param name  what it is of, e.g. a class name
 * @param x     x values (false-positive rate, or recall)
 * @param y     y values (true-positive rate, or precision)
 * @param area  area under the curve (AUC, or average precision)
 */
public record Curve(String name, double[] x, double[] y, double area) {
    public int size() { return x.length; }
}
