package org.automlwb.engine;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * A trained model ready for new rows: one algorithm ({@link SingleModel}) or a run's final model bundle
 * ({@code org.automlwb.engine.model.ModelBundle}).
 * Thread-safe for prediction.
 */
public interface FinalModel {
    /** The task it predicts. */
    TaskType task();

    /** Class names, the column order of predicted probabilities; empty for regression. */
    List<String> classNames();

    /**
     * Predicts raw rows (as loaded from a CSV: the preprocessing is part of the model). A target column, if
     * present, is ignored.
     */
    Predictions predict(Table raw);

    /** A short name for reports and logs, e.g. {@code xgboost} or {@code ensemble of 3 models}. */
    String describe();
}
