package org.automlwb.engine.python;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.Json;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;

/**
 * A scikit-learn Pipeline saved by the engine script (joblib), scored by that script in a child process: the
 * features go over as a float32 array file, the probabilities or values come back as float64. The model's bytes
 * are held here, the way the bundle codec writes and reads them; each prediction starts an interpreter (about a
 * second with scikit-learn's import), which suits batch prediction, reports and tests, not a row at a time.
 */
public final class SklearnModel implements TrainedModel {
    /** Prediction of a large file may take long; a hung interpreter must still not hang the program. */
    private static final long PREDICT_TIMEOUT_MILLIS = 30 * 60_000L;

    private final byte[] bytes;
    private final PythonRuntime runtime;
    private final TaskType task;
    private final List<String> classNames;
    private final String algorithm;

    /**
     * @param bytes      the model file's bytes, as the script wrote them
     * @param runtime    the Python that scores it
     * @param task       the task it predicts
     * @param classNames class names in probability order (empty for regression)
     * @param algorithm  the script's algorithm name, for the provenance
     */
    public SklearnModel(byte[] bytes, PythonRuntime runtime, TaskType task, List<String> classNames,
                        String algorithm) {
        this.bytes = bytes.clone();
        this.runtime = runtime;
        this.task = task;
        this.classNames = task.isClassification() ? List.copyOf(classNames) : List.of();
        this.algorithm = algorithm;
    }

    /** The model file's bytes. */
    public byte[] bytes() { return bytes.clone(); }

    @Override
    public ModelFormat format() { return ModelFormat.SKLEARN; }

    @Override
    public Predictions predict(FeatureMatrix x) {
        int k = task.isClassification() ? classNames.size() : 1;
        if (x.rows() == 0) {
            return task.isClassification() ? Predictions.ofProbabilities(new double[0][])
                    : Predictions.ofValues(new double[0]);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("automlwb-sklearn-predict-");
            Path model = dir.resolve("model.joblib");
            Files.write(model, bytes);
            Path xFile = dir.resolve("x.f32");
            ArrayFiles.writeFloats(xFile, x.rowMajor());
            Path out = dir.resolve("predictions.f64");
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("protocol", PythonSearch.PROTOCOL);
            spec.put("model", model.toString());
            spec.put("features", x.names());
            spec.put("x", xFile.toString());
            spec.put("rows", x.rows());
            spec.put("out", out.toString());
            Path specFile = dir.resolve("predict.json");
            Files.writeString(specFile, Json.line(spec));
            PythonProcess.Finished f = PythonProcess.runToEnd(runtime.executable(),
                    List.of("predict", specFile.toString()), PREDICT_TIMEOUT_MILLIS);
            if (f.exitCode() != 0) {
                throw new IllegalStateException("the scikit-learn model could not predict: " + errorOf(f));
            }
            double[][] p = ArrayFiles.readDoubles(out, x.rows(), k);
            if (task.isClassification()) return Predictions.ofProbabilities(p);
            double[] v = new double[p.length];
            for (int i = 0; i < v.length; i++) v[i] = p[i][0];
            return Predictions.ofValues(v);
        } catch (IOException e) {
            throw new UncheckedIOException("the scikit-learn model could not predict: " + e.getMessage(), e);
        } finally {
            PythonSearch.deleteTree(dir);
        }
    }

    /** The script's one-line error, or the exit code when it printed none. */
    static String errorOf(PythonProcess.Finished f) {
        for (String line : f.lines()) {
            try {
                if (EngineMessage.parse(line) instanceof EngineMessage.Error e) return e.message();
            } catch (IllegalArgumentException ignored) {
                // not a protocol line
            }
        }
        return "Python exited with code " + f.exitCode() + " (details in the log)";
    }

    @Override
    public Map<String, Object> provenance() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("engine", "sklearn");
        p.put("algorithm", algorithm);
        p.put("library", "scikit-learn " + runtime.sklearn());
        p.put("python", runtime.python());
        p.put("model_bytes", bytes.length);
        p.put("onnx", runtime.skl2onnx() == null
                ? "not written: skl2onnx does not import in " + runtime.executable()
                : "not written: skl2onnx " + runtime.skl2onnx() + " is present, but this version does not export");
        return p;
    }
}
