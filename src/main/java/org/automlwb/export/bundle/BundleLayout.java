package org.automlwb.export.bundle;

import org.automlwb.engine.ModelFormat;

/**
 * Where a bundle's files go in a folder. The metadata names every member's files, so the reader follows whatever
 * layout wrote them; the two layouts differ only in names people and tools expect.
 */
public enum BundleLayout {
    /**
     * An experiment folder ({@code models/experiments/<id>/}): the members side by side, numbered
     * ({@code model_artifact_1.tribuo}, {@code preprocessing_pipeline_1.json}, ...), described by
     * {@code final_model.json}.
     */
    EXPERIMENT("final_model.json"),
    /**
     * A trained model folder ({@code models/trained_models/<id>/}, and its copies under {@code deployment/}): a
     * single model's {@code model_artifact.tribuo} and {@code preprocessing_pipeline.json} at the top, an
     * ensemble's in {@code members/1/}, {@code members/2/}, ..., described by {@code model_metadata.json}.
     */
    TRAINED_MODEL("model_metadata.json");

    /** Where ensemble members go in a trained model folder. */
    public static final String MEMBERS_DIR = "members";

    private final String metadataFile;

    BundleLayout(String metadataFile) {
        this.metadataFile = metadataFile;
    }

    /** The metadata file's name. */
    public String metadataFile() { return metadataFile; }

    /** The folder of member {@code n} (1-based) of {@code count}, relative to the bundle folder. */
    String memberPath(int n, int count) {
        return this == TRAINED_MODEL && count > 1 ? MEMBERS_DIR + "/" + n : ".";
    }

    /** The artifact file of member {@code n}, inside its folder. */
    String artifact(int n, int count, ModelFormat format) {
        return (this == EXPERIMENT ? "model_artifact_" + n : "model_artifact") + "." + format.extension();
    }

    /** The fitted pipeline file of member {@code n}, inside its folder. */
    String pipeline(int n, int count) {
        return this == EXPERIMENT ? "preprocessing_pipeline_" + n + ".json" : "preprocessing_pipeline.json";
    }
}
