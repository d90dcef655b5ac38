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
 * are held here, the way the bundle codec writes and reads them. The first prediction starts a worker process
 * ({@link PredictWorker}) that loads the model once and then scores batch after batch: starting an interpreter
 * and importing scikit-learn took seconds per call on this machine.
 */
public final class SklearnModel implements TrainedModel {
    /** Prediction of a large file may take long; a hung interpreter must still not hang the program. */
    private static final long PREDICT_TIMEOUT_MILLIS = 30 * 60_000L;

    private final byte[] bytes;
    private final PythonRuntime runtime;
    private final TaskType task;
    private final List<String> classNames;
    private final String algorithm;
    private Scorer scorer;

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
        try {
            Scorer s = scorer();
            Path batch = Files.createTempDirectory(s.dir, "batch-");
            try {
                Path xFile = batch.resolve("x.f32");
                ArrayFiles.writeFloats(xFile, x.rowMajor());
                Path out = batch.resolve("predictions.f64");
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("protocol", PythonSearch.PROTOCOL);
                spec.put("model", s.model.toString());
                spec.put("features", x.names());
                spec.put("x", xFile.toString());
                spec.put("rows", x.rows());
                spec.put("out", out.toString());
                EngineMessage answer = s.worker.request(Json.line(spec), PREDICT_TIMEOUT_MILLIS);
                if (answer instanceof EngineMessage.Error e) {
                    throw new IllegalStateException("the scikit-learn model could not predict: " + e.message());
                }
                return PythonSearch.read(out, x.rows(), task, k);
            } finally {
                PythonSearch.deleteTree(batch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the scikit-learn model could not predict: " + e.getMessage(), e);
        }
    }

    /**
     * The model's file and its prediction worker, made on first use and kept: a worker that ended (killed, or
     * crashed on a batch) is started again on the next prediction. Both go when the JVM exits.
     */
    private synchronized Scorer scorer() throws IOException {
        if (scorer != null && scorer.worker.isAlive()) return scorer;
        if (scorer == null) {
            Path dir = Files.createTempDirectory("automlwb-sklearn-model-");
            Path model = dir.resolve("model.joblib");
            Files.write(model, bytes);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> PythonSearch.deleteTree(dir),
                    "delete " + dir.getFileName()));
            scorer = new Scorer(dir, model, PredictWorker.start(runtime));
        } else {
            scorer.worker.close();
            scorer = new Scorer(scorer.dir, scorer.model, PredictWorker.start(runtime));
        }
        return scorer;
    }

    /** Ends the prediction worker, if one is running; the next prediction starts another. */
    public synchronized void close() {
        if (scorer != null) scorer.worker.close();
    }

    /** Where the model's file is, and the worker that scores it. */
    private record Scorer(Path dir, Path model, PredictWorker worker) { }

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
