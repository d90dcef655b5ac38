package org.automlwb.engine.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.ensemble.CaruanaEnsemble;
import org.automlwb.engine.ensemble.EnsembleSelection;

/**
 * Fits a {@link Combiner} to members' predictions of some rows and those rows' targets. {@link CrossFit} calls
 * it once per fold, so the three candidates a run compares (the best single model, a Caruana ensemble, a stack)
 * are each scored on rows they were not fitted on.
 */
@FunctionalInterface
public interface CombinerFitter {
    /**
     * @param members each member's predictions of the rows of {@code targets}
     * @param targets the true values of those rows
     * @return a combiner for predictions of other rows by the same members, in the same order
     */
    Combiner fit(List<Predictions> members, Targets targets);

    /**
     * Picks the member with the best metric on the rows (the first on ties; a NaN score counts as worst) and
     * passes its predictions through.
     *
     * @param metric the metric that ranks the members
     * @return the fitter
     */
    static CombinerFitter bestSingle(Metric metric) {
        return (members, targets) -> {
            int best = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            for (int m = 0; m < members.size(); m++) {
                double loss = metric.toLoss(metric.compute(targets, members.get(m)));
                if (loss < bestLoss) {
                    bestLoss = loss;
                    best = m;
                }
            }
            int chosen = best;
            return predictions -> predictions.get(chosen);
        };
    }

    /**
     * Greedy ensemble selection ({@link CaruanaEnsemble#select(List, Targets)}, its default iterations) with the
     * members as candidates 0 .. M-1, applied as a weighted average ({@link WeightedAverage#combine}).
     *
     * @param metric the metric the selection minimises (as a loss)
     * @return the fitter
     */
    static CombinerFitter caruana(Metric metric) {
        return (members, targets) -> {
            List<CaruanaEnsemble.Candidate> candidates = new ArrayList<>(members.size());
            for (int m = 0; m < members.size(); m++) candidates.add(new CaruanaEnsemble.Candidate(m, members.get(m)));
            EnsembleSelection selection = new CaruanaEnsemble(metric).select(candidates, targets);
            double[] weights = new double[members.size()];
            for (int m = 0; m < weights.length; m++) weights[m] = selection.weight(m);
            return predictions -> WeightedAverage.combine(predictions, weights);
        };
    }

    /**
     * The stack of {@link StackingFitter#fit(TaskType, List, Targets, long)}.
     *
     * @param task the task
     * @param seed the seed of the stack's inner folds
     * @return the fitter
     */
    static CombinerFitter stacking(TaskType task, long seed) {
        return (members, targets) -> StackingFitter.fit(task, members, targets, seed).metalearner();
    }
}
