package org.automlwb.prep;

/**
 * An output feature that holds category codes (an {@link EncodeStep} in codes mode made it), for learners that
 * split categories themselves: LightGBM's {@code categorical_feature}.
 *
 * @param name  the feature's name, as in {@link FittedRecipe#featureNames()}
 * @param codes how many codes there are: values are whole numbers 0..codes-1, the last one for other (rare and
 *              unseen levels), or -1 for a missing value that is not a level
 */
public record CategoricalFeature(String name, int codes) { }
