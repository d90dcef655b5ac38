package org.automlwb.ui.run;

import java.util.Map;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialStatus;

/**
 * One line of a leaderboard as the tables show it.
 *
 * @param rank       1 for the best scored trial; 0 for trials without a final score (pruned, failed, timed out)
 * @param trialId    the engine's trial number
 * @param algorithm  algorithm id
 * @param params     the key hyperparameters, {@code name=value, ...}
 * @param score      the validation score on the run's metric, NaN when none
 * @param fitSeconds training time over all folds
 * @param status     how the trial ended
 * @param error      why it failed, or empty
 * @param metrics    every validation metric of the trial
 */
public record LeaderRow(int rank, int trialId, String algorithm, String params, double score, double fitSeconds,
                        TrialStatus status, String error, Map<String, Double> metrics) {
    public LeaderRow {
        error = error == null ? "" : error;
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** The row of {@code r} at {@code rank}. */
    public static LeaderRow of(TrialResult r, int rank) {
        String params = r.spec().config() == null ? "" : r.spec().config().toString();
        return new LeaderRow(rank, r.spec().trialId(), r.spec().algorithm(), params, r.score(), r.fitSeconds(),
                r.status(), r.error(), r.metrics());
    }

    /** The engine that made the model, by its short key ({@code tribuo}, {@code h2o}), read from its algorithm id. */
    public String engine() { return EngineKind.ofAlgorithm(algorithm).key(); }

    /** The same row at another rank. */
    LeaderRow withRank(int newRank) {
        return newRank == rank ? this : new LeaderRow(newRank, trialId, algorithm, params, score, fitSeconds, status,
                error, metrics);
    }
}
