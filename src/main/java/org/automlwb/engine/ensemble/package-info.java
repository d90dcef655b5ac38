/**
 * The math a run uses after its search to combine and calibrate models: pure, headless functions of the members'
 * out-of-fold predictions and the targets, deterministic for a given seed.
 *
 * <h2>Stacking</h2>
 * {@link org.automlwb.engine.ensemble.StackingFitter#fit} fits a
 * {@link org.automlwb.engine.ensemble.StackingMetalearner}, a regularised, non-negative combination of the
 * members (as H2O's stacked ensemble): a weighted sum of values for regression, a softmax of weighted log
 * probabilities for classification. The penalty is chosen by inner cross-validation, then the stack is refitted
 * on every row. Its {@code combine} is the one function for out-of-fold and new rows; members of weight 0
 * ({@code usedMembers} leaves them out) need no refit.
 *
 * <h2>Calibration</h2>
 * {@link org.automlwb.engine.ensemble.Calibration#fit} fits Platt scaling (binary) or temperature scaling
 * (multiclass) by minimising log loss; {@link org.automlwb.engine.ensemble.CalibrationChoice#choose} keeps it only
 * when cross-fitting shows that it improves the run's metric.
 *
 * <h2>Comparing combiners fairly</h2>
 * A combiner learns from the rows it is fitted on, so scoring it there flatters it.
 * {@link org.automlwb.engine.ensemble.CrossFit#predictions} predicts each fold with a combiner fitted on the
 * other folds; {@link org.automlwb.engine.ensemble.CombinerFitter} has fitters for the three candidates a run
 * compares: the best single model, a Caruana ensemble and the stack.
 *
 * <h2>Solvers</h2>
 * Small and written here (no dependency): an exact active-set solver for convex quadratics with non-negative
 * variables ({@code NonNegativeQuadratic}), which the regression stack calls once and the classification stack
 * once per projected Newton step ({@code SoftmaxStackSolver}). Problems have at most a few dozen members and
 * tens of classes, and up to a few hundred thousand rows.
 */
package org.automlwb.engine.ensemble;
