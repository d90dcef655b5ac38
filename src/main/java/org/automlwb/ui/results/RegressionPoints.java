package org.automlwb.ui.results;

import java.util.Random;

/**
 * Actual against predicted values of a regression, sampled to at most {@code limit} points for the scatter
 * and residual charts (a seeded sample, so the picture is the same each time).
 *
 * @param actual    true values
 * @param predicted predicted values
 */
public record RegressionPoints(double[] actual, double[] predicted) {
    public static final int LIMIT = 5000;

    public static RegressionPoints sample(double[] actual, double[] predicted, int limit, long seed) {
        int n = actual.length;
        if (n <= limit) return new RegressionPoints(actual.clone(), predicted.clone());
        // Partial Fisher-Yates: the first `limit` slots become a uniform sample without replacement.
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        Random r = new Random(seed);
        double[] a = new double[limit];
        double[] p = new double[limit];
        for (int i = 0; i < limit; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i]; idx[i] = idx[j]; idx[j] = t;
            a[i] = actual[idx[i]];
            p[i] = predicted[idx[i]];
        }
        return new RegressionPoints(a, p);
    }

    public int size() { return actual.length; }

    /** actual − predicted. */
    public double residual(int i) { return actual[i] - predicted[i]; }
}
