package org.automlwb.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.data.SampledSource;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.export.bundle.BundleLayout;
import org.automlwb.export.bundle.BundleWriter;

/**
 * Writes a finished run's results into its experiment folder: {@code leaderboard.csv},
 * {@code hyperparameters.json}, {@code evaluation_metrics.json}, {@code validation_predictions.csv}
 * ({@link PredictionsCsv}) and the chosen model's bundle ({@link BundleWriter}: {@code model_artifact_<n>.*} with
 * {@code preprocessing_pipeline_<n>.json}, {@code model.onnx} where a single model exports, and
 * {@code final_model.json}, which says how they combine). Every file is written atomically.
 */
public final class ExperimentWriter {
    /** Describes the chosen model's files: kind, members, weights, task, classes. */
    public static final String FINAL_MODEL_JSON = BundleLayout.EXPERIMENT.metadataFile();

    private ExperimentWriter() { }

    public static void write(ExperimentFolder folder, RunResult result) throws BadInputException {
        RunSummary s = result.summary();
        AtomicFiles.writeString(folder.leaderboardCsv(),
                LeaderboardCsv.format(result.leaderboard(), s.metric().key()));
        Map<String, Object> metrics = evaluationMetrics(s);
        metrics.putAll(EngineMetrics.of(result));
        if (result.sample() != null && (result.sample().sampled() || result.sample().source() != null)) {
            metrics.put("rows", rows(result));
        }
        AtomicFiles.writeString(folder.evaluationMetricsJson(), Json.pretty(metrics));
        if (result.validationPredictions() != null && result.validationTargets() != null) {
            AtomicFiles.writeString(folder.dir().resolve(PredictionsCsv.VALIDATION_FILE), PredictionsCsv.format(
                    result.scoredRows(), result.validationTargets(), result.validationPredictions()));
        }
        if (result.model() == null) return;
        AtomicFiles.writeString(folder.hyperparametersJson(), Json.pretty(hyperparameters(result)));
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("target", result.data().target());
        BundleWriter.write(result.model(), folder.dir(), BundleLayout.EXPERIMENT, extra);
    }

    /**
     * How many rows the search and the final model used, when the data was large enough to sample: the report
     * and the log say so, since the validation figures then come from the sample.
     */
    private static Map<String, Object> rows(RunResult result) {
        Map<String, Object> rows = new LinkedHashMap<>();
        rows.put("training", result.sample().total());
        rows.put("searched", result.sample().size());
        rows.put("final_model", result.trainedRows());
        if (result.refit() != null && result.refit().reason() != null) {
            rows.put("final_model_note", result.refit().reason());
        }
        SampledSource source = result.sample().source();
        if (source != null) {
            // The training rows were drawn from a larger source: its total, and why each level has its size.
            rows.put("source", source.location());
            rows.put("source_rows", source.totalRows());
            rows.put("drawn_note", source.drawnLimit());
            rows.put("searched_note", source.searchLimit());
        }
        return rows;
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
