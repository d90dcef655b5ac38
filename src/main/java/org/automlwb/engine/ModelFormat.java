package org.automlwb.engine;

import java.util.Locale;

/**
 * The file format of one trained member model. A model bundle records it beside every artifact, and the bundle
 * reader finds the codec that reads it by this key, so a member of any format can sit in the same bundle.
 */
public enum ModelFormat {
    /** Tribuo's protobuf model file ({@code Model.serializeToFile}); never Java serialization. */
    TRIBUO("tribuo", "tribuo"),
    /** LightGBM's own text model format ({@code saveModelToString}). */
    LIGHTGBM("lightgbm", "lgbm"),
    /** H2O's MOJO, a zip that h2o-genmodel scores without an H2O cluster. */
    H2O_MOJO("h2o-mojo", "zip"),
    /**
     * A scikit-learn Pipeline saved by the Python engine with joblib (a pickle): read and scored only by a Python
     * with scikit-learn, and only after the bundle checked the file's SHA-256, since unpickling runs code.
     */
    SKLEARN("sklearn", "joblib");

    private final String key;
    private final String extension;

    ModelFormat(String key, String extension) {
        this.key = key;
        this.extension = extension;
    }

    /** The key written in JSON, e.g. {@code tribuo}. */
    public String key() { return key; }

    /** The artifact's file extension without the dot, e.g. {@code tribuo} in {@code model_artifact.tribuo}. */
    public String extension() { return extension; }

    /** The format of a key; unknown keys throw IllegalArgumentException naming them. */
    public static ModelFormat fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (ModelFormat f : values()) if (f.key.equals(k)) return f;
        throw new IllegalArgumentException("unknown model format '" + key + "'");
    }
}
