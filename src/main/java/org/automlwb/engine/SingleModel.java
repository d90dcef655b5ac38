package org.automlwb.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.automlwb.engine.space.Config;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;
import tech.tablesaw.api.Table;

/**
 * One fitted pipeline and one Tribuo model.
 *
 * <p>Saved as Tribuo's protobuf format ({@value #MODEL_FILE}) and the pipeline's JSON ({@value #PIPELINE_FILE});
 * never with Java serialization, which is unsafe on files from elsewhere.
 */
public final class SingleModel implements FinalModel {
    /** The Tribuo model file inside a model folder. */
    public static final String MODEL_FILE = "model_artifact.tribuo";
    /** The fitted preprocessing inside a model folder. */
    public static final String PIPELINE_FILE = "preprocessing_pipeline.json";

    private final FittedFeatures features;
    private final Model<?> model;
    private final String algorithmId;
    private final Config config;
    private final TaskType task;
    private final List<String> classNames;
    private final OutputAdapter<?> outputs;

    /**
     * @param features    the pipeline, fitted on the rows the model was trained on
     * @param model       the Tribuo model: {@code Label} output for classification, {@code Regressor} for regression
     * @param algorithmId the algorithm's id
     * @param config      the hyperparameters it was trained with
     * @param task        the task
     * @param classNames  class names in index order (empty for regression)
     * @throws IllegalArgumentException when the model's output type does not fit the task
     */
    public SingleModel(FittedFeatures features, Model<?> model, String algorithmId, Config config, TaskType task,
                       List<String> classNames) {
        Class<? extends Output<?>> expected = task.isClassification() ? Label.class : Regressor.class;
        if (!model.validate(expected)) {
            throw new IllegalArgumentException("the model does not predict " + expected.getSimpleName()
                    + " outputs, as a " + task.key() + " model must");
        }
        this.features = features;
        this.model = model;
        this.algorithmId = algorithmId;
        this.config = config;
        this.task = task;
        this.classNames = task.isClassification() ? List.copyOf(classNames) : List.of();
        this.outputs = OutputAdapter.of(task, this.classNames, "target");
    }

    public FittedFeatures features() { return features; }

    public Model<?> model() { return model; }

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
        FeatureMatrix x = FeatureMatrix.of(features.apply(raw), features.featureNames());
        return predict(x, outputs);
    }

    @SuppressWarnings("unchecked")
    private <T extends Output<T>> Predictions predict(FeatureMatrix x, OutputAdapter<?> adapter) {
        OutputAdapter<T> out = (OutputAdapter<T>) adapter;
        Model<T> m = (Model<T>) model;
        if (x.rows() == 0) {
            return task.isClassification() ? Predictions.ofProbabilities(new double[0][])
                    : Predictions.ofValues(new double[0]);
        }
        List<Example<T>> examples = x.examples(i -> out.unknown());
        return out.predictions(m.predict(examples), m.generatesProbabilities());
    }

    /** Writes the model ({@value #MODEL_FILE}, protobuf) and the pipeline ({@value #PIPELINE_FILE}) into a folder. */
    public void writeArtifacts(Path dir) throws IOException {
        Files.createDirectories(dir);
        String json = features.toJson();
        model.serializeToFile(dir.resolve(MODEL_FILE));
        Files.writeString(dir.resolve(PIPELINE_FILE), json, StandardCharsets.UTF_8);
    }

    /**
     * Reads back what {@link #writeArtifacts} wrote. Algorithm, configuration, task and classes are not in those
     * files: they come from the model's metadata, which the export package keeps.
     *
     * @param pipelineReader turns {@value #PIPELINE_FILE}'s JSON into a fitted pipeline
     * @throws IOException when a file is missing or unreadable, or the model does not fit the task
     */
    public static SingleModel readArtifacts(Path dir, Function<String, FittedFeatures> pipelineReader,
                                            String algorithmId, Config config, TaskType task,
                                            List<String> classNames) throws IOException {
        Model<?> model = readModel(dir.resolve(MODEL_FILE));
        FittedFeatures features = pipelineReader.apply(
                Files.readString(dir.resolve(PIPELINE_FILE), StandardCharsets.UTF_8));
        try {
            return new SingleModel(features, model, algorithmId, config, task, classNames);
        } catch (IllegalArgumentException e) {
            throw new IOException(dir.resolve(MODEL_FILE) + ": " + e.getMessage(), e);
        }
    }

    /** Reads a Tribuo protobuf model file ({@link Model#deserializeFromFile}; no Java deserialization). */
    public static Model<?> readModel(Path file) throws IOException {
        try {
            return Model.deserializeFromFile(file);
        } catch (IOException e) {
            throw e;
        } catch (RuntimeException e) { // a file that is not a Tribuo model fails inside protobuf parsing
            throw new IOException(file + " is not a Tribuo model file: " + e.getMessage(), e);
        }
    }
}
