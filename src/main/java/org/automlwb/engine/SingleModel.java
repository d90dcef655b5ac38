package org.automlwb.engine;

import java.util.List;
import org.automlwb.engine.space.Config;
import tech.tablesaw.api.Table;

/**
 * One fitted pipeline and one trained model of one algorithm: raw rows in, predictions out. How it is saved is
 * the model bundle's business (its codecs, by {@link TrainedModel#format()}).
 */
public final class SingleModel implements FinalModel {
    private final FittedFeatures features;
    private final TrainedModel model;
    private final String algorithmId;
    private final Config config;
    private final TaskType task;
    private final List<String> classNames;

    /**
     * @param features    the pipeline, fitted on the rows the model was trained on
     * @param model       the trained model
     * @param algorithmId the algorithm's id
     * @param config      the hyperparameters it was trained with
     * @param task        the task
     * @param classNames  class names in index order (empty for regression)
     */
    public SingleModel(FittedFeatures features, TrainedModel model, String algorithmId, Config config, TaskType task,
                       List<String> classNames) {
        this.features = features;
        this.model = model;
        this.algorithmId = algorithmId;
        this.config = config;
        this.task = task;
        this.classNames = task.isClassification() ? List.copyOf(classNames) : List.of();
    }

    public FittedFeatures features() { return features; }

    public TrainedModel model() { return model; }

    public String algorithmId() { return algorithmId; }

    public Config config() { return config; }

    @Override
    public TaskType task() { return task; }

    @Override
    public List<String> classNames() { return classNames; }

    @Override
    public String describe() { return algorithmId; }

    @Override
    public Predictions predict(Table raw) {
        if (raw.rowCount() == 0) {
            return task.isClassification() ? Predictions.ofProbabilities(new double[0][])
                    : Predictions.ofValues(new double[0]);
        }
        return model.predict(features(raw));
    }

    /** Raw rows through the fitted pipeline, as the model sees them. */
    public FeatureMatrix features(Table raw) {
        return FeatureMatrix.of(features.apply(raw), features.featureNames(), features.categoricalFeatures());
    }
}
