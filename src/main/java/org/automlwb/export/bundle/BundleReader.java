package org.automlwb.export.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;
import org.automlwb.common.Launcher;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.ensemble.StackingMetalearner;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.space.Config;
import org.automlwb.prep.FittedRecipe;

/**
 * The one reader of model bundles, whatever layout and version wrote them: each member's files are named in the
 * metadata (older files' defaults: a Tribuo {@code model_artifact.tribuo} and {@code preprocessing_pipeline.json}
 * in the member's folder), read by the codec of its format, and checked against the SHA-256 recorded when it was
 * written before any library parses it, so a damaged or swapped file is refused rather than loaded. The metadata's
 * own values that decide predictions are checked against their digest ({@link MetadataDigest}) first.
 */
public final class BundleReader {
    private BundleReader() { }

    /**
     * A bundle read back.
     *
     * @param model    the model, ready to predict raw rows
     * @param metadata the whole metadata document
     */
    public record Read(ModelBundle model, JsonNode metadata) { }

    /**
     * Reads the bundle described by {@code metadataFile} in {@code dir}.
     *
     * @throws ModelFileChangedException naming the file when a member's file or the metadata's values are not those
     *                                    written
     * @throws BadInputException naming the file when the metadata or a member cannot be read, a member's file is
     *                           missing, or a member path leaves the folder
     */
    public static Read read(Path dir, String metadataFile) throws BadInputException {
        Path metaFile = dir.resolve(metadataFile);
        JsonNode doc;
        TaskType task;
        List<String> classes = new ArrayList<>();
        try {
            doc = Json.MAPPER.readTree(Files.readString(metaFile, StandardCharsets.UTF_8));
            task = TaskType.valueOf(require(doc, "task").asText().toUpperCase(Locale.ROOT));
            doc.path("classes").forEach(c -> classes.add(c.asText()));
            if (!require(doc, "members").isArray() || doc.get("members").isEmpty()) {
                throw new IllegalArgumentException("no members");
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException("the model's metadata is missing", metaFile, 0, null,
                    "copy the whole model folder, or export the model again");
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("cannot read the model's metadata (" + e.getMessage() + ")", metaFile, 0,
                    null, "export the model again");
        }
        JsonNode digest = doc.path(MetadataDigest.FIELD);
        if (!digest.isMissingNode() && !MetadataDigest.of(doc).equalsIgnoreCase(digest.asText())) {
            // a weight, coefficient or hash edited by one digit is still valid JSON: refused before it is used
            throw new ModelFileChangedException(metaFile);
        }
        List<ModelBundle.Member> members = new ArrayList<>();
        for (JsonNode m : doc.get("members")) {
            members.add(new ModelBundle.Member(member(dir, metaFile, m, task, classes), m.path("weight").asDouble(1.0)));
        }
        try {
            ModelBundle bundle;
            if (doc.hasNonNull("stack")) {
                bundle = ModelBundle.stacked(members.stream().map(ModelBundle.Member::model).toList(),
                        Json.MAPPER.treeToValue(doc.get("stack"), StackingMetalearner.class));
            } else {
                bundle = members.size() == 1 ? ModelBundle.single(members.get(0).model())
                        : ModelBundle.weighted(members);
            }
            if (doc.hasNonNull("calibration")) {
                bundle = bundle.calibrated(Json.MAPPER.treeToValue(doc.get("calibration"), Calibration.class));
            }
            return new Read(bundle, doc);
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("the model's members do not fit together (" + e.getMessage() + ")", metaFile,
                    0, null, "export the model again");
        }
    }

    private static SingleModel member(Path dir, Path metaFile, JsonNode m, TaskType task, List<String> classes)
            throws BadInputException {
        Path root = dir.toAbsolutePath().normalize();
        Path folder = root.resolve(m.path("path").asText(".")).normalize();
        Path artifact = folder.resolve(m.path("artifact").asText("model_artifact.tribuo")).normalize();
        Path pipeline = folder.resolve(m.path("pipeline").asText("preprocessing_pipeline.json")).normalize();
        for (Path p : List.of(folder, artifact, pipeline)) {
            if (!p.startsWith(root)) {
                throw new BadInputException("a member path leaves the model folder: " + root.relativize(p), metaFile,
                        0, null, "export the model again");
            }
        }
        ModelFormat format;
        ModelCodec codec;
        try {
            format = ModelFormat.fromKey(m.path("artifact_format").asText(ModelFormat.TRIBUO.key()));
            codec = ModelCodecs.of(format);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), metaFile, 0, null,
                    "use the version of the program that wrote the model");
        }
        verify(artifact, m.path("sha256").path("artifact"));
        verify(pipeline, m.path("sha256").path("pipeline"));
        try {
            FittedFeatures features = RecipePipeline.fitted(FittedRecipe.fromJson(
                    Files.readString(pipeline, StandardCharsets.UTF_8)));
            TrainedModel model = codec.read(artifact, task, classes);
            return new SingleModel(features, model, m.path("algorithm").asText(), config(m.path("hyperparameters")),
                    task, classes);
        } catch (BadInputException e) {
            throw new BadInputException(e.getMessage(), pipeline, 0, null, "export the model again");
        } catch (NoSuchFileException e) {
            throw new BadInputException("a model file is missing", Path.of(e.getFile()), 0, null,
                    "copy the whole model folder, or export the model again");
        } catch (IOException e) {
            if (outOfMemory(e)) {
                throw new BadInputException("not enough memory to load the model", artifact, 0, null,
                        "start the program with more heap, e.g. " + Launcher.withHeap(4) + " predict ...");
            }
            throw new BadInputException("cannot read the model (" + e.getMessage() + ")", artifact, 0, null,
                    "export the model again");
        }
    }

    /** Refuses a file whose bytes are not those recorded when it was written (older bundles record none). */
    private static void verify(Path file, JsonNode expected) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException("a model file is missing", file, 0, null,
                    "copy the whole model folder, or export the model again");
        }
        if (expected.isMissingNode() || expected.isNull()) return;
        if (!FileHashes.sha256(file).equalsIgnoreCase(expected.asText())) {
            throw new ModelFileChangedException(file);
        }
    }

    /** Tribuo reports a model too big for the heap as a failed deserialization; the cause says what it was. */
    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof OutOfMemoryError) return true;
        return false;
    }

    private static JsonNode require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("'" + field + "' is missing");
        return v;
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
}
