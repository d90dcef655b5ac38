package org.automlwb.engine.algo.lightgbm;

import java.util.List;
import java.util.Random;

/** Small synthetic problems with a known structure, and the losses to judge them. */
final class Synthetic {
    final double[][] x;
    final double[] y;
    final List<String> names;

    private Synthetic(double[][] x, double[] y, List<String> names) {
        this.x = x;
        this.y = y;
        this.names = names;
    }

    DenseRows rows() { return DenseRows.of(x); }

    /** Label 1 when x0 + x1^2 - 1 + noise > 0; x2, x3 are noise. */
    static Synthetic binary(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][4];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) x[i][j] = r.nextGaussian();
            y[i] = x[i][0] + x[i][1] * x[i][1] - 1 + 0.5 * r.nextGaussian() > 0 ? 1 : 0;
        }
        return new Synthetic(x, y, List.of("x0", "x1", "noise 1", "noise:2"));
    }

    /** Class = argmax of three noisy linear scores of x0, x1. */
    static Synthetic multiclass(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = r.nextGaussian();
            double[] s = {x[i][0], x[i][1], -x[i][0] - x[i][1]};
            int best = 0;
            for (int c = 1; c < 3; c++) if (s[c] + 0.3 * r.nextGaussian() > s[best]) best = c;
            y[i] = best;
        }
        return new Synthetic(x, y, List.of("a", "b", "c"));
    }

    /** y = 3 sin(x0) + x1^2 + noise; x2 is noise. */
    static Synthetic regression(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) x[i][j] = r.nextGaussian();
            y[i] = 3 * Math.sin(x[i][0]) + x[i][1] * x[i][1] + 0.3 * r.nextGaussian();
        }
        return new Synthetic(x, y, List.of("s", "q", "n"));
    }

    /**
     * Label depends only on a 30-level category (column 0) whose codes are in random order, so that treating
     * the codes as numbers needs many splits; column 1 is noise. Codes 0..29, no order in the effect, the
     * same effects for every seed.
     */
    static Synthetic category(int n, long seed, double missingShare) {
        Random fixed = new Random(30);
        double[] effect = new double[30];
        for (int c = 0; c < 30; c++) effect[c] = fixed.nextBoolean() ? 1.5 : -1.5;
        Random r = new Random(seed);
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int c = r.nextInt(30);
            double logit = effect[c];
            x[i][0] = r.nextDouble() < missingShare ? -1 : c;
            x[i][1] = r.nextGaussian();
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return new Synthetic(x, y, List.of("city", "noise"));
    }

    static double logLoss(double[][] p, double[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum -= Math.log(Math.max(1e-15, p[i][(int) y[i]]));
        return sum / y.length;
    }

    /** Log loss of always predicting the class shares of {@code train}. */
    static double constantLogLoss(double[] train, double[] test, int k) {
        double[] share = new double[k];
        for (double v : train) share[(int) v] += 1.0 / train.length;
        double sum = 0;
        for (double v : test) sum -= Math.log(share[(int) v]);
        return sum / test.length;
    }

    static double mse(double[] p, double[] y) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) sum += (p[i] - y[i]) * (p[i] - y[i]);
        return sum / y.length;
    }

    static double variance(double[] y) {
        double mean = 0;
        for (double v : y) mean += v / y.length;
        double sum = 0;
        for (double v : y) sum += (v - mean) * (v - mean);
        return sum / y.length;
    }
}
