package org.automlwb.prep;

import tech.tablesaw.api.Table;

/**
 * A fitted recipe together with the training rows it transformed while fitting (after any row filters), so the
 * engine need not apply it to the same rows again.
 *
 * @param recipe   the fitted recipe
 * @param features the transformed training rows (after the recipe's row filters), as
 *                 {@link FittedRecipe#applyForTraining} would give them except in target-encoded columns, which
 *                 hold out-of-fold values (see {@link TargetEncodeStep}): the features a model should learn from
 * @param keptRows which input rows they are: row {@code i} of {@code features} is input row {@code keptRows[i]},
 *                 ascending
 */
public record FitResult(FittedRecipe recipe, Table features, int[] keptRows) {
    /** The transformed training rows with the input rows they came from. */
    public TrainingRows training() { return new TrainingRows(features, keptRows); }
}
