package org.automlwb.engine;

import java.util.List;

/**
 * The true values of the target for a set of rows, in the form the metrics need.
 *
 * @param classIndex for classification, the index into {@code classNames} of each row's label; null for regression
 * @param classNames for classification, the class labels in a fixed order (the column order of probabilities)
 * @param values     for regression, the target value of each row; null for classification
 */
public record Targets(int[] classIndex, List<String> classNames, double[] values)
        implements java.io.Serializable {
    public static Targets classes(int[] classIndex, List<String> classNames) {
        return new Targets(classIndex, List.copyOf(classNames), null);
    }

    public static Targets regression(double[] values) {
        return new Targets(null, List.of(), values);
    }

    public int size() { return classIndex != null ? classIndex.length : values.length; }

    public boolean isClassification() { return classIndex != null; }

    /** The targets of the given rows, in the given order (class names unchanged). */
    public Targets select(int[] rows) {
        if (classIndex != null) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) out[i] = classIndex[rows[i]];
            return new Targets(out, classNames, null);
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = values[rows[i]];
        return new Targets(null, classNames, out);
    }
}
