package org.automlwb.engine;

/**
 * How an algorithm wants the recipe's output: the run prepares each fold once per encoding its algorithms use.
 */
public enum FeatureEncoding {
    /** Categories one-hot, numbers as they are: trees and naive Bayes. */
    ONE_HOT,
    /** Categories one-hot, numeric features standardised: linear models, SVMs, KNN. */
    ONE_HOT_SCALED,
    /** One integer code per category column, for learners that split categories natively (LightGBM). */
    CATEGORY_CODES
}
