package org.automlwb.engine.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/** Synthetic members and targets with known structure, for the ensemble tests and the benchmark. */
final class Synthetic {
    private Synthetic() { }

    /** Members and targets of one problem. */
    record Problem(List<Predictions> members, Targets targets) { }

    static List<String> classNames(int k) {
        return IntStream.range(0, k).mapToObj(c -> "c" + c).toList();
    }

    static double[] softmax(double[] s) {
        double[] p = s.clone();
        SoftmaxStackSolver.softmaxInPlace(p);
        return p;
    }

    static int draw(double[] p, SplittableRandom rng) {
        double u = rng.nextDouble();
        for (int c = 0; c < p.length - 1; c++) {
            u -= p[c];
            if (u < 0) return c;
        }
        return p.length - 1;
    }

    /**
     * Rows whose class is drawn from {@code softmax(bias + Σ_m trueWeights[m] · log p_m)}, where member m's
     * probabilities are a softmax of independent Gaussian scores (scale 1.5): the stack with these weights and
     * biases is the true model.
     */
    static Problem fromStack(int n, int k, double[] trueWeights, double[] bias, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int m = trueWeights.length;
        double[][][] p = new double[m][n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] s = bias.clone();
            for (int j = 0; j < m; j++) {
                double[] scores = new double[k];
                for (int c = 0; c < k; c++) scores[c] = 1.5 * rng.nextGaussian();
                p[j][i] = softmax(scores);
                for (int c = 0; c < k; c++) s[c] += trueWeights[j] * Math.log(p[j][i][c]);
            }
            y[i] = draw(softmax(s), rng);
        }
        List<Predictions> members = new ArrayList<>();
        for (int j = 0; j < m; j++) members.add(Predictions.ofProbabilities(p[j]));
        return new Problem(members, Targets.classes(y, classNames(k)));
    }

    /**
     * Three members of a classification problem with true class probabilities {@code softmax(η)}: an
     * informative one (calibrated, η plus noise), pure noise, and an overconfident copy of another noisy view
     * (its scores times 4).
     */
    static Problem informativeNoiseOverconfident(int n, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        double[][] c = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double[] eta = new double[k];
            for (int j = 0; j < k; j++) eta[j] = 1.5 * rng.nextGaussian();
            y[i] = draw(softmax(eta), rng);
            double[] sa = new double[k];
            double[] sb = new double[k];
            double[] sc = new double[k];
            for (int j = 0; j < k; j++) {
                sa[j] = 0.8 * (eta[j] + 0.7 * rng.nextGaussian());
                sb[j] = 1.0 * rng.nextGaussian();
                sc[j] = 4 * (eta[j] + 0.9 * rng.nextGaussian());
            }
            a[i] = softmax(sa);
            b[i] = softmax(sb);
            c[i] = softmax(sc);
        }
        return new Problem(List.of(Predictions.ofProbabilities(a), Predictions.ofProbabilities(b),
                Predictions.ofProbabilities(c)), Targets.classes(y, classNames(k)));
    }

    /**
     * {@code members} views of one classification problem of {@code k} classes: member j sees the true scores
     * through its own noise and temperature, so members differ in quality and calibration.
     */
    static Problem manyMembers(int n, int members, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][][] p = new double[members][n][];
        int[] y = new int[n];
        double[] scores = new double[k];
        double[] eta = new double[k];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < k; c++) eta[c] = 2 * rng.nextGaussian();
            y[i] = draw(softmax(eta), rng);
            for (int j = 0; j < members; j++) {
                double noise = 0.5 + 0.1 * j;
                double sharp = 0.5 + 0.15 * j;
                for (int c = 0; c < k; c++) scores[c] = sharp * (eta[c] + noise * rng.nextGaussian());
                p[j][i] = softmax(scores);
            }
        }
        List<Predictions> out = new ArrayList<>();
        for (int j = 0; j < members; j++) out.add(Predictions.ofProbabilities(p[j]));
        return new Problem(out, Targets.classes(y, classNames(k)));
    }
}
