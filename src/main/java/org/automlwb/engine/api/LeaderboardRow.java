package org.automlwb.engine.api;

import java.util.Map;
import java.util.TreeMap;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialStatus;

/**
 * One model on a run's leaderboard, whichever engine made it.
 *
 * @param engine          the engine that made it
 * @param modelId         its id in the run (the trial id: unique across the run's engines)
 * @param algorithm       its algorithm id ({@code xgboost}, {@code h2o.gbm}, ...)
 * @param hyperparameters the settings it was trained with, by name
 * @param status          how it ended
 * @param score           the run's metric on the validation rows, NaN unless it succeeded
 * @param metrics         every applicable metric on the same rows, by key ({@code auc}, {@code rmse}, ...)
 * @param seconds         wall seconds it took
 * @param error           why it failed, one line, or null
 */
public record LeaderboardRow(EngineKind engine, int modelId, String algorithm, Map<String, Object> hyperparameters,
                             TrialStatus status, double score, Map<String, Double> metrics, double seconds,
                             String error) {
    public LeaderboardRow {
        hyperparameters = Map.copyOf(new TreeMap<>(hyperparameters));
        metrics = Map.copyOf(metrics);
    }

    /** The row of one finished trial; its engine is read from its algorithm id. */
    public static LeaderboardRow of(TrialResult r) {
        String algorithm = r.spec().algorithm();
        return new LeaderboardRow(EngineKind.ofAlgorithm(algorithm), r.spec().trialId(), algorithm,
                r.spec().config().values(), r.status(), r.score(), r.metrics(), r.fitSeconds(), r.error());
    }
}
