package org.automlwb.engine.run;

import java.util.concurrent.CompletableFuture;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialTask;

/**
 * Where trials run. The search hands over {@link TrialTask}s, plain data, and gets {@link TrialReport}s back as
 * each trial ends; it never knows whether they ran on this JVM's threads or on a cluster. Pruning, core
 * accounting and the journal stay with the search.
 */
public interface TrialExecutor extends AutoCloseable {
    /** Cores this executor may use in all (for a cluster: its executors' cores). */
    int cores();

    /**
     * Runs one trial once {@code task.cores()} of the executor's cores are free. The future completes with the
     * trial's report; an executor turns its own failures (a lost worker, a cancelled job) into a FAILED or
     * CANCELLED result rather than completing exceptionally, where it can.
     */
    CompletableFuture<TrialReport> submit(TrialTask task);

    /**
     * Cores taken by work the search did not start and cannot see: fits abandoned at their time limit that are
     * still computing on this JVM. The search counts them before starting more trials.
     */
    default int coresBusyElsewhere() { return 0; }

    /** Where the trials run, for logs and the run's files: {@code local}, {@code spark (spark://host:7077)}. */
    String describe();

    @Override
    void close();
}
