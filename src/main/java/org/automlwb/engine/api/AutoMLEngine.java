package org.automlwb.engine.api;

import org.automlwb.common.BadInputException;
import org.automlwb.engine.run.PreparedRun;

/**
 * One AutoML engine behind the common seam. Implementations are found by {@link EngineRegistry} (listed in
 * {@code META-INF/services/org.automlwb.engine.api.AutoMLEngine}) and need a public no-argument constructor; they
 * must be cheap to construct (no library is started until {@link EnginePrepared#run}).
 */
public interface AutoMLEngine {
    /** Which engine this is. */
    EngineKind kind();

    /**
     * Whether this engine can run here: its library or interpreter is present and starts. May take a moment the
     * first time (a Python import); the answer is kept.
     */
    Availability availability();

    /**
     * Checks that this engine can work on the prepared data, before anything is written, and readies the run.
     *
     * @param data the data, validation plan, metric and settings every engine of the run shares
     * @throws BadInputException with one line when this engine cannot take this data or these settings
     */
    EnginePrepared prepare(PreparedRun data) throws BadInputException;
}
