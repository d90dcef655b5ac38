/**
 * The preprocessing recipe: an ordered list of {@link org.automlwb.prep.Step steps} (drop, cast, impute, encode,
 * target encode, scale, clip, bin, date parts, derived column, filter rows), fitted on training rows only into a
 * {@link org.automlwb.prep.FittedRecipe} that replays exactly on any rows and saves as JSON with its fitted values.
 *
 * <h2>Fitting and applying</h2>
 * {@link org.automlwb.prep.Recipe#fit} learns every value (medians, levels, scaling constants, bin edges,
 * quantile bounds, target means) from the rows it is given and nothing else; the engine fits once per fold on that
 * fold's training rows. {@link org.automlwb.prep.FittedRecipe#apply} gives one DoubleColumn per feature, in
 * {@link org.automlwb.prep.FittedRecipe#featureNames()} order, with no missing, NaN or infinite value, plus the
 * target column unchanged when present. The target is never transformed or used as a feature; only a
 * {@link org.automlwb.prep.TargetEncodeStep} reads it, while fitting (the caller's
 * {@link org.automlwb.prep.TrainingTarget}, or the target column).
 *
 * <p><b>Target encoding is out-of-fold on the training rows</b>: {@link org.automlwb.prep.Recipe#fitTransform}
 * returns, for each training row, a value learnt from the other folds' rows only, while the fitted recipe keeps the
 * mapping learnt from all of them for new rows. Models must therefore learn from {@code fitTransform}'s features,
 * not from {@code applyForTraining} on the same rows.
 *
 * <p>{@link org.automlwb.prep.Recipe#withCategoryCodes()} switches every encode step to one integer column of
 * category codes per category column, for learners that split categories themselves;
 * {@link org.automlwb.prep.FittedRecipe#categoricalFeatures()} names those columns.
 *
 * <p><b>Row filters act only while fitting</b> (and in {@code applyForTraining}): at prediction time every input
 * row gets a row of features, so a model can predict it.
 *
 * <p>Errors in the user's data or recipe are {@link org.automlwb.prep.RecipeInputException} (unchecked; wraps a
 * {@link org.automlwb.common.BadInputException}), so fold loops need no checked exceptions;
 * {@code Recipe.check} and {@code FittedRecipe.check} throw the checked exception for user-facing callers.
 *
 * <h2>The automatic recipe</h2>
 * {@link org.automlwb.prep.Recipe#automatic} looks at the columns once (never at the target's values, only at
 * whether one is named) and chooses:
 * <ol>
 *   <li>drop columns with no values; with one value and no missing cells; ID-like columns (text with at least
 *       10 values, 90 % or more of them distinct; whole numbers, no missing, all distinct, and consecutive or
 *       strictly rising or falling in file order); free text (text with more than 50 distinct values and more
 *       distinct values than half its rows);</li>
 *   <li>numeric, boolean and date columns: missing → training median, plus a 0/1 column {@code <col>_missing} for
 *       each column that had missing values in the training rows (a value missing only at prediction time is
 *       still filled with the median);</li>
 *   <li>dates and date-times → {@code <col>_year}, {@code <col>_month}, {@code <col>_day_of_week};</li>
 *   <li>text with at most 50 distinct values, and any text (that is not dropped above) when no target is named →
 *       one-hot {@code <col>=<level>}, missing as the level {@code (missing)}; a level is kept when at least
 *       max(5, 0.1 % of the training rows) have it, at most the 50 most frequent; other, rare and unseen values go
 *       to {@code <col>=(other)}; booleans → 0/1 under their own name;</li>
 *   <li>text with more than 50 distinct values but at most half its rows distinct (many levels, each in several
 *       rows), when a target is named → target encoding ({@code <col>_te}, or {@code <col>_te=<class>} per class
 *       for more than two classes), smoothing 10, 5 folds, missing as a level. Columns with more levels than that
 *       are dropped above as free text or IDs, so no rule makes a column per level: one-hot is capped at 51
 *       columns, target encoding makes one column (one per class).</li>
 * </ol>
 * {@link org.automlwb.prep.Recipe#withScaling()} appends standardisation of the numeric features that are not
 * one-hot, indicator, boolean or category-code columns (a feature constant in training becomes 0, never NaN).
 */
package org.automlwb.prep;
