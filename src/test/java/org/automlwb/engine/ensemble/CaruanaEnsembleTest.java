package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.ensemble.CaruanaEnsemble.Candidate;
import org.junit.jupiter.api.Test;

class CaruanaEnsembleTest {
    // Private reference metrics, so these tests do not depend on the Metrics implementation.
    static double rmse(Targets t, Predictions p) {
        double ss = 0;
        for (int i = 0; i < t.size(); i++) ss += Math.pow(t.values()[i] - p.values()[i], 2);
        return Math.sqrt(ss / t.size());
    }

    static double r2(Targets t, Predictions p) {
        double mean = java.util.Arrays.stream(t.values()).average().orElse(0);
        double tot = 0;
        for (double v : t.values()) tot += (v - mean) * (v - mean);
        double r = rmse(t, p);
        return 1 - r * r * t.size() / tot;
    }

    static double logloss(Targets t, Predictions p) {
        double s = 0;
        for (int i = 0; i < t.size(); i++) s -= Math.log(Math.max(1e-15, p.probabilities()[i][t.classIndex()[i]]));
        return s / t.size();
    }

    /** y plus and minus the same noise (perfectly complementary), and a single model better than either. */
    private static final int N = 300;
    private static final double[] Y = new double[N];
    private static final List<Candidate> REGRESSION = new ArrayList<>();

    static {
        SplittableRandom rng = new SplittableRandom(17);
        double[] a = new double[N];
        double[] b = new double[N];
        double[] c = new double[N];
        double[] bad = new double[N];
        for (int i = 0; i < N; i++) {
            Y[i] = 3 * Math.sin(i / 10.0);
            double d = rng.nextGaussian();
            a[i] = Y[i] + d;
            b[i] = Y[i] - d;
            c[i] = Y[i] + 0.6 * rng.nextGaussian();
            bad[i] = Y[i] + 5; // biased: mixing any of it in only hurts
        }
        REGRESSION.add(new Candidate(4, Predictions.ofValues(a)));
        REGRESSION.add(new Candidate(9, Predictions.ofValues(b)));
        REGRESSION.add(new Candidate(2, Predictions.ofValues(c)));
        REGRESSION.add(new Candidate(7, Predictions.ofValues(bad)));
    }

    @Test
    void complementaryRegressorsBeatTheBestSingleModel() {
        Targets t = Targets.regression(Y);
        double bestSingle = REGRESSION.stream().mapToDouble(c -> rmse(t, c.predictions())).min().orElseThrow();
        EnsembleSelection e = new CaruanaEnsemble(Metric.RMSE, CaruanaEnsembleTest::rmse).select(REGRESSION, t);
        System.out.printf("regression: best single rmse %.4f, ensemble %.4f, weights %s%n", bestSingle, e.score(),
                e.weights());
        assertTrue(e.score() < 0.5 * bestSingle, e.score() + " vs " + bestSingle);
        assertEquals(e.score(), e.loss(), 0.0);
        assertEquals(e.score(), rmse(t, e.predictions()), 1e-12);
        assertEquals(1.0, e.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertTrue(e.weight(4) > 0.25 && e.weight(9) > 0.25, e.weights()::toString);
        assertEquals(0.0, e.weight(7));
        assertEquals(List.copyOf(e.members()), e.members().stream().sorted().toList(), "ascending trial ids");
    }

    @Test
    void higherIsBetterMetricsChooseTheSameEnsemble() {
        Targets t = Targets.regression(Y);
        EnsembleSelection byRmse = new CaruanaEnsemble(Metric.RMSE, CaruanaEnsembleTest::rmse).select(REGRESSION, t);
        EnsembleSelection byR2 = new CaruanaEnsemble(Metric.R2, CaruanaEnsembleTest::r2).select(REGRESSION, t);
        assertEquals(byRmse.weights(), byR2.weights());
        assertEquals(-byR2.score(), byR2.loss(), 0.0);
        assertTrue(byR2.score() > 0.9);
    }

    @Test
    void deterministicWhateverTheInputOrder() {
        Targets t = Targets.regression(Y);
        CaruanaEnsemble ens = new CaruanaEnsemble(Metric.RMSE, CaruanaEnsembleTest::rmse);
        List<Candidate> shuffled = new ArrayList<>(REGRESSION);
        Collections.reverse(shuffled);
        EnsembleSelection one = ens.select(REGRESSION, t, 30, 2);
        EnsembleSelection two = ens.select(shuffled, t, 30, 2);
        assertEquals(one.weights(), two.weights());
        assertArrayEquals(one.predictions().values(), two.predictions().values());
    }

    @Test
    void neverWorseThanTheBestSingleModel() {
        Targets t = Targets.regression(Y);
        // With only one useful model and a useless one, the ensemble is that model alone.
        List<Candidate> pool = List.of(REGRESSION.get(2), REGRESSION.get(3));
        EnsembleSelection e = new CaruanaEnsemble(Metric.RMSE, CaruanaEnsembleTest::rmse).select(pool, t, 10, 0);
        assertEquals(Map.of(2, 1.0), e.weights());
        assertEquals(rmse(t, REGRESSION.get(2).predictions()), e.score(), 1e-12);
    }

    @Test
    void complementaryClassifiersAverageProbabilities() {
        int n = 120;
        int[] truth = new int[n];
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3;
            // A is right and confident on even rows, confidently wrong on odd rows; B the other way round.
            a[i] = confident(truth[i], i % 2 == 0 ? truth[i] : (truth[i] + 1) % 3);
            b[i] = confident(truth[i], i % 2 == 1 ? truth[i] : (truth[i] + 1) % 3);
            c[i] = new double[3];
            for (int k = 0; k < 3; k++) c[i][k] = k == truth[i] ? 0.4 : 0.3;
        }
        Targets t = Targets.classes(truth, List.of("x", "y", "z"));
        List<Candidate> pool = List.of(new Candidate(1, Predictions.ofProbabilities(a)),
                new Candidate(2, Predictions.ofProbabilities(b)), new Candidate(3, Predictions.ofProbabilities(c)));
        double bestSingle = pool.stream().mapToDouble(x -> logloss(t, x.predictions())).min().orElseThrow();
        EnsembleSelection e = new CaruanaEnsemble(Metric.LOGLOSS, CaruanaEnsembleTest::logloss).select(pool, t, 50, 0);
        System.out.printf("classification: best single logloss %.4f, ensemble %.4f, weights %s%n", bestSingle,
                e.score(), e.weights());
        assertTrue(e.score() < bestSingle - 0.1, e.score() + " vs " + bestSingle);
        assertEquals(1.0, e.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        for (double[] row : e.predictions().probabilities()) {
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-12);
        }
        assertTrue(e.weight(1) > 0 && e.weight(2) > 0, e.weights()::toString);
    }

    private static double[] confident(int truth, int predicted) {
        double[] p = {0.05, 0.05, 0.05};
        p[predicted] = 0.9;
        return p;
    }

    @Test
    void rejectsMismatchedInput() {
        Targets t = Targets.regression(Y);
        CaruanaEnsemble ens = new CaruanaEnsemble(Metric.RMSE, CaruanaEnsembleTest::rmse);
        assertThrows(IllegalArgumentException.class, () -> ens.select(List.of(), t));
        assertThrows(IllegalArgumentException.class, () -> ens.select(
                List.of(new Candidate(1, Predictions.ofValues(new double[3]))), t));
        assertThrows(IllegalArgumentException.class, () -> ens.select(
                List.of(REGRESSION.get(0), new Candidate(4, REGRESSION.get(1).predictions())), t));
        assertThrows(IllegalArgumentException.class, () -> ens.select(REGRESSION, t, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> ens.select(
                List.of(new Candidate(1, Predictions.ofProbabilities(new double[N][2]))), t));
    }
}
