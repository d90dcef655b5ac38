package org.automlwb.engine;

import java.util.Map;

/**
 * What one algorithm learnt from preprocessed features: a Tribuo model, a LightGBM booster, and in time models of
 * other engines. It predicts a {@link FeatureMatrix} and names its {@link ModelFormat}, through which the model
 * bundle finds the codec that writes and reads it. Thread-safe for prediction.
 */
public interface TrainedModel {
    /** The artifact format this model is saved in. */
    ModelFormat format();

    /**
     * Predicts every row of {@code x}, whose features are those the model was trained on (same names and
     * encoding): class probabilities in the order of the task's class names, or values.
     */
    Predictions predict(FeatureMatrix x);

    /**
     * Settings the fit chose by itself that a refit on all rows should reuse, by hyperparameter name: e.g. the
     * boosting rounds that early stopping kept. Empty when the configuration says it all.
     */
    default Map<String, Object> learned() { return Map.of(); }

    /**
     * A short description of where the model came from, for the model's metadata (model and trainer class,
     * library version, training rows, features...).
     */
    Map<String, Object> provenance();
}
