package org.automlwb.engine.api;

/**
 * An engine could not do its part: it is not installed, did not start, or crashed. The message is one line for
 * the user; the other engines of the run go on.
 */
public class EngineFailedException extends Exception {
    private final EngineKind engine;

    /** @param message one line, e.g. "H2O did not start: port in use" */
    public EngineFailedException(EngineKind engine, String message, Throwable cause) {
        super(message, cause);
        this.engine = engine;
    }

    /** The engine that failed. */
    public EngineKind engine() { return engine; }
}
