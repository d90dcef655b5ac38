package org.automlwb.engine.api;

import org.automlwb.common.CancelToken;
import org.automlwb.engine.run.RunListener;

/** An engine readied for one run by {@link AutoMLEngine#prepare}: runs once. */
public interface EnginePrepared {
    /**
     * Searches within {@code context}'s budget and returns what it found. Returns soon after {@code cancel} is
     * cancelled, leaving no thread or process of its own running.
     *
     * @param listener receives the engine's events as they happen (called from the engine's threads)
     * @throws EngineFailedException when the engine could not run at all (it did not start, it crashed before any
     *                               model): one line for the user; models it finished are in the journal
     * @throws InterruptedException  when the calling thread is interrupted
     */
    EngineResult run(EngineContext context, RunListener listener, CancelToken cancel)
            throws EngineFailedException, InterruptedException;
}
