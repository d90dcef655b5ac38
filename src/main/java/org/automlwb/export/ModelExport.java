package org.automlwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.EnsembleModel;
import org.automlwb.engine.FinalModel;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.Targets;
import org.automlwb.engine.run.RunResult;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.InputColumn;
import org.tribuo.Model;
import org.tribuo.provenance.ModelProvenance;

/**
 * Writes a run's chosen model to {@code models/trained_models/<model-id>/}, the folder that {@link ModelLoader},
 * the {@code predict} command and {@link Deployment} read:
 * <pre>
 *   model_metadata.json          what it is and what it needs: task, target, classes, input columns with types,
 *                                algorithm and hyperparameters (or the ensemble's members and weights), recipe
 *                                summary, seed, created, versions, Tribuo provenance
 *   model_artifact.tribuo        the Tribuo model (protobuf)         } single model; an ensemble has these in
 *   preprocessing_pipeline.json  the fitted recipe                   } members/1/, members/2/, ... instead
 *   model.onnx, model_onnx.json  a single model Tribuo can export to ONNX ({@link OnnxExport})
 *   evaluation_metrics.json      validation (and test) metrics of the run
 *   training_profile.json        the training distributions that drift monitoring compares new data with
 * </pre>
 * The folder is built under a temporary name and renamed when complete; an existing folder is never overwritten
 * (the id gets {@code -2}, {@code -3}, ...).
 */
public final class ModelExport {
    /** The metadata file. */
    public static final String METADATA_FILE = "model_metadata.json";
    /** The metrics file. */
    public static final String METRICS_FILE = "evaluation_metrics.json";
    /** Where ensemble members go, one numbered folder each. */
    public static final String MEMBERS_DIR = "members";
    /** The folder under {@code models/}. */
    public static final String TRAINED_MODELS = "trained_models";

    private ModelExport() { }

    /** An exported model: its id and folder. */
    public record ExportedModel(String id, Path dir) { }

    /** A single model of the final model with its raw (unnormalised) weight in the ensemble. */
    record Part(SingleModel model, double weight) { }

    /**
     * Everything a trained model folder is written from, whether it comes from a run in memory or from an
     * experiment folder on disk.
     *
     * @param parts        the single models and their raw weights
     * @param model        the model they make up
     * @param target       the target column
     * @param metric       the run's metric key
     * @param metrics      the content of {@code evaluation_metrics.json}
     * @param seed         the chosen trial's seed, or null
     * @param trainingRows rows the model was trained on
     * @param reference    the training distributions, or null when the training data is not at hand
     * @param experimentId the experiment it came from, or null
     */
    record Source(List<Part> parts, FinalModel model, String target, String metric, Map<String, Object> metrics,
                  Long seed, int trainingRows, MonitoringReference reference, String experimentId) { }

    /**
     * Exports the run's chosen model.
     *
     * @param modelsRoot   the {@code models/} folder
     * @param name         the wanted model id (any text: made safe with {@link SafeNames})
     * @param experimentId the experiment it came from, recorded in the metadata, or null
     * @throws BadInputException when the run has no model, or the folder cannot be written
     */
    public static ExportedModel export(RunResult result, Path modelsRoot, String name, String experimentId)
            throws BadInputException {
        if (result.model() == null) {
            throw new BadInputException("the run produced no model to export (no trial succeeded)",
                    "look at the leaderboard's errors, then run again");
        }
        List<Part> parts = parts(result.model(), 1.0);
        MonitoringReference ref = MonitoringReference.of(result.data().table(), inputColumns(parts),
                result.model().task(), result.model().classNames(), result.validationPredictions(),
                truth(result.data().targets()));
        Long seed = result.summary().leader() == null ? null : result.summary().leader().spec().seed();
        return write(new Source(parts, result.model(), result.data().target(), result.summary().metric().key(),
                ExperimentWriter.evaluationMetrics(result.summary()), seed, result.data().rows(), ref, experimentId),
                modelsRoot, name);
    }

    /**
     * Exports the chosen model of an experiment folder ({@code models/experiments/<id>/}), e.g. one written by an
     * earlier version or on another machine. The training profile for drift monitoring is rebuilt from the training
     * file named in {@code config.json} when it is still there unchanged, else left out. Ensemble weights come from
     * {@code final_model.json}, already normalised, so an ensemble's predictions may differ in the last bits.
     */
    public static ExportedModel export(Path experimentDir, Path modelsRoot, String name) throws BadInputException {
        return write(ExperimentSource.read(ExperimentFolder.open(experimentDir)), modelsRoot, name);
    }

    static ExportedModel write(Source src, Path modelsRoot, String name) throws BadInputException {
        String base = SafeNames.of(name, "model");
        Path parent = modelsRoot.resolve(TRAINED_MODELS);
        List<Part> parts = src.parts();
        Path dir = AtomicDirs.create(parent, base, AtomicDirs.suffixed(base), tmp -> {
            List<Map<String, Object>> members = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Path where = parts.size() == 1 ? tmp : tmp.resolve(MEMBERS_DIR).resolve(String.valueOf(i + 1));
                parts.get(i).model().writeArtifacts(where);
                if (parts.size() == 1) OnnxExport.tryWrite(parts.get(0).model(), where);
                members.add(member(parts.get(i), parts.size() == 1 ? "." : MEMBERS_DIR + "/" + (i + 1)));
            }
            Files.writeString(tmp.resolve(METRICS_FILE), Json.pretty(src.metrics()));
            if (src.reference() != null) {
                Files.writeString(tmp.resolve(MonitoringReference.FILE), Json.pretty(src.reference()));
            }
            Files.writeString(tmp.resolve(METADATA_FILE), Json.pretty(metadata(base, src, members)));
        });
        String id = dir.getFileName().toString();
        if (!id.equals(base)) fixId(dir, id);
        return new ExportedModel(id, dir);
    }

    /** Exports with the given name and no experiment id. */
    public static ExportedModel export(RunResult result, Path modelsRoot, String name) throws BadInputException {
        return export(result, modelsRoot, name, null);
    }

    /** The id inside the metadata follows the folder's final name (when a suffix was added). */
    private static void fixId(Path dir, String id) throws BadInputException {
        Path meta = dir.resolve(METADATA_FILE);
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Json.MAPPER.readValue(Files.readString(meta), LinkedHashMap.class);
            m.put("model_id", id);
            AtomicFiles.writeString(meta, Json.pretty(m));
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(meta, e);
        }
    }

    static List<Part> parts(FinalModel model, double weight) {
        if (model instanceof SingleModel s) return List.of(new Part(s, weight));
        EnsembleModel e = (EnsembleModel) model;
        List<Part> out = new ArrayList<>();
        boolean nested = e.members().stream().anyMatch(m -> !(m.model() instanceof SingleModel));
        double[] normalised = e.weights();
        for (int i = 0; i < e.members().size(); i++) {
            EnsembleModel.Member m = e.members().get(i);
            // Raw weights reproduce the ensemble's own normalisation bit for bit; nested ensembles are flattened
            // by multiplying normalised weights.
            out.addAll(parts(m.model(), nested ? weight * normalised[i] : m.weight()));
        }
        return out;
    }

    private static Map<String, Object> member(Part p, String path) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", path);
        m.put("algorithm", p.model().algorithmId());
        m.put("hyperparameters", p.model().config().values());
        m.put("weight", p.weight());
        m.put("features", p.model().features().featureNames().size());
        m.put("provenance", provenance(p.model().model()));
        return m;
    }

    static FittedRecipe recipe(SingleModel m) {
        if (m.features() instanceof RecipePipeline.Fitted f) return f.recipe();
        throw new IllegalStateException("only models with a preprocessing recipe can be exported, not "
                + m.features().getClass().getSimpleName());
    }

    static List<InputColumn> inputColumns(List<Part> parts) {
        LinkedHashSet<InputColumn> all = new LinkedHashSet<>();
        for (Part p : parts) all.addAll(recipe(p.model()).inputColumns());
        return List.copyOf(all);
    }

    private static Map<String, Object> metadata(String id, Source src, List<Map<String, Object>> members) {
        FinalModel model = src.model();
        List<Part> parts = src.parts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", 1);
        m.put("model_id", id);
        m.put("created", OffsetDateTime.now().toString());
        m.put("experiment", src.experimentId());
        m.put("kind", parts.size() == 1 ? "single" : "ensemble");
        m.put("description", model.describe());
        m.put("task", model.task().key());
        m.put("target", src.target());
        m.put("classes", model.classNames());
        m.put("metric", src.metric());
        m.put("algorithm", parts.size() == 1 ? parts.get(0).model().algorithmId() : "ensemble");
        if (parts.size() == 1) m.put("hyperparameters", parts.get(0).model().config().values());
        m.put("seed", src.seed());
        m.put("input_columns", inputColumns(parts).stream()
                .map(c -> Map.of("name", c.name(), "type", c.kind().name())).toList());
        m.put("recipe", recipe(parts.get(0).model()).describe());
        m.put("members", members);
        m.put("training_rows", src.trainingRows());
        m.put("monitoring_reference", src.reference() != null);
        m.put("versions", Versions.all());
        return m;
    }

    /** A short summary of Tribuo's provenance of a model. */
    static Map<String, Object> provenance(Model<?> model) {
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

    /** Training targets in the shape of predictions: one-hot probabilities, or the values. */
    static Predictions truth(Targets t) {
        if (!t.isClassification()) return Predictions.ofValues(t.values());
        double[][] p = new double[t.size()][t.classNames().size()];
        for (int i = 0; i < p.length; i++) if (t.classIndex()[i] >= 0) p[i][t.classIndex()[i]] = 1;
        return Predictions.ofProbabilities(p);
    }
}
