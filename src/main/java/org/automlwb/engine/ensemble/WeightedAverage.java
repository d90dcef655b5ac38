package org.automlwb.engine.ensemble;

import java.util.List;
import org.automlwb.engine.Predictions;

/**
 * A weighted average of members' probabilities or values: how a Caruana ensemble combines.
 *
 * @param weights one per member, normalised to sum to 1
 */
public record WeightedAverage(double[] weights) implements Combiner {
    /** @param weights one per member, at least 0, summing to more than 0 (normalised here) */
    public WeightedAverage {
        weights = normalised(weights);
    }

    @Override
    public double[] weights() { return weights.clone(); }

    @Override
    public Predictions combine(List<Predictions> members) {
        return combine(members, weights);
    }

    /**
     * The weighted average of predictions of the same rows. Entries whose weight is 0 may be null; at least one
     * entry with a positive weight must be given.
     *
     * @param weights one per entry, at least 0, summing to more than 0 (normalised here)
     */
    public static Predictions combine(List<Predictions> predictions, double[] weights) {
        if (predictions.size() != weights.length) throw new IllegalArgumentException("one weight per prediction");
        double[] w = normalised(weights);
        Predictions ref = null;
        for (int i = 0; i < w.length && ref == null; i++) if (w[i] > 0) ref = predictions.get(i);
        if (ref == null) throw new IllegalArgumentException("no predictions for the members with weight");
        int n = ref.size();
        if (ref.isClassification()) {
            int k = ref.probabilities().length == 0 ? 0 : ref.probabilities()[0].length;
            double[][] out = new double[n][k];
            for (int m = 0; m < w.length; m++) {
                if (w[m] == 0) continue;
                double[][] p = checkSize(predictions.get(m), n).probabilities();
                for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) out[i][c] += w[m] * p[i][c];
            }
            return Predictions.ofProbabilities(out);
        }
        double[] out = new double[n];
        for (int m = 0; m < w.length; m++) {
            if (w[m] == 0) continue;
            double[] v = checkSize(predictions.get(m), n).values();
            for (int i = 0; i < n; i++) out[i] += w[m] * v[i];
        }
        return Predictions.ofValues(out);
    }

    private static Predictions checkSize(Predictions p, int n) {
        if (p.size() != n) throw new IllegalArgumentException("predictions of different sizes: " + p.size() + ", " + n);
        return p;
    }

    /** Weights scaled to sum to 1. */
    static double[] normalised(double[] weights) {
        double sum = 0;
        for (double x : weights) {
            if (!(x >= 0) || Double.isInfinite(x)) throw new IllegalArgumentException("bad weight " + x);
            sum += x;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("ensemble weights sum to 0");
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) out[i] = weights[i] / sum;
        return out;
    }
}
