package org.automlwb.engine.algo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.OutputAdapter;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

/**
 * A Tribuo model as a {@link TrainedModel}: saved in Tribuo's protobuf format, never with Java serialization.
 */
public final class TribuoModel implements TrainedModel {
    /** The name of the regression output dimension. */
    static final String REGRESSION_DIMENSION = "target";

    private final Model<?> model;
    private final TaskType task;
    private final OutputAdapter<?> outputs;

    /**
     * @param model      a model with {@code Label} outputs for classification, {@code Regressor} for regression
     * @param classNames class names in index order (ignored for regression)
     * @throws IllegalArgumentException when the model's output type does not fit the task
     */
    public TribuoModel(Model<?> model, TaskType task, List<String> classNames) {
        Class<? extends Output<?>> expected = task.isClassification() ? Label.class : Regressor.class;
        if (!model.validate(expected)) {
            throw new IllegalArgumentException("the model does not predict " + expected.getSimpleName()
                    + " outputs, as a " + task.key() + " model must");
        }
        this.model = model;
        this.task = task;
        this.outputs = OutputAdapter.of(task, classNames, REGRESSION_DIMENSION);
    }

    /** The Tribuo model (for its codec and for ONNX export). */
    public Model<?> model() { return model; }

    @Override
    public org.automlwb.engine.ModelFormat format() { return ModelFormat.TRIBUO; }

    @Override
    public Predictions predict(FeatureMatrix x) {
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

    @Override
    public Map<String, Object> provenance() {
        ModelProvenance p = model.getProvenance();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_class", p.getClassName());
        m.put("trainer_class", p.getTrainerProvenance().getClassName());
        m.put("trained", p.getTrainingTime().toString());
        m.put("tribuo_version", p.getTribuoVersion());
        m.put("examples", p.getDatasetProvenance().getNumExamples());
        m.put("features", p.getDatasetProvenance().getNumFeatures());
        m.put("outputs", p.getDatasetProvenance().getNumOutputs());
        return m;
    }
}
