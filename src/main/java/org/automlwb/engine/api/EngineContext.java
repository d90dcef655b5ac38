package org.automlwb.engine.api;

import java.time.Duration;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.run.ResumeState;

/**
 * What one engine's part of a run gets besides the data.
 *
 * @param journal where each finished model is appended at once (shared by the run's engines), or null for none
 * @param resume  this engine's trials of an earlier, stopped run (not repeated), its next free trial id and the
 *                seconds of its share it used; {@link ResumeState#none()} with a first id for a fresh run
 * @param budget  this engine's share of the wall-clock budget, or null when the run is bounded by trials only
 * @param startNanos the engine's clock ({@link System#nanoTime()}): its budget counts from here, and its events'
 *                   {@code elapsedSeconds} are seconds since then. A run of one engine starts it when the data's
 *                   preparation began (preparing is part of the budget); each engine of several, when it starts.
 */
public record EngineContext(Journal journal, ResumeState resume, Duration budget, long startNanos) {
    public EngineContext {
        if (resume == null) resume = ResumeState.none();
    }

    /** Seconds on this engine's clock now. */
    public double elapsedSeconds() { return (System.nanoTime() - startNanos) / 1e9; }
}
