package org.automlwb.engine.algo.lightgbm;

import java.util.List;

/**
 * What one fit produced, without any native handle: the model text of the best iteration (so the stored model
 * is the early-stopped model), and, when validation rows were given, the validation loss of every round and the
 * predictions of that stored model on the validation rows.
 *
 * <p>The arrays are the fit's own, not copies; don't change them.
 *
 * @param modelString             LightGBM's model text with exactly {@code bestIteration} rounds;
 *                                {@link LightGbmModel#fromModelString} predicts with it
 * @param objective               what was trained
 * @param classes                 1 for regression, 2 for binary, k for multiclass
 * @param featureNames            the feature names as the caller gave them (the model text holds them made safe
 *                                for LightGBM: see {@link LightGbmTrainer#lightGbmNames})
 * @param bestIteration           rounds in the stored model: the round with the lowest validation loss, or every
 *                                round trained when there were no validation rows
 * @param roundsTrained           rounds trained before stopping (at least {@code bestIteration})
 * @param stopReason              why training stopped
 * @param validationLosses        the validation loss after each round trained (mean squared error for regression,
 *                                log loss for classification); empty without validation rows
 * @param validationProbabilities n x k class probabilities of the stored model on the validation rows (binary:
 *                                [1-p, p]); null for regression or without validation rows
 * @param validationValues        predictions of the stored regression model on the validation rows; null for
 *                                classification or without validation rows
 */
public record LightGbmFit(
        String modelString,
        LightGbmObjective objective,
        int classes,
        List<String> featureNames,
        int bestIteration,
        int roundsTrained,
        StopReason stopReason,
        double[] validationLosses,
        double[][] validationProbabilities,
        double[] validationValues) {

    /** Why a fit stopped adding rounds. */
    public enum StopReason {
        /** Trained every requested round. */
        ROUNDS,
        /** The validation loss did not improve for the patience; the model keeps the best round. */
        EARLY_STOPPED,
        /** No tree could split any more; LightGBM dropped that round. */
        NO_MORE_SPLITS,
        /** The fit's time ran out; the model keeps the best round trained so far. */
        TIME_UP
    }

    public LightGbmFit {
        featureNames = List.copyOf(featureNames);
    }

    /** The validation loss of the stored model, or NaN without validation rows. */
    public double bestValidationLoss() {
        return validationLosses.length == 0 ? Double.NaN : validationLosses[bestIteration - 1];
    }

    /** A summary: the model text and the predictions are left out (they can be megabytes). */
    @Override
    public String toString() {
        return "LightGbmFit[" + objective + (objective == LightGbmObjective.MULTICLASS ? " " + classes : "")
                + ", best iteration " + bestIteration + " of " + roundsTrained + " (" + stopReason + ")"
                + (validationLosses.length == 0 ? "" : ", validation loss " + bestValidationLoss())
                + ", model " + modelString.length() + " chars]";
    }

    /** Loads the stored model for prediction; close it when done. */
    public LightGbmModel toModel() {
        return LightGbmModel.fromModelString(modelString);
    }
}
