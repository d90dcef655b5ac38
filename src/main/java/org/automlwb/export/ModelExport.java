package org.automlwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;
import org.automlwb.data.Lineage;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.Targets;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.run.RunResult;
import org.automlwb.export.bundle.BundleLayout;
import org.automlwb.export.bundle.BundleWriter;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.InputColumn;

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
    public static final String METADATA_FILE = BundleLayout.TRAINED_MODEL.metadataFile();
    /** The metrics file. */
    public static final String METRICS_FILE = "evaluation_metrics.json";
    /** Where ensemble members go, one numbered folder each. */
    public static final String MEMBERS_DIR = BundleLayout.MEMBERS_DIR;
    /** The folder under {@code models/}. */
    public static final String TRAINED_MODELS = "trained_models";

    private ModelExport() { }

    /** An exported model: its id and folder. */
    public record ExportedModel(String id, Path dir) { }

    /**
     * Everything a trained model folder is written from, whether it comes from a run in memory or from an
     * experiment folder on disk.
     *
     * @param model        the model bundle
     * @param target       the target column
     * @param metric       the run's metric key
     * @param metrics      the content of {@code evaluation_metrics.json}
     * @param seed         the chosen trial's seed, or null
     * @param trainingRows rows the model was trained on
     * @param reference    the training distributions, or null when the training data is not at hand
     * @param experimentId the experiment it came from, or null
     */
    record Source(ModelBundle model, String target, String metric, Map<String, Object> metrics, Long seed,
                  int trainingRows, MonitoringReference reference, String experimentId) { }

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
        MonitoringReference ref = MonitoringReference.of(result.data().table(), inputColumns(result.model()),
                result.model().task(), result.model().classNames(), result.validationPredictions(),
                truth(result.data().targets()));
        Long seed = result.summary().leader() == null ? null : result.summary().leader().spec().seed();
        return write(new Source(result.model(), result.data().target(), result.summary().metric().key(),
                ExperimentWriter.evaluationMetrics(result.summary()), seed, result.trainedRows(), ref, experimentId),
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
        Path dir = AtomicDirs.create(parent, base, AtomicDirs.suffixed(base), tmp -> {
            Files.writeString(tmp.resolve(METRICS_FILE), Json.pretty(src.metrics()));
            Map<String, Object> metadata = metadata(base, src);
            // The data the model came from, as its experiment recorded it (absent for older experiments).
            Lineage lineage = src.experimentId() == null ? null : ExperimentConfig.lineage(new ExperimentFolder(
                    src.experimentId(), modelsRoot.resolve("experiments").resolve(src.experimentId())).configJson());
            if (lineage != null) metadata.put("lineage", lineage.toJson());
            if (src.reference() != null) {
                Path reference = tmp.resolve(MonitoringReference.FILE);
                Files.writeString(reference, Json.pretty(src.reference()));
                // drift alerts compare new data with these figures: a changed one would move them without a word
                metadata.put(MonitoringReference.SHA256_FIELD, FileHashes.sha256(reference));
            }
            // The id is the folder's final name, known only after the rename: fixId puts it right when it differs.
            BundleWriter.write(src.model(), tmp, BundleLayout.TRAINED_MODEL, metadata);
        });
        String id = dir.getFileName().toString();
        if (!id.equals(base)) fixId(dir, id);
        return new ExportedModel(id, dir);
    }

    /**
     * Removes the partial folders that an export of {@code name} killed midway left in
     * {@code models/trained_models/} (hidden {@code .<name>.partial-...} folders), those of that name only and only
     * when no live process owns them ({@link AtomicDirs#removeAbandoned}). An export does this itself before it
     * writes; a resume does it at once, so the folder is clean even if the resumed run exports nothing.
     *
     * @return how many were removed
     */
    public static int removeAbandonedPartials(Path modelsRoot, String name) {
        return AtomicDirs.removeAbandoned(modelsRoot.resolve(TRAINED_MODELS), SafeNames.of(name, "model"));
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

    static FittedRecipe recipe(SingleModel m) {
        if (m.features() instanceof RecipePipeline.Fitted f) return f.recipe();
        throw new IllegalStateException("only models with a preprocessing recipe can be exported, not "
                + m.features().getClass().getSimpleName());
    }

    /** The raw columns the bundle's members read, in first-use order, with their training types. */
    static List<InputColumn> inputColumns(ModelBundle bundle) {
        LinkedHashSet<InputColumn> all = new LinkedHashSet<>();
        for (ModelBundle.Member m : bundle.members()) all.addAll(recipe(m.model()).inputColumns());
        return List.copyOf(all);
    }

    /** The fields of {@code model_metadata.json} that come before the bundle's own. */
    private static Map<String, Object> metadata(String id, Source src) {
        ModelBundle model = src.model();
        List<ModelBundle.Member> members = model.members();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_id", id);
        m.put("created", OffsetDateTime.now().toString());
        m.put("experiment", src.experimentId());
        m.put("target", src.target());
        m.put("metric", src.metric());
        m.put("algorithm", members.size() == 1 ? members.get(0).model().algorithmId() : "ensemble");
        if (members.size() == 1) m.put("hyperparameters", members.get(0).model().config().values());
        m.put("seed", src.seed());
        m.put("input_columns", inputColumns(model).stream()
                .map(c -> Map.of("name", c.name(), "type", c.kind().name())).toList());
        m.put("recipe", recipe(members.get(0).model()).describe());
        m.put("training_rows", src.trainingRows());
        m.put("monitoring_reference", src.reference() != null);
        m.put("versions", Versions.all());
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
