package org.automlwb.prep;

import tech.tablesaw.api.Table;

/**
 * A fitted recipe together with the training rows it transformed while fitting (after any row filters), so the
 * engine need not apply it to the same rows again.
 *
 * @param recipe   the fitted recipe
 * @param features the transformed training rows, as {@link FittedRecipe#applyForTraining} would give them except
 *                 in target-encoded columns, which hold out-of-fold values (see {@link TargetEncodeStep}): the
 *                 features a model should learn from
 */
public record FitResult(FittedRecipe recipe, Table features) { }
