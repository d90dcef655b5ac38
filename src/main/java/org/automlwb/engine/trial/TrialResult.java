package org.automlwb.engine.trial;

import java.util.Map;
import org.automlwb.engine.Predictions;

/**
 * The outcome of one trial.
 *
 * @param spec        what was tried
 * @param status      how it ended
 * @param score       the run's main metric on the validation rows (out-of-fold), NaN unless OK
 * @param metrics     every applicable metric by key ({@code auc}, {@code rmse}, ...), empty unless OK
 * @param fitSeconds  wall seconds spent on this trial
 * @param error       why it failed, in one line, or null
 * @param oof         out-of-fold predictions for every training row (row order of the training table); null
 *                    unless OK. Kept only for the best trials, for the ensemble.
 * @param rung        the highest successive-halving rung reached (0-based)
 */
public record TrialResult(TrialSpec spec, TrialStatus status, double score, Map<String, Double> metrics,
                          double fitSeconds, String error, Predictions oof, int rung) {
    public TrialResult {
        metrics = Map.copyOf(metrics);
    }

    public boolean ok() { return status == TrialStatus.OK; }

    /** The same result without its out-of-fold predictions, to free memory. */
    public TrialResult withoutOof() {
        return new TrialResult(spec, status, score, metrics, fitSeconds, error, null, rung);
    }
}
