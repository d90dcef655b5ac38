package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.common.Launcher;
import org.automlwb.engine.EnsembleModel;
import org.automlwb.engine.FinalModel;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.space.Config;
import org.automlwb.prep.FittedRecipe;

/**
 * Reads a folder written by {@link ModelExport} (or its copy under {@code deployment/model_serving/}) back into a
 * model that predicts raw rows. Tribuo's protobuf format only; never Java deserialization.
 */
public final class ModelLoader {
    private ModelLoader() { }

    /**
     * A loaded model.
     *
     * @param model     ready to predict raw rows
     * @param metadata  what the folder says about it
     * @param reference the training distributions for drift monitoring, or null when the folder has none
     * @param dir       the folder it was read from
     */
    public record LoadedModel(FinalModel model, ModelMetadata metadata, MonitoringReference reference, Path dir) { }

    /** Loads a trained model folder. */
    public static LoadedModel load(Path dir) throws BadInputException {
        Path metaFile = dir.resolve(ModelExport.METADATA_FILE);
        if (!Files.isDirectory(dir) || !Files.exists(metaFile)) {
            throw new BadInputException("not a trained model folder (no " + ModelExport.METADATA_FILE + ")", dir, 0,
                    null, "give a folder under models/trained_models/ or deployment/model_serving/<model>/<version>/");
        }
        ModelMetadata meta;
        try {
            meta = ModelMetadata.parse(Json.MAPPER.readTree(Files.readString(metaFile)));
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read the model's metadata (" + e.getMessage() + ")", metaFile, 0,
                    null, "export the model again");
        }
        List<EnsembleModel.Member> members = new ArrayList<>();
        for (ModelMetadata.Member m : meta.members()) {
            Path part = dir.resolve(m.path()).normalize();
            if (!part.startsWith(dir.normalize())) {
                throw new BadInputException("a member path leaves the model folder: " + m.path(), metaFile, 0, null,
                        "export the model again");
            }
            members.add(new EnsembleModel.Member(single(part, m, meta), m.weight()));
        }
        FinalModel model = members.size() == 1 ? members.get(0).model() : new EnsembleModel(members);
        return new LoadedModel(model, meta, reference(dir.resolve(MonitoringReference.FILE)), dir);
    }

    private static SingleModel single(Path part, ModelMetadata.Member m, ModelMetadata meta)
            throws BadInputException {
        try {
            return SingleModel.readArtifacts(part, ModelLoader::pipeline, m.algorithm(), config(m.hyperparameters()),
                    meta.task(), meta.classes());
        } catch (PipelineException e) {
            throw e.getCause();
        } catch (NoSuchFileException e) {
            throw new BadInputException("a model file is missing", Path.of(e.getFile()), 0, null,
                    "copy the whole model folder, or export the model again");
        } catch (IOException e) {
            if (outOfMemory(e)) {
                throw new BadInputException("not enough memory to load the model", part, 0, null,
                        "start the program with more heap, e.g. " + Launcher.withHeap(4) + " predict ...");
            }
            throw new BadInputException("cannot read the model (" + e.getMessage() + ")", part, 0, null,
                    "export the model again");
        }
    }

    /** Tribuo reports a model too big for the heap as a failed deserialization; the cause says what it was. */
    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    /** Carries the checked exception of the pipeline reader through {@code Function}. */
    private static final class PipelineException extends RuntimeException {
        PipelineException(BadInputException cause) { super(cause); }

        @Override
        public synchronized BadInputException getCause() { return (BadInputException) super.getCause(); }
    }

    private static FittedFeatures pipeline(String json) {
        try {
            return RecipePipeline.fitted(FittedRecipe.fromJson(json));
        } catch (BadInputException e) {
            throw new PipelineException(e);
        }
    }

    /** Hyperparameters as written in the metadata, back into a configuration. */
    static Config config(JsonNode hyperparameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        hyperparameters.fields().forEachRemaining(e -> values.put(e.getKey(), value(e.getValue())));
        return new Config(values);
    }

    static Object value(JsonNode v) {
        if (v.isIntegralNumber()) return v.asLong() == v.asInt() ? (Object) v.asInt() : (Object) v.asLong();
        if (v.isNumber()) return v.asDouble();
        if (v.isBoolean()) return v.asBoolean();
        return v.asText();
    }

    static MonitoringReference reference(Path file) throws BadInputException {
        if (!Files.exists(file)) return null;
        try {
            return Json.MAPPER.readValue(Files.readString(file), MonitoringReference.class);
        } catch (IOException e) {
            throw new BadInputException("cannot read the training profile (" + e.getMessage() + ")", file, 0, null,
                    "export the model again");
        }
    }
}
