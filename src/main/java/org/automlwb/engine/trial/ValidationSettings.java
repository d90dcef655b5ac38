package org.automlwb.engine.trial;

/**
 * How a run validates its trials.
 *
 * @param folds             folds of cross-validation on small data (at least 2)
 * @param holdoutAboveRows  above this many rows, a single stratified holdout replaces cross-validation
 * @param holdoutFraction   share of rows held out for validation in holdout mode (0 &lt; f &lt; 1)
 * @param subsampleFraction share of fold 0's training rows used by successive-halving rung 0 (0 &lt; f &lt; 1)
 * @param subsampleMinRows  rung 0 runs only when fold 0 has at least this many training rows; below, the
 *                          full fold is cheap enough and a subsample too noisy
 */
public record ValidationSettings(int folds, int holdoutAboveRows, double holdoutFraction, double subsampleFraction,
                                 int subsampleMinRows) {
    public ValidationSettings {
        if (folds < 2) throw new IllegalArgumentException("folds must be at least 2, not " + folds);
        if (!(holdoutFraction > 0 && holdoutFraction < 1)) {
            throw new IllegalArgumentException("holdoutFraction must be in (0, 1), not " + holdoutFraction);
        }
        if (!(subsampleFraction > 0 && subsampleFraction < 1)) {
            throw new IllegalArgumentException("subsampleFraction must be in (0, 1), not " + subsampleFraction);
        }
    }

    /** 5 folds; holdout of 20% above 50,000 rows; rung 0 on 25% of fold 0 when it has 2,000 rows or more. */
    public static ValidationSettings defaults() {
        return new ValidationSettings(5, 50_000, 0.2, 0.25, 2_000);
    }

    public ValidationSettings withFolds(int k) {
        return new ValidationSettings(k, holdoutAboveRows, holdoutFraction, subsampleFraction, subsampleMinRows);
    }

    public ValidationSettings withHoldoutAboveRows(int rows) {
        return new ValidationSettings(folds, rows, holdoutFraction, subsampleFraction, subsampleMinRows);
    }

    public ValidationSettings withSubsampleMinRows(int rows) {
        return new ValidationSettings(folds, holdoutAboveRows, holdoutFraction, subsampleFraction, rows);
    }
}
