package org.automlwb.engine.python;

import java.util.Locale;

/** The engines the Python process offers, by the name given to {@code run --engine}. */
public enum PythonEngineKind {
    /** A time-bounded search over scikit-learn pipelines: a portfolio of defaults, then random search. */
    SKLEARN("sklearn"),
    /** auto-sklearn's own search, where it is importable. */
    AUTO_SKLEARN("auto-sklearn");

    private final String key;

    PythonEngineKind(String key) {
        this.key = key;
    }

    /** The name on the command line and in the protocol's spec, e.g. {@code auto-sklearn}. */
    public String key() { return key; }

    /** The kind of a key; unknown keys throw IllegalArgumentException naming them. */
    public static PythonEngineKind fromKey(String key) {
        String k = key == null ? "" : key.trim().toLowerCase(Locale.ROOT);
        for (PythonEngineKind e : values()) if (e.key.equals(k)) return e;
        throw new IllegalArgumentException("unknown Python engine '" + key + "'");
    }
}
