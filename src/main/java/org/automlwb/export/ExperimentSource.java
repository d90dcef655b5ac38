package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.export.bundle.BundleReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An experiment folder's chosen model ({@link BundleReader}), metrics and training profile for {@link ModelExport}. */
final class ExperimentSource {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentSource.class);

    private ExperimentSource() { }

    static ModelExport.Source read(ExperimentFolder folder) throws BadInputException {
        Path fmFile = folder.dir().resolve(ExperimentWriter.FINAL_MODEL_JSON);
        if (!Files.exists(fmFile)) {
            throw new BadInputException("this experiment has no final model (the run found none, or has not "
                    + "finished)", folder.dir(), 0, null, "resume the run, or export another experiment");
        }
        try {
            JsonNode fm = Json.MAPPER.readTree(Files.readString(fmFile));
            JsonNode hp = Json.MAPPER.readTree(Files.readString(folder.hyperparametersJson()));
            ModelBundle model = BundleReader.read(folder.dir(), ExperimentWriter.FINAL_MODEL_JSON).model();
            TaskType task = model.task();
            List<String> classes = model.classNames();
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = Json.MAPPER.readValue(Files.readString(folder.evaluationMetricsJson()),
                    LinkedHashMap.class);
            ExperimentConfig.Saved saved = ExperimentConfig.read(folder.configJson());
            String target = fm.path("target").asText();
            return new ModelExport.Source(model, target, saved.spec().metric() == null ? null
                    : saved.spec().metric().key(), metrics, hp.has("seed") ? hp.get("seed").asLong() : null,
                    rows(folder.configJson()), reference(saved, target, task, classes, model), folder.id());
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read the experiment's model (" + e.getMessage() + ")", folder.dir(),
                    0, null, "the folder may be incomplete or from another version");
        }
    }

    private static int rows(Path configJson) throws IOException {
        return Json.MAPPER.readTree(Files.readString(configJson)).path("data").path("rows").asInt();
    }

    /** The training profile from the training file, when it is still there unchanged; else null. */
    private static MonitoringReference reference(ExperimentConfig.Saved saved, String target, TaskType task,
                                                 List<String> classes, ModelBundle model) {
        try {
            if (!Files.exists(saved.train()) || !ExperimentConfig.sha256(saved.train()).equals(saved.trainHash())) {
                LOG.warn("{} is gone or changed: the model is exported without a training profile for monitoring",
                        saved.train());
                return null;
            }
            LabelledData data = LabelledData.forScoring(CsvLoader.load(saved.train()).table(), target, task, classes);
            return MonitoringReference.of(data.table(), ModelExport.inputColumns(model), task, classes, null,
                    ModelExport.truth(data.targets()));
        } catch (BadInputException e) {
            LOG.warn("cannot read the training file again ({}): no training profile for monitoring", e.oneLine());
            return null;
        }
    }
}
