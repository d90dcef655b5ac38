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
 * @param executor        where the trials run: this JVM's threads, or a Spark cluster
 */
public record RunSpec(String target, TaskType task, Metric metric, Duration budget, int maxTrials, int threads,
                      long seed, String search, List<String> algorithms, int folds, int holdoutAbove,
                      double trialCapSeconds, boolean ensemble, SpaceFile space, ExecutorSettings executor) {
    public RunSpec {
        if (space == null) space = SpaceFile.empty();
        if (executor == null) executor = ExecutorSettings.local();
        algorithms = List.copyOf(algorithms);
        if (budget == null && maxTrials <= 0) {
            throw new IllegalArgumentException("a run needs a budget or a maximum number of trials");
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (folds < 2) throw new IllegalArgumentException("folds must be at least 2");
    }

    /** A run whose trials run on this JVM's threads. */
    public RunSpec(String target, TaskType task, Metric metric, Duration budget, int maxTrials, int threads, long seed,
                   String search, List<String> algorithms, int folds, int holdoutAbove, double trialCapSeconds,
                   boolean ensemble, SpaceFile space) {
        this(target, task, metric, budget, maxTrials, threads, seed, search, algorithms, folds, holdoutAbove,
                trialCapSeconds, ensemble, space, ExecutorSettings.local());
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

    public RunSpec withTarget(String value) { return toBuilder().target(value).build(); }
    public RunSpec withBudget(Duration value) { return toBuilder().budget(value).build(); }
    public RunSpec withMaxTrials(int value) { return toBuilder().maxTrials(value).build(); }
    public RunSpec withThreads(int value) { return toBuilder().threads(value).build(); }
    public RunSpec withSeed(long value) { return toBuilder().seed(value).build(); }
    public RunSpec withTask(TaskType value) { return toBuilder().task(value).build(); }
    public RunSpec withMetric(Metric value) { return toBuilder().metric(value).build(); }
    public RunSpec withSearch(String value) { return toBuilder().search(value).build(); }
    public RunSpec withAlgorithms(List<String> value) { return toBuilder().algorithms(value).build(); }
    public RunSpec withSpace(SpaceFile value) { return toBuilder().space(value).build(); }
    public RunSpec withHoldoutAbove(int value) { return toBuilder().holdoutAbove(value).build(); }
    public RunSpec withEnsemble(boolean value) { return toBuilder().ensemble(value).build(); }
    public RunSpec withFolds(int value) { return toBuilder().folds(value).build(); }
    public RunSpec withExecutor(ExecutorSettings value) { return toBuilder().executor(value).build(); }

    /** A builder holding this spec's values, to change several at once. */
    public Builder toBuilder() { return new Builder(this); }

    /** Changes a spec field by field; {@link #build} checks the result like the constructor does. */
    public static final class Builder {
        private String target;
        private TaskType task;
        private Metric metric;
        private Duration budget;
        private int maxTrials;
        private int threads;
        private long seed;
        private String search;
        private List<String> algorithms;
        private int folds;
        private int holdoutAbove;
        private double trialCapSeconds;
        private boolean ensemble;
        private SpaceFile space;
        private ExecutorSettings executor;

        private Builder(RunSpec s) {
            target = s.target;
            task = s.task;
            metric = s.metric;
            budget = s.budget;
            maxTrials = s.maxTrials;
            threads = s.threads;
            seed = s.seed;
            search = s.search;
            algorithms = s.algorithms;
            folds = s.folds;
            holdoutAbove = s.holdoutAbove;
            trialCapSeconds = s.trialCapSeconds;
            ensemble = s.ensemble;
            space = s.space;
            executor = s.executor;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder task(TaskType value) {
            task = value;
            return this;
        }

        public Builder metric(Metric value) {
            metric = value;
            return this;
        }

        public Builder budget(Duration value) {
            budget = value;
            return this;
        }

        public Builder maxTrials(int value) {
            maxTrials = value;
            return this;
        }

        public Builder threads(int value) {
            threads = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder search(String value) {
            search = value;
            return this;
        }

        public Builder algorithms(List<String> value) {
            algorithms = value;
            return this;
        }

        public Builder folds(int value) {
            folds = value;
            return this;
        }

        public Builder holdoutAbove(int value) {
            holdoutAbove = value;
            return this;
        }

        public Builder trialCapSeconds(double value) {
            trialCapSeconds = value;
            return this;
        }

        public Builder ensemble(boolean value) {
            ensemble = value;
            return this;
        }

        public Builder space(SpaceFile value) {
            space = value;
            return this;
        }

        public Builder executor(ExecutorSettings value) {
            executor = value;
            return this;
        }

        public RunSpec build() {
            return new RunSpec(target, task, metric, budget, maxTrials, threads, seed, search, algorithms, folds,
                    holdoutAbove, trialCapSeconds, ensemble, space, executor);
        }
    }
}
