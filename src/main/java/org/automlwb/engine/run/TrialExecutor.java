package org.automlwb.engine.run;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.automlwb.engine.trial.TrialResult;

/**
 * Where trials run. The search and the export never know whether trials run on local threads (now) or on a
 * cluster (later): they only submit work and wait for results.
 */
public interface TrialExecutor extends AutoCloseable {
    /** Cores this executor may use in all. */
    int cores();

    /**
     * Runs one trial once {@code cores} of the executor's cores are free. The future completes with the trial's
     * result; the work itself must turn its own failures into a FAILED result.
     */
    CompletableFuture<TrialResult> submit(int cores, Callable<TrialResult> work);

    /** Cores not in use at this moment. */
    int freeCores();

    @Override
    void close();
}
