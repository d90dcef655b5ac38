package org.automlwb.engine.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.trial.Pruner;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.TrialTask;

/**
 * Runs {@link TrialTask}s of one run, wherever it is: on the driver's threads over the run's own fold data, or on a
 * worker over fold data rebuilt from the {@link RunContext} once per JVM ({@link #of}) and kept for the run's later
 * tasks. Both run the same {@link TrialRunner}, so a trial scores the same wherever it ran.
 */
public final class TrialWork {
    /** Fold data rebuilt on this JVM, by run id and rows hash; only the latest run is kept. */
    private static final Map<String, TrialWork> BY_RUN = new ConcurrentHashMap<>();

    private final TrialRunner runner;
    private final Function<String, Algorithm> algorithms;

    private TrialWork(TrialRunner runner, Function<String, Algorithm> algorithms) {
        this.runner = runner;
        this.algorithms = algorithms;
    }

    /**
     * Work over fold data that is already here (the driver's).
     *
     * @param algorithms the run's algorithms by id, with the user's space edits
     */
    public static TrialWork local(TrialRunner runner, Function<String, Algorithm> algorithms) {
        return new TrialWork(runner, algorithms);
    }

    /**
     * Work for a run whose context was sent here. The first call for a run rebuilds its fold data (other trials
     * of that run arriving meanwhile wait for it, not redo it); fold data of earlier runs is dropped, since an
     * executor serves one run at a time.
     */
    public static TrialWork of(RunContext context) {
        String key = context.runId() + "/" + context.sha256();
        BY_RUN.keySet().removeIf(k -> !k.equals(key));
        return BY_RUN.computeIfAbsent(key, k -> new TrialWork(
                new TrialRunner(context.folds(), context.metric(), context.settings()),
                id -> AlgorithmCatalogue.byId(id).orElseThrow(
                        () -> new IllegalArgumentException("no algorithm '" + id + "' in this build"))));
    }

    /**
     * Runs a task of a run whose context was sent here ({@link #of} then {@link #run}). Never throws: fold data
     * that cannot be rebuilt (damaged rows, too little memory) makes the trial FAILED with one line.
     */
    public static TrialReport runSent(RunContext context, TrialTask task, Pruner pruner, CancelToken cancel,
                                      String executor) {
        TrialWork work;
        try {
            work = of(context);
        } catch (RuntimeException | OutOfMemoryError e) {
            return TrialReport.of(TrialResult.unscored(task.spec(), TrialStatus.FAILED, 0,
                    "the run's data could not be prepared here: " + TrialRunner.failureReason(e), 0), executor);
        }
        return work.run(task, pruner, cancel, executor);
    }

    /** The runner, for the fold data it works on. */
    public TrialRunner runner() { return runner; }

    /**
     * Runs one task to its end. Never throws: an unknown algorithm, a damaged context or a failing fit is a
     * FAILED result with one line.
     *
     * @param pruner   the run's pruner, or a {@link Pruner#snapshot} of it sent with the task; the losses reported
     *                 to it come back in the report either way
     * @param cancel   stops the trial within about 100 ms
     * @param executor where this runs, for the journal
     */
    public TrialReport run(TrialTask task, Pruner pruner, CancelToken cancel, String executor) {
        List<TrialReport.RungLoss> losses = Collections.synchronizedList(new ArrayList<>());
        // The portfolio's strong defaults are always evaluated in full: one fold of a small data set is too noisy
        // to throw them away on, and the ensemble needs their diversity. Their losses still inform the pruner.
        boolean always = "portfolio".equals(task.spec().origin());
        Pruner recording = (id, rung, loss) -> {
            losses.add(new TrialReport.RungLoss(rung, loss));
            return pruner.report(id, rung, loss) || always;
        };
        TrialResult result;
        try {
            Algorithm algorithm = algorithms.apply(task.spec().algorithm());
            result = runner.run(task.spec(), algorithm, recording, cancel, task.deadlineNanos(), task.cores());
        } catch (RuntimeException e) {
            result = TrialResult.unscored(task.spec(), TrialStatus.FAILED, 0, TrialRunner.failureReason(e), 0);
        }
        return new TrialReport(result, executor, new ArrayList<>(losses));
    }
}
