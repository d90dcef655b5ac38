package org.automlwb.engine.algo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.lightgbm.DenseRows;
import org.automlwb.engine.algo.lightgbm.LightGbmModel;

/** A LightGBM model as a {@link TrainedModel}: saved as LightGBM's own model text. */
public final class LightGbmTrainedModel implements TrainedModel {
    private final LightGbmModel model;
    private final TaskType task;
    private final int classes;
    private final Map<String, Object> learned;
    private final String stopReason;
    private final int rows;

    LightGbmTrainedModel(LightGbmModel model, TaskType task, List<String> classNames, Map<String, Object> learned,
                         String stopReason, int rows) {
        this.model = model;
        this.task = task;
        this.classes = task.isClassification() ? classNames.size() : 1;
        this.learned = Map.copyOf(learned);
        this.stopReason = stopReason;
        this.rows = rows;
    }

    /**
     * A model read back from its text.
     *
     * @throws org.automlwb.engine.algo.lightgbm.LightGbmException when the text is not a usable model, or its
     *                                                              classes do not fit the task
     */
    public static LightGbmTrainedModel fromText(String text, TaskType task, List<String> classNames) {
        LightGbmModel m = LightGbmModel.fromModelString(text);
        int expected = task.isClassification() ? classNames.size() : 1;
        if (m.objective().isClassification() != task.isClassification() || m.classes() != expected) {
            m.close();
            throw new org.automlwb.engine.algo.lightgbm.LightGbmException("the LightGBM model predicts "
                    + m.classes() + " " + (m.objective().isClassification() ? "classes" : "value")
                    + ", not what a " + task.key() + " model with " + expected + " outputs must");
        }
        return new LightGbmTrainedModel(m, task, classNames, Map.of(), null, 0);
    }

    /** LightGBM's model text, which is the artifact. */
    public String text() { return model.modelString(); }

    @Override
    public ModelFormat format() { return ModelFormat.LIGHTGBM; }

    @Override
    public Predictions predict(FeatureMatrix x) {
        if (x.rows() == 0) {
            return task.isClassification() ? Predictions.ofProbabilities(new double[0][])
                    : Predictions.ofValues(new double[0]);
        }
        DenseRows rows = DenseRows.rowMajor(x.rowMajor(), x.rows(), x.features());
        if (task.isClassification()) {
            double[][] p = model.predictProbabilities(rows);
            if (p.length > 0 && p[0].length != classes) {
                throw new IllegalStateException("the model gives " + p[0].length + " probabilities, " + classes
                        + " classes");
            }
            return Predictions.ofProbabilities(p);
        }
        return Predictions.ofValues(model.predictValues(rows));
    }

    @Override
    public Map<String, Object> learned() { return learned; }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_class", "LightGBM " + model.objective().lightGbmName());
        m.put("library", "LightGBM 4.3 (io.github.metarank:lightgbm4j)");
        m.put("rounds", model.iterations());
        m.put("features", model.featureCount());
        if (rows > 0) m.put("examples", rows);
        if (stopReason != null) m.put("stopped", stopReason);
        return m;
    }
}
