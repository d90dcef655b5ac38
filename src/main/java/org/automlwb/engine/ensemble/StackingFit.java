package org.automlwb.engine.ensemble;

import java.util.Arrays;
import java.util.Objects;
import org.automlwb.engine.Predictions;

/**
 * What fitting a stack gives: the metalearner, how the penalty was chosen, and the stack's predictions of the
 * rows it was fitted on.
 *
 * @param metalearner  the fitted stack, refitted on every row with the chosen λ
 * @param lambdas      the penalties tried, ascending
 * @param tuningLosses for each λ, the held-out loss of the inner cross-validation (mean log loss, or mean
 *                     squared error); NaN when only one λ was given and nothing was tuned
 * @param predictions  the stack's predictions of the rows it was fitted on. These are in-sample for the stack
 *                     (fitted on these very rows), so they flatter it: compare combiners with {@link CrossFit}.
 */
public record StackingFit(StackingMetalearner metalearner, double[] lambdas, double[] tuningLosses,
        Predictions predictions) {
    /**
     * Copies the arrays.
     *
     * @param metalearner  the fitted stack
     * @param lambdas      the penalties tried, ascending
     * @param tuningLosses the held-out loss of each λ
     * @param predictions  the stack's predictions of the fitted rows
     */
    public StackingFit {
        Objects.requireNonNull(metalearner, "metalearner");
        lambdas = lambdas.clone();
        tuningLosses = tuningLosses.clone();
        Objects.requireNonNull(predictions, "predictions");
    }

    /** @return the penalties tried, ascending (a copy) */
    @Override
    public double[] lambdas() { return lambdas.clone(); }

    /** @return the held-out loss of each λ (a copy) */
    @Override
    public double[] tuningLosses() { return tuningLosses.clone(); }

    @Override
    public String toString() {
        return "StackingFit[" + metalearner + ", lambdas=" + Arrays.toString(lambdas) + ", tuningLosses="
                + Arrays.toString(tuningLosses) + "]";
    }
}
