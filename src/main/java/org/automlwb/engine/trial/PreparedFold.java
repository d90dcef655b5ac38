package org.automlwb.engine.trial;

import java.util.List;
import org.automlwb.engine.LabelledMatrix;

/**
 * One fold, preprocessed in one encoding. Shared read-only between concurrent trials.
 *
 * @param train          the training rows (pipeline fitted on these rows only) with their targets
 * @param validation     the validation rows, in the order of {@code validationRows}, with their targets
 * @param trainRows      the training table's row indices of {@code train}, in order
 * @param validationRows the training table's row indices of {@code validation}, in order
 */
public record PreparedFold(LabelledMatrix train, LabelledMatrix validation, int[] trainRows, int[] validationRows) {
    /** The pipeline's feature names, in matrix column order. */
    public List<String> featureNames() { return train.x().names(); }
}
