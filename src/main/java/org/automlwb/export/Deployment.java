package org.automlwb.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.serving.InputSchema;
import org.automlwb.export.serving.ServingKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code deployment/} folder, beside {@code models/} (its parent's {@code deployment/}):
 * <pre>
 *   model_serving/&lt;model&gt;/v1/, v2/, ...  a copy of the trained model folder (artifacts, fitted pipelines,
 *                                        model_metadata.json), a README.md on running predictions, the
 *                                        input_schema.json, the start scripts serve / serve.cmd and a Dockerfile
 *   model_serving/&lt;model&gt;/current        the promoted version's name, history.jsonl ({@code ServingVersions})
 *   model_monitoring/&lt;model&gt;/
 *     monitoring_config.json              the training bins and frequencies of every input column and of the
 *                                        predictions, and the PSI thresholds (0.1 warn, 0.25 alert)
 *     logs/predictions.jsonl              one line per predict call: rows, PSI per feature, prediction
 *                                        distribution, alerts (appended by {@code predict} and {@code serve})
 * </pre>
 * A version folder is never overwritten (the next deployment of the same model is the next version); an existing
 * monitoring config is kept, since thresholds there may have been edited.
 */
public final class Deployment {
    public static final String SERVING = "model_serving";
    public static final String MONITORING = "model_monitoring";
    public static final String CONFIG_FILE = "monitoring_config.json";
    public static final String LOG_FILE = "logs/predictions.jsonl";
    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private Deployment() { }

    /**
     * Where a deployment went.
     *
     * @param serving    the version folder under {@code model_serving/}
     * @param monitoring the model's folder under {@code model_monitoring/}, or null when the model has no training
     *                   profile to monitor against
     */
    public record Deployed(Path serving, Path monitoring) { }

    /** The {@code deployment/} folder that goes with a {@code models/} folder: its sibling. */
    public static Path rootFor(Path modelsRoot) {
        Path abs = modelsRoot.toAbsolutePath().normalize();
        return (abs.getParent() == null ? abs : abs.getParent()).resolve("deployment");
    }

    /**
     * Deploys a trained model folder as the next version of its model. All or nothing: when a write fails (a full
     * disk), whatever this deployment created is removed again (the version folder, a new monitoring config, and
     * the folders it made for them), so no empty {@code model_serving/<id>/} or half a deployment is left; what
     * was there before is untouched.
     *
     * @throws BadInputException when the model folder is broken, or a write fails (after the rollback)
     */
    public static Deployed deploy(Path trainedModelDir, Path deploymentRoot) throws BadInputException {
        return deploy(trainedModelDir, deploymentRoot, null, AtomicDirs.WriteHook.NONE);
    }

    /**
     * Deploys a trained model folder as the next version of the served model {@code name} (null: the model's id),
     * all or nothing like {@link #deploy(Path, Path)}. Each version also gets its {@link InputSchema} and the
     * {@link ServingKit} (start scripts, Dockerfile).
     */
    public static Deployed deploy(Path trainedModelDir, Path deploymentRoot, String name) throws BadInputException {
        return deploy(trainedModelDir, deploymentRoot, name, AtomicDirs.WriteHook.NONE);
    }

    static Deployed deploy(Path trainedModelDir, Path deploymentRoot, AtomicDirs.WriteHook hook)
            throws BadInputException {
        return deploy(trainedModelDir, deploymentRoot, null, hook);
    }

    static Deployed deploy(Path trainedModelDir, Path deploymentRoot, String name, AtomicDirs.WriteHook hook)
            throws BadInputException {
        ModelLoader.LoadedModel loaded = ModelLoader.load(trainedModelDir); // refuses a broken folder up front
        String id = SafeNames.of(name != null ? name : loaded.metadata().modelId(), "model");
        Path servingParent = deploymentRoot.resolve(SERVING).resolve(id);
        Path monitoringDir = loaded.reference() == null ? null : deploymentRoot.resolve(MONITORING).resolve(id);
        // Folders that do not exist yet, outermost first: the rollback removes those it made, innermost first.
        List<Path> absent = new ArrayList<>();
        for (Path d : monitoringDir == null
                ? List.of(deploymentRoot, deploymentRoot.resolve(SERVING), servingParent)
                : List.of(deploymentRoot, deploymentRoot.resolve(SERVING), servingParent,
                        deploymentRoot.resolve(MONITORING), monitoringDir, monitoringDir.resolve("logs"))) {
            if (!Files.exists(d, LinkOption.NOFOLLOW_LINKS)) absent.add(d);
        }
        Path serving = null;
        Path configWritten = null;
        try {
            hook.beforeWrite(servingParent);
            serving = AtomicDirs.create(servingParent, "v", n -> "v" + n, tmp -> {
                AtomicDirs.copyTree(trainedModelDir, tmp, hook);
                Path readme = tmp.resolve("README.md");
                hook.beforeWrite(readme);
                Files.writeString(readme, readme(loaded.metadata(), id));
                Path schema = tmp.resolve(InputSchema.FILE);
                hook.beforeWrite(schema);
                Files.writeString(schema, Json.pretty(InputSchema.of(loaded).toJson()));
                hook.beforeWrite(tmp.resolve(ServingKit.DOCKERFILE));
                ServingKit.writeInto(tmp, id);
            });
            if (monitoringDir != null) {
                Path config = monitoringDir.resolve(CONFIG_FILE);
                hook.beforeWrite(monitoringDir.resolve("logs"));
                Files.createDirectories(monitoringDir.resolve("logs"));
                if (!Files.exists(config)) {
                    hook.beforeWrite(config);
                    AtomicFiles.writeString(config, Json.pretty(config(id, loaded.reference())));
                    configWritten = config;
                }
            }
            return new Deployed(serving, monitoringDir);
        } catch (IOException | BadInputException | RuntimeException e) {
            rollBack(serving, configWritten, absent);
            BadInputException why = e instanceof BadInputException b ? b
                    : e instanceof IOException io ? AtomicFiles.cannotWrite(deploymentRoot, io) : null;
            if (why == null) throw (RuntimeException) e;
            // Named by the deployment folder: the file that failed was in a temporary folder the rollback removed.
            throw new BadInputException("deploying the model failed and was rolled back: " + why.getMessage(),
                    deploymentRoot.toAbsolutePath().normalize(), 0, null, why.hint());
        }
    }

    /** Removes what a failed deployment created; leaves alone anything that was there before or is not empty. */
    private static void rollBack(Path serving, Path configWritten, List<Path> absent) {
        if (serving != null) AtomicDirs.deleteTree(serving);
        if (configWritten != null) AtomicFiles.deleteQuietly(configWritten);
        for (int i = absent.size() - 1; i >= 0; i--) {
            try {
                Files.deleteIfExists(absent.get(i));
            } catch (IOException notEmpty) {
                // Something else was put there meanwhile (a concurrent deployment): it stays.
                LOG.info("{} is kept after a failed deployment ({})", absent.get(i), notEmpty.toString());
            }
        }
    }

    private static Map<String, Object> config(String id, MonitoringReference ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model_id", id);
        m.put("created", OffsetDateTime.now().toString());
        m.put("method", "population stability index (PSI) of each input column and of the predictions against "
                + "the training bins; PSI = sum((actual - expected) * ln(actual / expected)), fractions floored at "
                + DriftBins.FLOOR);
        m.put("warn", ref.warn());
        m.put("alert", ref.alert());
        m.put("log", LOG_FILE);
        m.put("features", ref.features());
        m.put("prediction", ref.prediction());
        return m;
    }

    /**
     * The monitoring folder of the model in {@code modelDir} (a {@code trained_models/<id>} or
     * {@code model_serving/<id>/<version>} folder), or null when it has none.
     */
    public static Path monitoringFor(Path modelDir, String modelId) {
        Path abs = modelDir.toAbsolutePath().normalize();
        Path root = null;
        String name = SafeNames.of(modelId, "model");
        Path parent = abs.getParent();
        if (parent != null && parent.getFileName() != null
                && parent.getFileName().toString().equals(ModelExport.TRAINED_MODELS) && parent.getParent() != null) {
            root = rootFor(parent.getParent());
        } else if (parent != null && parent.getParent() != null && parent.getParent().getFileName() != null
                && parent.getParent().getFileName().toString().equals(SERVING)) {
            root = parent.getParent().getParent();
            // Deployed under another name than the model's id (deploy --name): the folder's name is the model's.
            name = parent.getFileName().toString();
        }
        if (root == null) return null;
        Path dir = root.resolve(MONITORING).resolve(name);
        return Files.isRegularFile(dir.resolve(CONFIG_FILE)) ? dir : null;
    }

    /** Reads a monitoring config (the reference and thresholds; other fields are for people). */
    public static MonitoringReference readConfig(Path monitoringDir) throws BadInputException {
        Path file = monitoringDir.resolve(CONFIG_FILE);
        try {
            return Json.MAPPER.readerFor(MonitoringReference.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(Files.readString(file));
        } catch (IOException e) {
            throw new BadInputException("cannot read the monitoring config (" + e.getMessage() + ")", file, 0, null,
                    "fix the file or deploy the model again");
        }
    }

    private static String readme(ModelMetadata meta, String id) {
        String out = meta.task().isClassification()
                ? "the predicted class and one `prob_<class>` column per class (" + String.join(", ", meta.classes())
                + ")"
                : "the predicted value";
        StringBuilder cols = new StringBuilder();
        meta.inputColumns().forEach(c -> cols.append("- `").append(c.name()).append("` (")
                .append(c.kind().name().toLowerCase(java.util.Locale.ROOT)).append(")\n"));
        Map<String, String> v = Versions.all();
        return "# Model `" + id + "`\n\n"
                + meta.description() + ", predicting `" + meta.target() + "` (" + meta.task().key() + ").\n\n"
                + "## Run predictions\n\n"
                + "```sh\njava -jar automl-workbench.jar predict --model " + "deployment/" + SERVING + "/" + id
                + "/<version> --data new.csv --out predictions.csv [--id ID_COLUMN]\n```\n\n"
                + "The CSV needs these columns (others are ignored; categories unseen in training are handled as in "
                + "training):\n\n" + cols
                + "\nThe output has the row number (or `--id`'s column), " + out + ". The input is read in chunks, "
                + "so files larger than memory work. Each call appends a drift summary to `deployment/" + MONITORING
                + "/" + id + "/" + LOG_FILE + "`.\n\n"
                + "## Requirements\n\n"
                + "- Java " + Runtime.version().feature() + " or newer (exported with Java " + v.get("java") + ")\n"
                + "- AutoML Workbench " + v.get("automl_workbench") + " (Tribuo " + v.get("tribuo") + ")\n"
                + "- The files here: `model_metadata.json`, the Tribuo model(s) (`model_artifact.tribuo`, protobuf) "
                + "and fitted pipeline(s) (`preprocessing_pipeline.json`)"
                + ("ensemble".equals(meta.kind()) ? ", one pair per member under `members/`" : "") + ".\n";
    }
}
