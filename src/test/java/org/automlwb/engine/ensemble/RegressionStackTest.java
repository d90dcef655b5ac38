package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

class RegressionStackTest {
    private static final int N = 4000;

    /**
     * Members a, b, c, d: y = 2 + 0.7 a + 0.3 b - 0.2 c + noise, with c independent of a and b, so the best
     * non-negative stack keeps 0.7 and 0.3 and gives c (which would need a negative weight) 0. Member d is b in
     * other units (times 1000), to check that weights apply to raw predictions.
     */
    private static List<Predictions> members(double[] y, boolean withD) {
        SplittableRandom rng = new SplittableRandom(5);
        double[] a = new double[N];
        double[] b = new double[N];
        double[] c = new double[N];
        double[] d = new double[N];
        for (int i = 0; i < N; i++) {
            a[i] = 10 + 3 * rng.nextGaussian();
            b[i] = -4 + 2 * rng.nextGaussian();
            c[i] = 5 * rng.nextGaussian();
            d[i] = 1000 * b[i];
            y[i] = 2 + 0.7 * a[i] + 0.3 * b[i] - 0.2 * c[i] + 0.1 * rng.nextGaussian();
        }
        return withD
                ? List.of(Predictions.ofValues(a), Predictions.ofValues(c), Predictions.ofValues(d))
                : List.of(Predictions.ofValues(a), Predictions.ofValues(b), Predictions.ofValues(c));
    }

    @Test
    void recoversKnownNonNegativeWeightsAndZeroesTheNegativeOne() {
        double[] y = new double[N];
        List<Predictions> members = members(y, false);
        StackingFit fit = StackingFitter.fit(TaskType.REGRESSION, members, Targets.regression(y), 42);
        StackingMetalearner s = fit.metalearner();
        assertEquals(0.7, s.weight(0), 0.01);
        assertEquals(0.3, s.weight(1), 0.01);
        assertEquals(0.0, s.weight(2), 0.0, "c would need a negative weight");
        assertArrayEquals(new int[] {0, 1}, s.usedMembers());
        // With c left out, its mean (about 0) moves into the intercept.
        assertEquals(2, s.biases()[0], 0.1);
        assertTrue(s.lambda() <= 1e-2, "plenty of clean rows: a weak penalty wins, not " + s.lambda());
    }

    @Test
    void weightsApplyToRawPredictionsInAnyUnits() {
        double[] y = new double[N];
        List<Predictions> members = members(y, true);
        StackingMetalearner s = StackingFitter.fit(TaskType.REGRESSION, members, Targets.regression(y), 42).metalearner();
        assertEquals(0.7, s.weight(0), 0.01);
        assertEquals(0.0, s.weight(1), 0.0);
        assertEquals(0.3 / 1000, s.weight(2), 1e-5);
    }

    @Test
    void fittedPredictionsAreWhatCombineGivesAndBeatEveryMember() {
        double[] y = new double[N];
        List<Predictions> members = members(y, false);
        Targets t = Targets.regression(y);
        StackingFit fit = StackingFitter.fit(TaskType.REGRESSION, members, t, 42);
        assertArrayEquals(fit.metalearner().combine(members).values(), fit.predictions().values(), 0.0);
        double stack = Metric.RMSE.compute(t, fit.predictions());
        for (Predictions m : members) assertTrue(stack < Metric.RMSE.compute(t, m));
        assertEquals(0.2 * 5, stack, 0.05, "what is left is c's part, which no non-negative weight can take");
    }

    @Test
    void minimisesThePenalisedObjective() {
        // KKT on the standardised problem: ½ v'(G + λI)v - r'v with v ≥ 0; checked via small perturbations.
        double[] y = new double[N];
        List<Predictions> members = members(y, false);
        Targets t = Targets.regression(y);
        double lambda = 0.1;
        StackingMetalearner s = StackingFitter.fit(TaskType.REGRESSION, members, t, new double[] {lambda}, 5, 1)
                .metalearner();
        double base = penalisedObjective(members, y, s.weights(), lambda);
        double[] w = s.weights();
        for (int j = 0; j < w.length; j++) {
            for (double delta : new double[] {-1e-3, 1e-3}) {
                double[] moved = w.clone();
                moved[j] = Math.max(0, moved[j] + delta * sd(members.get(j).values()));
                if (Arrays.equals(moved, w)) continue;
                assertTrue(penalisedObjective(members, y, moved, lambda) >= base - 1e-12, "member " + j + " " + delta);
            }
        }
    }

    /** The objective in raw units, with the best intercept for the weights. */
    private static double penalisedObjective(List<Predictions> members, double[] y, double[] w, double lambda) {
        double sdY = sd(y);
        double[] r = y.clone();
        double penalty = 0;
        for (int j = 0; j < w.length; j++) {
            double[] x = members.get(j).values();
            for (int i = 0; i < N; i++) r[i] -= w[j] * x[i];
            double v = w[j] * sd(x) / sdY;
            penalty += lambda * v * v;
        }
        double mean = Arrays.stream(r).average().orElseThrow();
        double ss = 0;
        for (double e : r) ss += (e - mean) * (e - mean);
        return ss / N / (sdY * sdY) + penalty;
    }

    private static double sd(double[] x) {
        double mean = Arrays.stream(x).average().orElseThrow();
        double ss = 0;
        for (double v : x) ss += (v - mean) * (v - mean);
        return Math.sqrt(ss / x.length);
    }

    @Test
    void strongerPenaltyShrinksTheStandardisedWeights() {
        double[] y = new double[N];
        List<Predictions> members = members(y, false);
        Targets t = Targets.regression(y);
        double weak = StackingFitter.fit(TaskType.REGRESSION, members, t, new double[] {1e-4}, 5, 1).metalearner().weight(0);
        double strong = StackingFitter.fit(TaskType.REGRESSION, members, t, new double[] {1}, 5, 1).metalearner().weight(0);
        assertTrue(strong < 0.6 * weak, weak + " vs " + strong);
    }

    @Test
    void constantMembersAndConstantTargetsAreHandled() {
        double[] y = new double[50];
        double[] x = new double[50];
        for (int i = 0; i < 50; i++) {
            y[i] = i;
            x[i] = i + 1;
        }
        double[] constant = new double[50];
        Arrays.fill(constant, 3);
        List<Predictions> members = List.of(Predictions.ofValues(constant), Predictions.ofValues(x));
        StackingMetalearner s = StackingFitter.fit(TaskType.REGRESSION, members, Targets.regression(y), 3).metalearner();
        assertEquals(0.0, s.weight(0), 0.0);
        assertEquals(1.0, s.weight(1), 1e-3);

        Arrays.fill(y, 7);
        StackingMetalearner flat = StackingFitter.fit(TaskType.REGRESSION, members, Targets.regression(y), 3).metalearner();
        assertEquals(0, flat.usedMembers().length);
        assertEquals(7, flat.biases()[0], 1e-12);
    }

    @Test
    void deterministic() {
        double[] y = new double[N];
        List<Predictions> members = members(y, false);
        Targets t = Targets.regression(y);
        StackingFit a = StackingFitter.fit(TaskType.REGRESSION, members, t, 42);
        StackingFit b = StackingFitter.fit(TaskType.REGRESSION, members, t, 42);
        assertEquals(a.metalearner(), b.metalearner());
        assertArrayEquals(a.tuningLosses(), b.tuningLosses(), 0.0);
    }

    @Test
    void badInputsAreRejected() {
        Targets t = Targets.regression(new double[] {1, 2, 3});
        Predictions ok = Predictions.ofValues(new double[] {1, 2, 3});
        assertThrows(IllegalArgumentException.class, () -> StackingFitter.fit(TaskType.REGRESSION, List.of(), t, 1));
        assertThrows(IllegalArgumentException.class,
                () -> StackingFitter.fit(TaskType.REGRESSION, List.of(Predictions.ofValues(new double[2])), t, 1));
        assertThrows(IllegalArgumentException.class,
                () -> StackingFitter.fit(TaskType.REGRESSION, List.of(Predictions.ofValues(new double[] {1, Double.NaN, 3})), t, 1));
        assertThrows(IllegalArgumentException.class,
                () -> StackingFitter.fit(TaskType.REGRESSION, List.of(ok), t, new double[] {0}, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> StackingFitter.fit(TaskType.BINARY, List.of(ok), t, 1));
    }
}
