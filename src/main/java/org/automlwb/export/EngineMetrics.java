package org.automlwb.export;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.trial.TrialResult;

/**
 * The engines' part of {@code evaluation_metrics.json}: which engine made the chosen model, and for each engine of
 * the run its best model and that model's validation metrics, so that engines compare on the same validation rows.
 */
final class EngineMetrics {
    private EngineMetrics() { }

    /** {@code engine} (the chosen model's) and {@code engines} (each engine's models and best), in rank order. */
    static Map<String, Object> of(RunResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        TrialResult leader = result.summary().leader();
        if (leader != null) out.put("engine", EngineKind.ofAlgorithm(leader.spec().algorithm()).key());
        Map<String, Object> engines = new LinkedHashMap<>();
        List<TrialResult> board = result.leaderboard(); // best first
        for (TrialResult r : board) {
            String key = EngineKind.ofAlgorithm(r.spec().algorithm()).key();
            @SuppressWarnings("unchecked")
            Map<String, Object> e = (Map<String, Object>) engines.computeIfAbsent(key, k -> {
                Map<String, Object> fresh = new LinkedHashMap<>();
                fresh.put("models", 0);
                fresh.put("failed", 0);
                return fresh;
            });
            e.merge(r.ok() ? "models" : "failed", 1, (a, b) -> (Integer) a + (Integer) b);
            if (r.ok() && !e.containsKey("best")) {
                e.put("best", r.spec().algorithm());
                e.put("best_trial_id", r.spec().trialId());
                e.put("validation", r.metrics());
            }
        }
        out.put("engines", engines);
        return out;
    }
}
