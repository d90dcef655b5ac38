package org.automlwb.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.EnsembleModel;
import org.automlwb.engine.FinalModel;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;

/**
 * Writes a finished run's results into its experiment folder: {@code leaderboard.csv},
 * {@code hyperparameters.json}, {@code evaluation_metrics.json}, the chosen model's Tribuo artifacts
 * ({@code model_artifact_<n>.tribuo} with {@code preprocessing_pipeline_<n>.json}) and {@code final_model.json},
 * which says how they combine, {@code model.onnx} where a single model exports ({@link OnnxExport}), and {@code validation_predictions.csv} ({@link PredictionsCsv}). Every file is
 * written atomically.
 */
public final class ExperimentWriter {
    /** Describes the chosen model's files: kind, members, weights, task, classes. */
    public static final String FINAL_MODEL_JSON = "final_model.json";

    private ExperimentWriter() { }

    public static void write(ExperimentFolder folder, RunResult result) throws BadInputException {
        RunSummary s = result.summary();
        AtomicFiles.writeString(folder.leaderboardCsv(),
                LeaderboardCsv.format(result.leaderboard(), s.metric().key()));
        AtomicFiles.writeString(folder.evaluationMetricsJson(), Json.pretty(evaluationMetrics(s)));
        if (result.validationPredictions() != null && result.validationTargets() != null) {
            AtomicFiles.writeString(folder.dir().resolve(PredictionsCsv.VALIDATION_FILE), PredictionsCsv.format(
                    result.plan().scoredRows(), result.validationTargets(), result.validationPredictions()));
        }
        if (result.model() == null) return;
        AtomicFiles.writeString(folder.hyperparametersJson(), Json.pretty(hyperparameters(result)));
        List<Map<String, Object>> members = new ArrayList<>();
        List<SingleModel> singles = singles(result.model());
        double[] weights = result.model() instanceof EnsembleModel e ? e.weights() : new double[] {1.0};
        for (int i = 0; i < singles.size(); i++) {
            SingleModel m = singles.get(i);
            int n = i + 1;
            AtomicFiles.write(folder.modelArtifact(n), tmp -> m.model().serializeToFile(tmp));
            AtomicFiles.writeString(folder.dir().resolve("preprocessing_pipeline_" + n + ".json"),
                    m.features().toJson());
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("artifact", folder.modelArtifact(n).getFileName().toString());
            member.put("pipeline", "preprocessing_pipeline_" + n + ".json");
            member.put("algorithm", m.algorithmId());
            member.put("hyperparameters", m.config().values());
            member.put("weight", weights[i]);
            members.add(member);
        }
        // ONNX for a single model only: an ensemble's members would need combining outside ONNX
        boolean onnx = singles.size() == 1 && OnnxExport.tryWrite(singles.get(0), folder.dir());
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("kind", singles.size() > 1 ? "ensemble" : "single");
        fm.put("task", s.task().key());
        fm.put("target", result.data().target());
        fm.put("classes", result.model().classNames());
        fm.put("members", members);
        if (onnx) fm.put("onnx", OnnxExport.MODEL_FILE);
        AtomicFiles.writeString(folder.dir().resolve(FINAL_MODEL_JSON), Json.pretty(fm));
    }

    /** {@code evaluation_metrics.json}: task, metric, validation metrics and (with a test file) test metrics. */
    static Map<String, Object> evaluationMetrics(RunSummary s) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("task", s.task().key());
        metrics.put("metric", s.metric().key());
        metrics.put("validation", s.validation());
        if (!s.test().isEmpty()) metrics.put("test", s.test());
        return metrics;
    }

    private static List<SingleModel> singles(FinalModel model) {
        if (model instanceof SingleModel s) return List.of(s);
        List<SingleModel> out = new ArrayList<>();
        for (EnsembleModel.Member m : ((EnsembleModel) model).members()) out.addAll(singles(m.model()));
        return out;
    }

    private static Map<String, Object> hyperparameters(RunResult result) {
        TrialResult leader = result.summary().leader();
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("algorithm", leader.spec().algorithm());
        h.put("trial_id", leader.spec().trialId());
        h.put("seed", leader.spec().seed());
        if (result.weights().isEmpty()) {
            h.put("hyperparameters", leader.spec().config().values());
        } else {
            List<Map<String, Object>> members = new ArrayList<>();
            for (TrialResult r : result.leaderboard()) {
                Double w = result.weights().get(r.spec().trialId());
                if (w == null) continue;
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("trial_id", r.spec().trialId());
                m.put("weight", w);
                m.put("algorithm", r.spec().algorithm());
                m.put("hyperparameters", r.spec().config().values());
                members.add(m);
            }
            h.put("members", members);
        }
        return h;
    }

    /** Exposed for callers that need to name an IO failure the same way. */
    static BadInputException cannotWrite(Path p, IOException e) { return AtomicFiles.cannotWrite(p, e); }
}
