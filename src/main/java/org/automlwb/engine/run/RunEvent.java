package org.automlwb.engine.run;

import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;

/**
 * What a run reports while it goes, to any number of {@link RunListener}s. Every event carries the seconds
 * elapsed since the run started.
 */
public sealed interface RunEvent {
    double elapsedSeconds();

    /** Data prepared, search about to start. */
    record RunStarted(double elapsedSeconds, TaskType task, Metric metric, int rows, int features,
                      String validation, int algorithms) implements RunEvent { }

    /** The run moved to another stage: {@code search}, {@code ensemble}, {@code refit}, {@code test}, {@code write}. */
    record StageChanged(double elapsedSeconds, String stage, String message) implements RunEvent { }

    record TrialStarted(double elapsedSeconds, TrialSpec spec) implements RunEvent { }

    /** A trial ended, whatever its status (OK, pruned, failed, timed out, cancelled). */
    record TrialFinished(double elapsedSeconds, TrialResult result) implements RunEvent { }

    /**
     * The search is over (why, and how many trials it launched in all, earlier runs' included); the ensemble and
     * the refit follow. Also said by a resumed run that found the search already over.
     */
    record SearchEnded(double elapsedSeconds, RunSummary.Outcome reason, int trials) implements RunEvent { }

    /** A trial (or the ensemble) became the best so far. */
    record BestChanged(double elapsedSeconds, TrialResult best) implements RunEvent { }

    /** The run ended: normally, stopped by the user, or with an error. */
    record RunFinished(double elapsedSeconds, RunSummary summary) implements RunEvent { }
}
