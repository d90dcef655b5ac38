/**
 * The preprocessing recipe: an ordered list of {@link org.automlwb.prep.Step steps} (drop, cast, impute, encode,
 * scale, clip, bin, date parts, derived column, filter rows), fitted on training rows only into a
 * {@link org.automlwb.prep.FittedRecipe} that replays exactly on any rows and saves as JSON with its fitted values.
 *
 * <h2>Fitting and applying</h2>
 * {@link org.automlwb.prep.Recipe#fit} learns every value (medians, levels, scaling constants, bin edges,
 * quantile bounds) from the rows it is given and nothing else; the engine fits once per fold on that fold's
 * training rows. {@link org.automlwb.prep.FittedRecipe#apply} gives one DoubleColumn per feature, in
 * {@link org.automlwb.prep.FittedRecipe#featureNames()} order, with no missing, NaN or infinite value, plus the
 * target column unchanged when present. The target is never transformed, read or used as a feature.
 *
 * <p><b>Row filters act only while fitting</b> (and in {@code applyForTraining}): at prediction time every input
 * row gets a row of features, so a model can predict it.
 *
 * <p>Errors in the user's data or recipe are {@link org.automlwb.prep.RecipeInputException} (unchecked; wraps a
 * {@link org.automlwb.common.BadInputException}), so fold loops need no checked exceptions;
 * {@code Recipe.check} and {@code FittedRecipe.check} throw the checked exception for user-facing callers.
 *
 * <h2>The automatic recipe</h2>
 * {@link org.automlwb.prep.Recipe#automatic} looks at the columns once (never at the target) and chooses:
 * <ol>
 *   <li>drop columns with no values; with one value and no missing cells; ID-like columns (text with at least
 *       10 values, 90 % or more of them distinct; whole numbers, no missing, all distinct, and consecutive or
 *       strictly rising or falling in file order); free text (text with more than 50 distinct values and more
 *       distinct values than half its rows);</li>
 *   <li>numeric, boolean and date columns: missing → training median, plus a 0/1 column {@code <col>_missing} for
 *       each column that had missing values in the training rows (a value missing only at prediction time is
 *       still filled with the median);</li>
 *   <li>dates and date-times → {@code <col>_year}, {@code <col>_month}, {@code <col>_day_of_week};</li>
 *   <li>text → one-hot {@code <col>=<level>}, missing as the level {@code (missing)}; a level is kept when at least
 *       max(5, 0.1 % of the training rows) have it, at most the 50 most frequent; other, rare and unseen values go
 *       to {@code <col>=(other)}; booleans → 0/1 under their own name.</li>
 * </ol>
 * {@link org.automlwb.prep.Recipe#withScaling()} appends standardisation of the numeric features that are not
 * one-hot, indicator or boolean columns (a feature constant in training becomes 0, never NaN).
 */
package org.automlwb.prep;
