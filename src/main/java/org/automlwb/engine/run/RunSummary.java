package org.automlwb.engine.run;

import java.util.Map;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.trial.TrialResult;

/**
 * How a run ended, in a form every front end can show.
 *
 * @param outcome     why it stopped
 * @param task        the task
 * @param metric      the optimised metric
 * @param trials      trials finished (all statuses)
 * @param leader      the chosen model's leaderboard entry (a trial, or the ensemble), or null if none succeeded
 * @param validation  the chosen model's validation metrics (out-of-fold), by key
 * @param test        its metrics on the separate test file, by key; empty without one
 * @param wallSeconds wall time of the whole run, data preparation included
 * @param message     one line for people
 */
public record RunSummary(Outcome outcome, TaskType task, Metric metric, int trials, TrialResult leader,
                         Map<String, Double> validation, Map<String, Double> test, double wallSeconds,
                         String message) {
    public RunSummary {
        validation = Map.copyOf(validation);
        test = Map.copyOf(test);
    }

    /** Why a run stopped. */
    public enum Outcome { BUDGET_USED, MAX_TRIALS, SEARCH_EXHAUSTED, CANCELLED, FAILED }
}
