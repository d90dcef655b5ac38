package org.automlwb.export.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.algo.TribuoModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * ONNX export of a single model where Tribuo can do it (the linear family and LIBSVM: {@code liblinear},
 * {@code linear_sgd}, {@code libsvm}, {@code elastic_net}, {@code lars_lasso}; see docs/algorithms.md).
 *
 * <p><b>The ONNX model takes the PREPROCESSED feature vector, not raw CSV rows.</b> Its one input,
 * {@value #INPUT_NAME}, is a float tensor {@code [rows, features]} with the features in the order listed in
 * {@value #DESCRIPTION_FILE} (Tribuo's feature ids); run {@code preprocessing_pipeline.json} first (the product's
 * {@code predict} does), and put 0 for a missing value. Its output is the class probabilities (or scores) in the
 * listed class order, or the predicted value for regression.
 */
public final class OnnxExport {
    /** The ONNX file written next to the Tribuo artifact. */
    public static final String MODEL_FILE = "model.onnx";
    /** Input order, output order and how to feed the ONNX model. */
    public static final String DESCRIPTION_FILE = "model_onnx.json";
    /** The name Tribuo gives the model's input. */
    public static final String INPUT_NAME = "input";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxExport.class);
    private static final String DOMAIN = "org.automlwb";

    private OnnxExport() { }

    /** True when Tribuo says the model can export (a wrapped ensemble may still fail: see {@link #tryWrite}). */
    public static boolean canExport(SingleModel model) {
        return tribuo(model) instanceof ONNXExportable;
    }

    /** The Tribuo model of a member in Tribuo's format, else null (only Tribuo models export here). */
    private static Model<?> tribuo(SingleModel model) {
        return model.model() instanceof TribuoModel t ? t.model() : null;
    }

    /**
     * Writes {@value #MODEL_FILE} and {@value #DESCRIPTION_FILE} into {@code dir} when the model exports; never
     * throws for a model that does not.
     *
     * @return whether the files were written
     * @throws BadInputException when the files cannot be written (disk full, no permission)
     */
    public static boolean tryWrite(SingleModel model, Path dir) throws BadInputException {
        if (!(tribuo(model) instanceof ONNXExportable exportable)) return false;
        byte[] onnx;
        try {
            onnx = exportable.exportONNXModel(DOMAIN, 1).toByteArray();
        } catch (RuntimeException e) {
            // WeightedEnsembleModel implements the interface but throws when a member cannot export
            LOG.info("{} does not export to ONNX: {}", model.algorithmId(), e.getMessage());
            return false;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(dir, e);
        }
        AtomicFiles.write(dir.resolve(MODEL_FILE), tmp -> Files.write(tmp, onnx));
        AtomicFiles.writeString(dir.resolve(DESCRIPTION_FILE), Json.pretty(description(model)));
        return true;
    }

    /** The feature names in the ONNX input's column order. */
    public static List<String> inputFeatures(SingleModel model) {
        ImmutableFeatureMap map = tribuo(model).getFeatureIDMap();
        List<String> names = new ArrayList<>(map.size());
        for (int id = 0; id < map.size(); id++) names.add(map.get(id).getName());
        return names;
    }

    /** The output columns' class names in ONNX order (empty for regression). */
    public static List<String> outputClasses(SingleModel model) {
        if (!model.task().isClassification()) return List.of();
        ImmutableOutputInfo<?> info = tribuo(model).getOutputIDInfo();
        List<String> names = new ArrayList<>(info.size());
        for (int id = 0; id < info.size(); id++) names.add(info.getOutput(id).toString());
        return names;
    }

    /**
     * Raw rows turned into the ONNX model's input: the model's preprocessing applied, then the features in input
     * order, missing values as 0.
     */
    public static float[][] input(SingleModel model, Table raw) {
        Table features = model.features().apply(raw);
        List<String> names = inputFeatures(model);
        float[][] x = new float[raw.rowCount()][names.size()];
        for (int f = 0; f < names.size(); f++) {
            if (!features.containsColumn(names.get(f))) continue;
            NumericColumn<?> c = (NumericColumn<?>) features.column(names.get(f));
            for (int r = 0; r < x.length; r++) {
                double v = c.isMissing(r) ? 0 : c.getDouble(r);
                x[r][f] = Double.isFinite(v) ? (float) v : 0f;
            }
        }
        return x;
    }

    private static Map<String, Object> description(SingleModel model) {
        Model<?> m = tribuo(model);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("note", "The ONNX model takes PREPROCESSED features: apply preprocessing_pipeline.json to raw rows "
                + "first, then pass the features below, in this order, as float32 (0 for a missing value).");
        d.put("algorithm", model.algorithmId());
        d.put("task", model.task().key());
        d.put("input", Map.of("name", INPUT_NAME, "shape", List.of("rows", inputFeatures(model).size()),
                "type", "float32", "features", inputFeatures(model)));
        d.put("output", model.task().isClassification()
                ? Map.of("meaning", m.generatesProbabilities() ? "class probabilities" : "class scores",
                        "classes", outputClasses(model))
                : Map.of("meaning", "predicted value"));
        d.put("tribuo_version", org.tribuo.Tribuo.VERSION);
        return d;
    }
}
