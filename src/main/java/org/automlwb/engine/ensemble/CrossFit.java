package org.automlwb.engine.ensemble;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * Cross-fitted predictions of a combiner: the rows are split into k folds, and each fold is predicted by a
 * combiner fitted on the other folds only. Scoring these predictions compares combiners fairly: a combiner that
 * learns more (a stack learns weights and biases, Caruana picks weights, the best single model picks one) is
 * never scored on the rows it learnt them from, which would flatter it.
 *
 * <p>The folds are deterministic from the seed and stratified for classification ({@link Folds}). The same
 * inputs, fitter and seed give the same predictions, provided the fitter is itself deterministic.
 */
public final class CrossFit {
    private CrossFit() { }

    /**
     * @param members each member's (out-of-fold) predictions of the rows of {@code targets}, all of one kind
     * @param targets the true values of those rows
     * @param fitter  fits a combiner on the rows of k-1 folds; called k times, with the members' predictions
     *                and the targets of those rows only
     * @param folds   k, at least 2 and at most the number of rows
     * @param seed    the seed of the folds
     * @return for every row, in the input order, the prediction of the combiner fitted without its fold
     * @throws IllegalArgumentException when the members do not match the targets or k does not fit the rows
     * @throws IllegalStateException    when a fitted combiner returns the wrong number or kind of predictions
     */
    public static Predictions predictions(List<Predictions> members, Targets targets, CombinerFitter fitter,
            int folds, long seed) {
        if (members == null || members.isEmpty()) throw new IllegalArgumentException("no members");
        int n = targets.size();
        for (int m = 0; m < members.size(); m++) {
            Predictions p = members.get(m);
            if (p == null || p.size() != n || p.isClassification() != targets.isClassification()) {
                throw new IllegalArgumentException("member " + m + "'s predictions do not match the targets");
            }
        }
        int[] foldOf = Folds.assign(targets, folds, seed);
        boolean classification = targets.isClassification();
        double[][] probabilities = classification ? new double[n][] : null;
        double[] values = classification ? null : new double[n];
        for (int f = 0; f < folds; f++) {
            int[] train = Folds.rowsNotIn(foldOf, f);
            int[] held = Folds.rowsIn(foldOf, f);
            Combiner combiner = fitter.fit(select(members, train), targets.select(train));
            Predictions out = combiner.combine(select(members, held));
            if (out == null || out.size() != held.length || out.isClassification() != classification) {
                throw new IllegalStateException("fold " + f + ": the combiner predicted "
                        + (out == null ? "nothing" : out.size() + " rows") + " for " + held.length);
            }
            for (int i = 0; i < held.length; i++) {
                if (classification) probabilities[held[i]] = out.probabilities()[i].clone();
                else values[held[i]] = out.values()[i];
            }
        }
        return classification ? Predictions.ofProbabilities(probabilities) : Predictions.ofValues(values);
    }

    private static List<Predictions> select(List<Predictions> members, int[] rows) {
        List<Predictions> out = new ArrayList<>(members.size());
        for (Predictions p : members) out.add(p.select(rows));
        return out;
    }
}
