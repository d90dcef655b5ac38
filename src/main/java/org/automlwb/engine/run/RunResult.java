package org.automlwb.engine.run;

import java.util.List;
import java.util.Map;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.ValidationPlan;

/**
 * Everything a finished run produced.
 *
 * @param summary        how it ended, and the chosen model's metrics
 * @param leaderboard    every trial (and the ensemble, if built), best first
 * @param model          the chosen model refit on all training rows, or null when no trial succeeded
 * @param weights        ensemble weights by trial id when the chosen model is an ensemble, else empty
 * @param plan           the validation plan the trials were scored with
 * @param data           the training data as the engine saw it (task, targets, class names)
 * @param testPredictions the chosen model's predictions on the test file, or null without one
 * @param validationTargets the true values of the validated rows ({@code plan.scoredRows()}), or null
 * @param validationPredictions the chosen model's out-of-fold predictions for those rows, or null when they were
 *                              not kept (a resumed run whose leader was journalled before the resume)
 * @param sample         the rows the search worked on ({@code plan} indexes them), or null when not known
 * @param refit          the rows the final model was trained on, or null when not known
 */
public record RunResult(RunSummary summary, List<TrialResult> leaderboard, ModelBundle model,
                        Map<Integer, Double> weights, ValidationPlan plan, LabelledData data,
                        Predictions testPredictions, Targets validationTargets, Predictions validationPredictions,
                        SearchSample sample, RefitRows refit) {
    public RunResult {
        leaderboard = List.copyOf(leaderboard);
        weights = Map.copyOf(weights);
    }

    /** The validated rows as row numbers of the training data ({@code plan.scoredRows()} index the sample). */
    public int[] scoredRows() {
        int[] scored = plan.scoredRows();
        return sample == null ? scored : sample.original(scored);
    }

    /** The larger source the training rows were drawn from (data read through Spark), or null. */
    public SampledSource source() {
        return sample == null ? null : sample.source();
    }

    /** The training rows the run held (drawn from {@link #source()} when there is one). */
    public int trainingRows() {
        return sample != null ? sample.total() : data != null ? data.rows() : 0;
    }

    /** Rows the search worked on. */
    public int searchedRows() {
        return sample != null ? sample.size() : trainingRows();
    }

    /** Rows the final model was trained on. */
    public int trainedRows() {
        return refit != null ? refit.size() : data != null ? data.rows() : 0;
    }
}
