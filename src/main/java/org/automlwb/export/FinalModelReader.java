package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.EnsembleModel;
import org.automlwb.engine.FinalModel;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.prep.FittedRecipe;

/**
 * Reads an experiment's chosen model back from {@code final_model.json}, its {@code model_artifact_<n>.tribuo}
 * files (Tribuo protobuf, never Java serialization) and {@code preprocessing_pipeline_<n>.json}.
 */
public final class FinalModelReader {
    private FinalModelReader() { }

    /** True when the run wrote a chosen model. */
    public static boolean exists(ExperimentFolder folder) {
        return Files.exists(folder.dir().resolve(ExperimentWriter.FINAL_MODEL_JSON));
    }

    /**
     * The chosen model: a {@link SingleModel}, or an {@link EnsembleModel} of single models with their weights.
     *
     * @throws BadInputException when a file is missing or not what this version wrote
     */
    public static FinalModel read(ExperimentFolder folder) throws BadInputException {
        Path file = folder.dir().resolve(ExperimentWriter.FINAL_MODEL_JSON);
        try {
            JsonNode fm = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            TaskType task = TaskType.valueOf(fm.path("task").asText().toUpperCase(Locale.ROOT));
            List<String> classes = new ArrayList<>();
            fm.path("classes").forEach(c -> classes.add(c.asText()));
            List<EnsembleModel.Member> members = new ArrayList<>();
            for (JsonNode m : fm.path("members")) {
                members.add(new EnsembleModel.Member(single(folder.dir(), m, task, classes),
                        m.path("weight").asDouble(1.0)));
            }
            if (members.isEmpty()) throw new IOException("no members");
            return members.size() == 1 ? members.get(0).model() : new EnsembleModel(members);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read the experiment's model (" + e.getMessage() + ")", file, 0, null,
                    "the folder may be incomplete, or come from another version");
        }
    }

    private static SingleModel single(Path dir, JsonNode m, TaskType task, List<String> classes)
            throws IOException, BadInputException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        m.path("hyperparameters").fields().forEachRemaining(e -> cfg.put(e.getKey(),
                Json.MAPPER.convertValue(e.getValue(), Object.class)));
        FittedRecipe recipe = FittedRecipe.fromJson(Files.readString(dir.resolve(m.path("pipeline").asText()),
                StandardCharsets.UTF_8));
        return new SingleModel(RecipePipeline.fitted(recipe), SingleModel.readModel(dir.resolve(
                m.path("artifact").asText())), m.path("algorithm").asText(), new Config(cfg), task, classes);
    }
}
