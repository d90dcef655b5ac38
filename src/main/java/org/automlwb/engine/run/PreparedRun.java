package org.automlwb.engine.run;

import java.util.List;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.trial.FoldData;
import org.automlwb.prep.Recipe;

/**
 * A run whose inputs have been checked: task, metric, folds and algorithms are known, so nothing the user gave
 * can fail any more. Made by {@link AutoMLRun#prepare} before any file is written.
 *
 * @param spec       the run's settings
 * @param data       training rows with a target
 * @param test       test rows with a target, or null
 * @param metric     the metric to optimise
 * @param recipe     the preprocessing recipe (unfitted)
 * @param folds      the validation plan and its lazily prepared folds
 * @param shape      the data's shape after preprocessing
 * @param algorithms the algorithms that take part, with the user's space overrides applied
 * @param startNanos when preparation began: the budget counts from here
 * @param fold0Seconds how long preprocessing fold 0 took: the refit on all rows needs about as long again
 * @param sample     the rows the search works on ({@code folds} is built on them); the refit may use more
 */
public record PreparedRun(RunSpec spec, LabelledData data, LabelledData test, Metric metric, Recipe recipe,
                          FoldData folds, DataShape shape, List<Algorithm> algorithms, long startNanos,
                          double fold0Seconds, SearchSample sample) {
    public PreparedRun {
        algorithms = List.copyOf(algorithms);
    }

    /** The data the search works on: {@link #data} or a sample of it. */
    public LabelledData searched() { return folds.data(); }

    /**
     * This run as one engine's part of a run of several: its own budget on its own clock. The data, folds and
     * everything checked stay the same, so every engine works on the same rows and validation.
     *
     * @param budget     the engine's share, or null when the run is bounded by trials only
     * @param startNanos when the share's clock starts ({@link System#nanoTime()})
     */
    public PreparedRun forShare(java.time.Duration budget, long startNanos) {
        RunSpec s = budget == null ? spec : spec.withBudget(budget);
        return new PreparedRun(s, data, test, metric, recipe, folds, shape, algorithms, startNanos, fold0Seconds,
                sample);
    }

    public Algorithm algorithm(String id) {
        return algorithms.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no algorithm '" + id + "' in this run"));
    }
}
