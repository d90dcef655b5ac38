package org.automlwb.engine.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;

/**
 * Drives a searcher against a known objective, one trial at a time, as the orchestrator would with one
 * worker. The objective gives the score of RMSE-like metrics (lower is better); NaN means the trial failed.
 */
final class Simulation {
    private Simulation() { }

    static List<TrialResult> run(Searcher searcher, int budget, ToDoubleFunction<TrialSpec> objective) {
        List<TrialResult> results = new ArrayList<>();
        for (int id = 1; id <= budget; id++) {
            Optional<TrialSpec> spec = searcher.suggest(id);
            if (spec.isEmpty()) break;
            TrialResult r = resultOf(spec.get(), objective.applyAsDouble(spec.get()));
            searcher.onTrialComplete(r);
            results.add(r);
        }
        return results;
    }

    static TrialResult resultOf(TrialSpec spec, double score) {
        return Double.isNaN(score)
                ? new TrialResult(spec, TrialStatus.FAILED, Double.NaN, Map.of(), 0.1, "boom", null, 0)
                : new TrialResult(spec, TrialStatus.OK, score, Map.of("rmse", score), 0.1, null, null, 0);
    }

    static TrialResult withStatus(TrialSpec spec, TrialStatus status) {
        return new TrialResult(spec, status, Double.NaN, Map.of(), 0.1, status.name(), null, 0);
    }

    static double bestScore(List<TrialResult> results) {
        return results.stream().filter(TrialResult::ok).mapToDouble(TrialResult::score).min()
                .orElse(Double.POSITIVE_INFINITY);
    }
}
