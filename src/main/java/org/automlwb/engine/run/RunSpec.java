package org.automlwb.engine.run;

import java.time.Duration;
import java.util.List;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.SpaceFile;

/**
 * Everything that defines an AutoML run, apart from the data. Immutable.
 *
 * @param target          the column to predict
 * @param task            forced task, or null to infer it from the target
 * @param metric          the metric to optimise, or null for the task's default
 * @param budget          wall-clock budget including ensemble and refit, or null for none
 * @param maxTrials       the most trials to run, or 0 for no limit (at least one of budget / maxTrials is set)
 * @param threads         cores the run may use: trial threads plus native threads inside trials
 * @param seed            seed for folds, searchers and trainers
 * @param search          {@code auto} (portfolio then model-based), {@code tpe}, {@code random} or {@code portfolio}
 * @param algorithms      algorithm ids to consider, or empty for the whole catalogue
 * @param folds           cross-validation folds on small data
 * @param holdoutAbove    rows above which a stratified holdout replaces k-fold
 * @param trialCapSeconds wall seconds one trial may take at most (0 = a share of the budget)
 * @param ensemble        whether to build a Caruana ensemble at the end
 * @param space           algorithms switched off and ranges replaced (the search-space editor / space.json)
 */
public record RunSpec(String target, TaskType task, Metric metric, Duration budget, int maxTrials, int threads,
                      long seed, String search, List<String> algorithms, int folds, int holdoutAbove,
                      double trialCapSeconds, boolean ensemble, SpaceFile space) {
    public RunSpec {
        if (space == null) space = SpaceFile.empty();
        algorithms = List.copyOf(algorithms);
        if (budget == null && maxTrials <= 0) {
            throw new IllegalArgumentException("a run needs a budget or a maximum number of trials");
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (folds < 2) throw new IllegalArgumentException("folds must be at least 2");
    }

    /** A run with the usual defaults: 60 s, all cores, seed 42, automatic search, 5 folds, ensemble on. */
    public static RunSpec defaults(String target) {
        Duration budget = Duration.ofSeconds(60);
        return new RunSpec(target, null, null, budget, 0, Runtime.getRuntime().availableProcessors(), 42L, "auto",
                List.of(), 5, holdoutAboveFor(budget), 0, true, SpaceFile.empty());
    }

    /**
     * Rows above which a holdout replaces cross-validation. With a budget of minutes, five folds of 10,000+ rows
     * leave time for only a handful of trials (adult, 39k rows: 8-12 s per trial on 2 cores), and a 20% holdout
     * of that size already scores reliably; longer budgets can afford cross-validation up to 50,000 rows.
     */
    public static int holdoutAboveFor(Duration budget) {
        return budget != null && budget.compareTo(Duration.ofMinutes(5)) <= 0 ? 10_000 : 50_000;
    }

    /**
     * Whether the run must be reproducible trial for trial: only when it is bounded by trial count alone, since
     * a wall-clock budget makes the number of trials depend on the machine.
     */
    public boolean reproducible() { return budget == null && maxTrials > 0; }

    public RunSpec withTarget(String t) {
        return new RunSpec(t, task, metric, budget, maxTrials, threads, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withBudget(Duration b) {
        return new RunSpec(target, task, metric, b, maxTrials, threads, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withMaxTrials(int n) {
        return new RunSpec(target, task, metric, budget, n, threads, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withThreads(int n) {
        return new RunSpec(target, task, metric, budget, maxTrials, n, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withSeed(long s) {
        return new RunSpec(target, task, metric, budget, maxTrials, threads, s, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withTask(TaskType t) {
        return new RunSpec(target, t, metric, budget, maxTrials, threads, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withMetric(Metric m) {
        return new RunSpec(target, task, m, budget, maxTrials, threads, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withSearch(String s) {
        return new RunSpec(target, task, metric, budget, maxTrials, threads, seed, s, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withAlgorithms(List<String> ids) {
        return new RunSpec(target, task, metric, budget, maxTrials, threads, seed, search, ids, folds, holdoutAbove,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withSpace(SpaceFile f) {
        return new RunSpec(target, task, metric, budget, maxTrials, threads, seed, search, algorithms, folds,
                holdoutAbove, trialCapSeconds, ensemble, f);
    }

    public RunSpec withHoldoutAbove(int rows) {
        return new RunSpec(target, task, metric, budget, maxTrials, threads, seed, search, algorithms, folds, rows,
                trialCapSeconds, ensemble, space);
    }

    public RunSpec withEnsemble(boolean e) {
        return new RunSpec(target, task, metric, budget, maxTrials, threads, seed, search, algorithms, folds,
                holdoutAbove, trialCapSeconds, e, space);
    }
}
