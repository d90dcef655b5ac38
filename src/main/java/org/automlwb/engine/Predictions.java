package org.automlwb.engine;

/**
 * Predictions for a set of rows: class probabilities (classification) or values (regression).
 *
 * <p>Out-of-fold predictions, test predictions and ensemble predictions all take this form, so one set of
 * metric functions serves them all.
 *
 * @param probabilities n rows x k classes, each row summing to 1, columns in the order of
 *                      {@link Targets#classNames()}; null for regression
 * @param values        n predicted values; null for classification
 */
public record Predictions(double[][] probabilities, double[] values) implements java.io.Serializable {
    public static Predictions ofProbabilities(double[][] probabilities) { return new Predictions(probabilities, null); }

    public static Predictions ofValues(double[] values) { return new Predictions(null, values); }

    public int size() { return probabilities != null ? probabilities.length : values.length; }

    public boolean isClassification() { return probabilities != null; }

    /** The predictions of the given rows, in the given order (rows are shared, not copied). */
    public Predictions select(int[] rows) {
        if (probabilities != null) {
            double[][] out = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) out[i] = probabilities[rows[i]];
            return ofProbabilities(out);
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) out[i] = values[rows[i]];
        return ofValues(out);
    }

    /** The most probable class index of each row (classification only). */
    public int[] argmax() {
        int[] out = new int[probabilities.length];
        for (int i = 0; i < out.length; i++) {
            double[] p = probabilities[i];
            int best = 0;
            for (int j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
            out[i] = best;
        }
        return out;
    }
}
