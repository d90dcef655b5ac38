package org.automlwb.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.common.Json;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.export.bundle.BundleReader;
import org.automlwb.export.bundle.ModelFileChangedException;


/**
 * Reads a folder written by {@link ModelExport} (or its copy under {@code deployment/model_serving/}) back into a
 * model that predicts raw rows, with what its metadata says about it ({@link BundleReader} reads the bundle;
 * never Java deserialization).
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
    public record LoadedModel(ModelBundle model, ModelMetadata metadata, MonitoringReference reference, Path dir) { }

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
        BundleReader.Read bundle = BundleReader.read(dir, ModelExport.METADATA_FILE);
        return new LoadedModel(bundle.model(), meta, reference(dir.resolve(MonitoringReference.FILE),
                bundle.metadata().path(MonitoringReference.SHA256_FIELD)), dir);
    }

    /**
     * The training profile, checked against the SHA-256 the metadata records for it (folders exported before it
     * was recorded have none), or null when the folder has none.
     */
    static MonitoringReference reference(Path file, JsonNode sha256) throws BadInputException {
        if (!Files.exists(file)) return null;
        if (sha256.isTextual() && !FileHashes.sha256(file).equalsIgnoreCase(sha256.asText())) {
            throw new ModelFileChangedException(file);
        }
        try {
            return Json.MAPPER.readValue(Files.readString(file), MonitoringReference.class);
        } catch (IOException e) {
            throw new BadInputException("cannot read the training profile (" + e.getMessage() + ")", file, 0, null,
                    "export the model again");
        }
    }
}
