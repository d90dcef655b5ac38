package org.automlwb.engine.trial;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;

/**
 * One fold, preprocessed and converted for Tribuo. Shared read-only between concurrent trials.
 *
 * @param train          the training examples (pipeline fitted on these rows only)
 * @param validation     the validation examples, in the order of {@code validationRows}
 * @param trainRows      the training table's row indices of {@code train}, in order
 * @param validationRows the training table's row indices of {@code validation}, in order
 * @param featureNames   the pipeline's feature names
 * @param <T>            the Tribuo output type
 */
public record PreparedFold<T extends Output<T>>(MutableDataset<T> train, List<Example<T>> validation,
                                                int[] trainRows, int[] validationRows, List<String> featureNames) {
    public PreparedFold {
        validation = List.copyOf(validation);
        featureNames = List.copyOf(featureNames);
    }
}
