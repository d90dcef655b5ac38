package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.model.ModelBundle;
import org.junit.jupiter.api.Test;

class ClassificationStackTest {
    private static final double[] TINY = {1e-6};

    @Test
    void binaryRecoversKnownWeightsAndBias() {
        Synthetic.Problem p = Synthetic.fromStack(20_000, 2, new double[] {1.2, 0.6}, new double[] {0, 0.4}, 1);
        StackingMetalearner s = StackingFitter.fit(TaskType.BINARY, p.members(), p.targets(), TINY, 5, 1).metalearner();
        assertEquals(1.2, s.weight(0), 0.06);
        assertEquals(0.6, s.weight(1), 0.06);
        assertEquals(0.4, s.biases()[1] - s.biases()[0], 0.06);
        assertEquals(0.0, s.biases()[0] + s.biases()[1], 1e-3, "the bias penalty centres the biases");
    }

    @Test
    void memberThatWouldNeedANegativeWeightGetsZero() {
        Synthetic.Problem p = Synthetic.fromStack(20_000, 2, new double[] {1.0, -0.5}, new double[] {0, 0}, 2);
        StackingMetalearner s = StackingFitter.fit(TaskType.BINARY, p.members(), p.targets(), 3).metalearner();
        assertTrue(s.weight(0) > 0.8, s::toString);
        assertEquals(0.0, s.weight(1), 0.0);
        assertArrayEquals(new int[] {0}, s.usedMembers());
        Synthetic.Problem multi = Synthetic.fromStack(10_000, 4, new double[] {-0.7, 0.8}, new double[4], 2);
        StackingMetalearner sm = StackingFitter.fit(TaskType.MULTICLASS, multi.members(), multi.targets(), 3).metalearner();
        assertEquals(0.0, sm.weight(0), 0.0);
    }

    @Test
    void multiclassRecoversKnownWeightsAndBiases() {
        double[] bias = {0.5, 0, -0.5, 0};
        Synthetic.Problem p = Synthetic.fromStack(20_000, 4, new double[] {1.0, 0.5}, bias, 3);
        StackingMetalearner s = StackingFitter.fit(TaskType.MULTICLASS, p.members(), p.targets(), TINY, 5, 1).metalearner();
        assertEquals(1.0, s.weight(0), 0.05);
        assertEquals(0.5, s.weight(1), 0.05);
        double[] b = s.biases();
        for (int c = 0; c < 4; c++) assertEquals(bias[c], b[c], 0.06, "bias " + c + " of " + Arrays.toString(b));
    }

    @Test
    void binaryStackBeatsBestMemberAndPlainAverage() {
        checkBeatsMembersAndAverage(TaskType.BINARY, Synthetic.informativeNoiseOverconfident(3000, 2, 4));
    }

    @Test
    void multiclassStackBeatsBestMemberAndPlainAverage() {
        checkBeatsMembersAndAverage(TaskType.MULTICLASS, Synthetic.informativeNoiseOverconfident(3000, 5, 5));
    }

    private static void checkBeatsMembersAndAverage(TaskType task, Synthetic.Problem p) {
        Targets t = p.targets();
        StackingFit fit = StackingFitter.fit(task, p.members(), t, 7);
        StackingMetalearner s = fit.metalearner();
        double stack = Metric.LOGLOSS.compute(t, fit.predictions());
        double best = p.members().stream().mapToDouble(m -> Metric.LOGLOSS.compute(t, m)).min().orElseThrow();
        double average = Metric.LOGLOSS.compute(t, ModelBundle.combine(p.members(), new double[] {1, 1, 1}));
        assertTrue(stack <= best, stack + " vs best member " + best);
        assertTrue(stack <= average, stack + " vs average " + average);
        for (double w : s.weights()) assertTrue(w >= 0);
        assertTrue(s.weight(1) < 0.1 * s.weight(0), "noise gets little weight: " + s);
        assertTrue(s.weight(2) < 0.5, "the overconfident copy is softened: " + s);
        for (double[] row : fit.predictions().probabilities()) assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);

        // combine() on the same inputs gives the fitted predictions (those come from the solver's float copy)
        Predictions again = s.combine(p.members());
        for (int i = 0; i < t.size(); i++) {
            assertArrayEquals(fit.predictions().probabilities()[i], again.probabilities()[i], 1e-5, "row " + i);
            assertEquals(1.0, Arrays.stream(again.probabilities()[i]).sum(), 1e-12);
        }
        assertEquals(stack, Metric.LOGLOSS.compute(t, again), 1e-6);
    }

    /**
     * At the minimiser of mean log loss + λΣw² + μΣb² subject to w ≥ 0, the gradient (computed here in double
     * from combine's probabilities) vanishes for positive weights and the biases, and is non-negative for zero
     * weights.
     */
    @Test
    void satisfiesTheOptimalityConditions() {
        Synthetic.Problem p = Synthetic.manyMembers(4000, 6, 5, 8);
        double lambda = 1e-2;
        StackingMetalearner s = StackingFitter.fit(TaskType.MULTICLASS, p.members(), p.targets(), new double[] {lambda}, 5, 1)
                .metalearner();
        double[][] prob = s.combine(p.members()).probabilities();
        int n = p.targets().size();
        int k = 5;
        int[] y = p.targets().classIndex();
        double[] w = s.weights();
        double[] b = s.biases();
        for (int j = 0; j < w.length; j++) {
            double g = 2 * lambda * w[j];
            double[][] pj = p.members().get(j).probabilities();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) g += (prob[i][c] - (y[i] == c ? 1 : 0)) * Math.log(pj[i][c]) / n;
            }
            if (w[j] > 0) assertEquals(0, g, 1e-5, "weight " + j);
            else assertTrue(g > -1e-5, "weight " + j + " at 0 with gradient " + g);
        }
        for (int c = 0; c < k; c++) {
            double g = 2 * SoftmaxStackSolver.BIAS_PENALTY * b[c];
            for (int i = 0; i < n; i++) g += (prob[i][c] - (y[i] == c ? 1 : 0)) / n;
            assertEquals(0, g, 1e-5, "bias " + c);
        }
    }

    @Test
    void rowsOfUnseenClassesAreLeftOutButPredicted() {
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(2000, 3, 9);
        int[] y = p.targets().classIndex().clone();
        for (int i = 0; i < y.length; i += 50) y[i] = -1;
        Targets t = Targets.classes(y, p.targets().classNames());
        StackingFit fit = StackingFitter.fit(TaskType.MULTICLASS, p.members(), t, 9);
        assertEquals(2000, fit.predictions().size());
        assertTrue(fit.metalearner().weight(0) > 0);
    }

    @Test
    void aClassAbsentFromTheRowsKeepsFiniteBiases() {
        // class 2 of 3 never occurs: its bias goes down but stays finite
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(1500, 3, 10);
        int[] y = p.targets().classIndex().clone();
        for (int i = 0; i < y.length; i++) if (y[i] == 2) y[i] = i % 2;
        StackingFit fit = StackingFitter.fit(TaskType.MULTICLASS, p.members(), Targets.classes(y, p.targets().classNames()), 9);
        double[] b = fit.metalearner().biases();
        assertTrue(b[2] < b[0] - 1 && b[2] < b[1] - 1 && Double.isFinite(b[2]), Arrays.toString(b));
    }

    /** Trees give hard 0/1 probabilities (log = -34.5 after clipping), and runs often hold near copies. */
    @Test
    void hardProbabilitiesAndDuplicateMembersConverge() {
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(3000, 4, 15);
        int[] hard = p.members().get(0).argmax();
        double[][] oneHot = new double[hard.length][4];
        for (int i = 0; i < hard.length; i++) oneHot[i][hard[i]] = 1;
        Predictions tree = Predictions.ofProbabilities(oneHot);
        List<Predictions> members = List.of(tree, p.members().get(0), tree, p.members().get(2));
        StackingFit fit = StackingFitter.fit(TaskType.MULTICLASS, members, p.targets(), 15);
        double stack = Metric.LOGLOSS.compute(p.targets(), fit.predictions());
        for (Predictions m : members) assertTrue(stack <= Metric.LOGLOSS.compute(p.targets(), m));
        StackingMetalearner s = fit.metalearner();
        assertEquals(s.weight(0), s.weight(2), 1e-6, "identical members share alike: " + s);
        assertTrue(s.weight(0) < 0.2, "a hard member's log probabilities are huge: its weight is small: " + s);
    }

    @Test
    void tinyDataStillFits() {
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(3, 2, 11);
        StackingFit fit = StackingFitter.fit(TaskType.BINARY, p.members(), p.targets(), 11);
        assertEquals(3, fit.predictions().size());
    }

    @Test
    void deterministic() {
        Synthetic.Problem p = Synthetic.manyMembers(3000, 5, 4, 12);
        StackingFit a = StackingFitter.fit(TaskType.MULTICLASS, p.members(), p.targets(), 42);
        StackingFit b = StackingFitter.fit(TaskType.MULTICLASS, p.members(), p.targets(), 42);
        assertEquals(a.metalearner(), b.metalearner());
        assertArrayEquals(a.tuningLosses(), b.tuningLosses(), 0.0);
        for (int i = 0; i < 3000; i++) assertArrayEquals(a.predictions().probabilities()[i], b.predictions().probabilities()[i], 0.0);
    }

    @Test
    void tuningLossesAreReportedPerLambda() {
        Synthetic.Problem p = Synthetic.manyMembers(2000, 4, 3, 13);
        StackingFit fit = StackingFitter.fit(TaskType.MULTICLASS, p.members(), p.targets(), 13);
        assertArrayEquals(StackingFitter.DEFAULT_LAMBDAS, fit.lambdas(), 0.0);
        double chosen = fit.metalearner().lambda();
        double[] losses = fit.tuningLosses();
        int at = Arrays.binarySearch(fit.lambdas(), chosen);
        for (double l : losses) assertTrue(losses[at] <= l);
        assertTrue(Double.isNaN(StackingFitter.fit(TaskType.MULTICLASS, p.members(), p.targets(), TINY, 5, 1).tuningLosses()[0]));
    }

    @Test
    void mismatchedMembersAreRejected() {
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(100, 3, 14);
        assertThrows(IllegalArgumentException.class,
                () -> StackingFitter.fit(TaskType.BINARY, p.members(), p.targets(), 1), "3 classes are not binary");
        List<Predictions> wrong = List.of(p.members().get(0), Predictions.ofProbabilities(new double[100][2]));
        assertThrows(IllegalArgumentException.class, () -> StackingFitter.fit(TaskType.MULTICLASS, wrong, p.targets(), 1));
        double[][] nan = new double[100][3];
        nan[5][1] = Double.NaN;
        assertThrows(IllegalArgumentException.class,
                () -> StackingFitter.fit(TaskType.MULTICLASS, List.of(Predictions.ofProbabilities(nan)), p.targets(), 1));
    }
}
