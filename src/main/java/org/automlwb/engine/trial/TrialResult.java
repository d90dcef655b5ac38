package org.automlwb.engine.trial;

import java.util.Map;
import java.util.TreeMap;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.space.Config;

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
 * @param learned     settings the fits chose themselves, averaged over the folds (e.g. the boosting rounds early
 *                    stopping kept), which the final refit on all rows reuses; empty for most algorithms
 */
public record TrialResult(TrialSpec spec, TrialStatus status, double score, Map<String, Double> metrics,
                          double fitSeconds, String error, Predictions oof, int rung, Map<String, Object> learned)
        implements java.io.Serializable {
    public TrialResult {
        metrics = Map.copyOf(metrics);
        learned = learned == null ? Map.of() : Map.copyOf(new TreeMap<>(learned));
    }

    /** A result whose fits learnt nothing beyond their configuration. */
    public TrialResult(TrialSpec spec, TrialStatus status, double score, Map<String, Double> metrics,
                       double fitSeconds, String error, Predictions oof, int rung) {
        this(spec, status, score, metrics, fitSeconds, error, oof, rung, Map.of());
    }

    /**
     * A trial that ended without a score (failed, timed out, cancelled, pruned): no metrics, no predictions.
     *
     * @param error why, in one line, or null
     * @param rung  the highest rung it reached
     */
    public static TrialResult unscored(TrialSpec spec, TrialStatus status, double fitSeconds, String error, int rung) {
        if (status == TrialStatus.OK) throw new IllegalArgumentException("an OK trial has a score");
        return new TrialResult(spec, status, Double.NaN, Map.of(), fitSeconds, error, null, rung);
    }

    public boolean ok() { return status == TrialStatus.OK; }

    /** The configuration to refit on all rows: the trial's, with what its fits learnt put in. */
    public Config refitConfig() {
        Config c = spec.config();
        for (Map.Entry<String, Object> e : learned.entrySet()) c = c.with(e.getKey(), e.getValue());
        return c;
    }

    /** The same result without its out-of-fold predictions, to free memory. */
    public TrialResult withoutOof() {
        return new TrialResult(spec, status, score, metrics, fitSeconds, error, null, rung, learned);
    }
}
