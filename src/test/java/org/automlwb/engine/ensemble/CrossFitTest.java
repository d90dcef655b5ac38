package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

class CrossFitTest {
    /**
     * A fitter that records the rows it was fitted on (member 0 predicts each row's own index) and whose
     * combiner predicts its own call number, so every row tells which fit predicted it.
     */
    private static final class Recorder implements CombinerFitter {
        final List<Set<Integer>> seen = new ArrayList<>();

        @Override
        public Combiner fit(List<Predictions> members, Targets targets) {
            Set<Integer> rows = new HashSet<>();
            for (double v : members.get(0).values()) rows.add((int) v);
            seen.add(rows);
            int call = seen.size() - 1;
            return held -> {
                double[] out = new double[held.get(0).size()];
                Arrays.fill(out, call);
                return Predictions.ofValues(out);
            };
        }
    }

    private static Predictions rowIds(int n) {
        double[] ids = new double[n];
        for (int i = 0; i < n; i++) ids[i] = i;
        return Predictions.ofValues(ids);
    }

    @Test
    void everyRowIsPredictedByACombinerThatNeverSawIt() {
        int n = 103;
        Recorder recorder = new Recorder();
        Predictions out = CrossFit.predictions(List.of(rowIds(n)), Targets.regression(new double[n]), recorder, 5, 42);
        assertEquals(5, recorder.seen.size());
        int[] predictedBy = new int[n];
        for (int i = 0; i < n; i++) {
            int fit = (int) out.values()[i];
            predictedBy[i] = fit;
            assertFalse(recorder.seen.get(fit).contains(i), "row " + i + " was in the rows of fit " + fit);
        }
        for (int f = 0; f < 5; f++) {
            // a fit saw exactly the rows it did not predict
            Set<Integer> notPredicted = new HashSet<>();
            for (int i = 0; i < n; i++) if (predictedBy[i] != f) notPredicted.add(i);
            assertEquals(notPredicted, recorder.seen.get(f));
        }
    }

    @Test
    void sameSeedSamePredictions() {
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(600, 3, 1);
        CombinerFitter stack = CombinerFitter.stacking(TaskType.MULTICLASS, 5);
        Predictions a = CrossFit.predictions(p.members(), p.targets(), stack, 5, 9);
        Predictions b = CrossFit.predictions(p.members(), p.targets(), stack, 5, 9);
        for (int i = 0; i < 600; i++) assertArrayEquals(a.probabilities()[i], b.probabilities()[i], 0.0);
    }

    @Test
    void theThreeCandidatesAreScoredOnRowsTheyWereNotFittedOn() {
        Synthetic.Problem p = Synthetic.informativeNoiseOverconfident(3000, 4, 2);
        Targets t = p.targets();
        Metric metric = Metric.LOGLOSS;
        Predictions single = CrossFit.predictions(p.members(), t, CombinerFitter.bestSingle(metric), 5, 3);
        Predictions caruana = CrossFit.predictions(p.members(), t, CombinerFitter.caruana(metric), 5, 3);
        Predictions stack = CrossFit.predictions(p.members(), t, CombinerFitter.stacking(TaskType.MULTICLASS, 3), 5, 3);
        for (Predictions x : List.of(single, caruana, stack)) {
            assertEquals(3000, x.size());
            for (double[] row : x.probabilities()) assertEquals(1.0, Arrays.stream(row).sum(), 1e-9);
        }
        // member 0 is clearly the best single model, on every fold
        for (int i = 0; i < 3000; i++) assertArrayEquals(p.members().get(0).probabilities()[i], single.probabilities()[i], 0.0);
        double s = metric.compute(t, single);
        double c = metric.compute(t, caruana);
        double k = metric.compute(t, stack);
        assertTrue(k < s && c <= s + 1e-3, "single " + s + ", caruana " + c + ", stack " + k);
        // scoring in-sample flatters the stack: its cross-fitted loss is higher than the loss on its own rows
        double inSample = metric.compute(t, StackingFitter.fit(TaskType.MULTICLASS, p.members(), t, 3).predictions());
        assertTrue(k > inSample, k + " vs in-sample " + inSample);
    }

    @Test
    void regressionCandidatesWork() {
        double[] y = new double[500];
        double[] a = new double[500];
        double[] b = new double[500];
        for (int i = 0; i < 500; i++) {
            y[i] = Math.sin(i);
            a[i] = y[i] + 0.3 * Math.cos(7 * i);
            b[i] = y[i] - 0.3 * Math.cos(7 * i) + 0.05;
        }
        List<Predictions> members = List.of(Predictions.ofValues(a), Predictions.ofValues(b));
        Targets t = Targets.regression(y);
        double single = Metric.RMSE.compute(t, CrossFit.predictions(members, t, CombinerFitter.bestSingle(Metric.RMSE), 5, 1));
        double caruana = Metric.RMSE.compute(t, CrossFit.predictions(members, t, CombinerFitter.caruana(Metric.RMSE), 5, 1));
        double stack = Metric.RMSE.compute(t, CrossFit.predictions(members, t, CombinerFitter.stacking(TaskType.REGRESSION, 1), 5, 1));
        assertTrue(caruana < 0.2 * single && stack < 0.2 * single, single + " " + caruana + " " + stack);
    }

    @Test
    void badInputsAndBadCombinersAreReported() {
        Targets t = Targets.regression(new double[10]);
        Predictions ok = Predictions.ofValues(new double[10]);
        CombinerFitter identity = (members, rows) -> held -> held.get(0);
        assertThrows(IllegalArgumentException.class, () -> CrossFit.predictions(List.of(), t, identity, 5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> CrossFit.predictions(List.of(Predictions.ofValues(new double[9])), t, identity, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> CrossFit.predictions(List.of(ok), t, identity, 11, 1));
        CombinerFitter tooShort = (members, rows) -> held -> Predictions.ofValues(new double[1]);
        assertThrows(IllegalStateException.class, () -> CrossFit.predictions(List.of(ok), t, tooShort, 2, 1));
    }
}
