package org.automlwb.engine.h2o;

import hex.genmodel.MojoModel;
import hex.genmodel.MojoReaderBackend;
import hex.genmodel.MojoReaderBackendFactory;
import hex.genmodel.easy.EasyPredictModelWrapper;
import hex.genmodel.easy.RowData;
import hex.genmodel.easy.exception.PredictException;
import hex.genmodel.easy.prediction.BinomialModelPrediction;
import hex.genmodel.easy.prediction.MultinomialModelPrediction;
import hex.genmodel.easy.prediction.RegressionModelPrediction;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;

/**
 * A model H2O trained, scored from its MOJO by h2o-genmodel alone (no H2O cluster): the form in which the H2O
 * engine's chosen model is exported, read back, predicted with and deployed. It predicts the same preprocessed
 * features the engine gave H2O: numbers as they are, category codes as the levels {@code c0, c1, ...}.
 */
public final class H2oMojoModel implements TrainedModel {
    private final byte[] mojo;
    private final TaskType task;
    private final List<String> classNames;
    private final EasyPredictModelWrapper wrapper;
    /** For each of H2O's response levels ({@code k0, k1, ...}), the index of the class it stands for. */
    private final int[] classOfLevel;
    private final Map<String, Object> provenance;

    private H2oMojoModel(byte[] mojo, TaskType task, List<String> classNames) throws IOException {
        this.mojo = mojo.clone();
        this.task = task;
        this.classNames = List.copyOf(classNames);
        MojoReaderBackend reader = MojoReaderBackendFactory.createReaderBackend(new ByteArrayInputStream(this.mojo),
                MojoReaderBackendFactory.CachingStrategy.MEMORY);
        MojoModel model = MojoModel.load(reader);
        // A level the model never saw reads as missing, as it does inside H2O, instead of failing the row.
        this.wrapper = new EasyPredictModelWrapper(new EasyPredictModelWrapper.Config().setModel(model)
                .setConvertUnknownCategoricalLevelsToNa(true).setConvertInvalidNumbersToNa(true));
        if (task.isClassification()) {
            String[] levels = model.getDomainValues(model.getResponseIdx());
            if (levels == null || levels.length != classNames.size()) {
                throw new IOException("the MOJO predicts " + (levels == null ? 0 : levels.length) + " classes, not "
                        + classNames.size());
            }
            classOfLevel = new int[levels.length];
            for (int i = 0; i < levels.length; i++) classOfLevel[i] = classIndex(levels[i]);
        } else {
            classOfLevel = new int[0];
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("library", "h2o-genmodel " + model._h2oVersion);
        p.put("algorithm", model._algoName);
        p.put("model_uuid", model.getUUID());
        p.put("mojo_bytes", mojo.length);
        provenance = Map.copyOf(p);
    }

    /**
     * Reads a MOJO.
     *
     * @param classNames the task's classes in probability order (empty for regression)
     * @throws IOException when the bytes are not a MOJO h2o-genmodel reads, or it predicts other classes
     */
    public static H2oMojoModel read(byte[] mojo, TaskType task, List<String> classNames) throws IOException {
        try {
            return new H2oMojoModel(mojo, task, classNames);
        } catch (RuntimeException e) {
            throw new IOException("not a usable H2O MOJO: " + e.getMessage(), e);
        }
    }

    static int classIndex(String level) throws IOException {
        if (level.startsWith(H2oProtocol.CLASS_PREFIX)) {
            try {
                return Integer.parseInt(level.substring(H2oProtocol.CLASS_PREFIX.length()));
            } catch (NumberFormatException e) {
                // said below
            }
        }
        throw new IOException("the MOJO's class level '" + level + "' is not one the engine wrote");
    }

    /** The MOJO file's bytes, as H2O wrote them. */
    public byte[] bytes() { return mojo.clone(); }

    @Override
    public ModelFormat format() { return ModelFormat.H2O_MOJO; }

    @Override
    public Predictions predict(FeatureMatrix x) {
        List<String> names = x.names();
        boolean[] categorical = x.categorical();
        int n = x.rows();
        double[][] probabilities = task.isClassification() ? new double[n][] : null;
        double[] values = task.isClassification() ? null : new double[n];
        for (int r = 0; r < n; r++) {
            RowData row = new RowData();
            for (int f = 0; f < names.size(); f++) {
                double v = x.value(r, f);
                row.put(names.get(f), categorical[f] ? H2oProtocol.CODE_PREFIX + (long) v : (Object) v);
            }
            try {
                if (task == TaskType.REGRESSION) {
                    values[r] = ((RegressionModelPrediction) wrapper.predictRegression(row)).value;
                } else {
                    double[] byLevel = task == TaskType.BINARY
                            ? ((BinomialModelPrediction) wrapper.predictBinomial(row)).classProbabilities
                            : ((MultinomialModelPrediction) wrapper.predictMultinomial(row)).classProbabilities;
                    double[] p = new double[classNames.size()];
                    for (int i = 0; i < byLevel.length; i++) p[classOfLevel[i]] = byLevel[i];
                    probabilities[r] = p;
                }
            } catch (PredictException e) {
                throw new IllegalStateException("the H2O model could not score row " + r + ": " + e.getMessage(), e);
            }
        }
        return task.isClassification() ? Predictions.ofProbabilities(probabilities) : Predictions.ofValues(values);
    }

    @Override
    public Map<String, Object> provenance() { return provenance; }
}
