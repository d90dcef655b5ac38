package org.automlwb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.automlwb.common.BadInputException;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.export.ModelExport;
import org.automlwb.export.PredictionsCsv;
import org.automlwb.common.Json;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment read back from its folder, to show it again after a restart: the leaderboard (the journal's
 * trials, plus the ensemble or stack rows that only {@code leaderboard.csv} holds), the chosen model's metrics,
 * its ensemble weights and its out-of-fold predictions for the charts. The model itself is not loaded (a forest
 * can be tens of megabytes and the Results view does not need it), nor is the training data: the result has no
 * model and no data, which its readers already handle.
 */
public final class SavedExperiment {
    private static final Logger LOG = LoggerFactory.getLogger(SavedExperiment.class);

    private SavedExperiment() { }

    /**
     * Reads the experiment in {@code dir}.
     *
     * @param modelsRoot the models folder, where the chosen model was exported under {@code trained_models/<id>}
     * @throws BadInputException when it is not an experiment folder or its config.json cannot be read
     */
    public static ExperimentOutcome read(Path dir, Path modelsRoot) throws BadInputException {
        ExperimentFolder folder = ExperimentFolder.open(dir);
        JsonNode config = json(folder.configJson());
        if (config == null) {
            throw new BadInputException("config.json is not valid JSON", folder.configJson(), 0, null,
                    "the folder may come from another version, or config.json was edited");
        }
        TaskType task = TaskType.valueOf(config.path("task").asText("binary").toUpperCase(Locale.ROOT));
        Metric metric = Metric.fromKey(config.path("metric").asText(Metric.defaultFor(task).key()));
        JsonNode metrics = json(folder.evaluationMetricsJson());
        Map<String, Double> validation = numbers(metrics == null ? null : metrics.path("validation"));
        Map<String, Double> test = numbers(metrics == null ? null : metrics.path("test"));

        List<TrialResult> trials = new ArrayList<>();
        try {
            trials.addAll(Journal.read(folder.journal()));
        } catch (IOException e) {
            LOG.warn("cannot read the journal of {}: {}", dir, e.getMessage());
        }
        int journalled = trials.size();
        trials.addAll(blendRows(folder.leaderboardCsv(), trials));

        JsonNode hyper = json(folder.hyperparametersJson());
        Map<Integer, Double> weights = new LinkedHashMap<>();
        TrialResult leader = null;
        if (hyper != null) {
            hyper.path("members").forEach(m -> weights.put(m.path("trial_id").asInt(), m.path("weight").asDouble()));
            int leaderId = hyper.path("trial_id").asInt(-1);
            for (TrialResult t : trials) if (t.spec().trialId() == leaderId) leader = withMetricsOf(t, validation);
            if (leader != null) trials.replaceAll(t -> t.spec().trialId() == leaderId ? withMetricsOf(t, validation) : t);
        }
        JsonNode state = json(folder.runState());
        double wall = state == null ? 0 : state.path("elapsed_s").asDouble(0);
        RunSummary.Outcome outcome = outcome(state, metrics);
        String message = "opened from its folder" + (leader == null ? ", no model" : "");
        RunSummary summary = new RunSummary(outcome, task, metric, journalled, leader, validation, test, wall, message);

        PredictionsCsv.Loaded oof = null;
        Path vp = folder.dir().resolve(PredictionsCsv.VALIDATION_FILE);
        if (Files.exists(vp)) {
            try {
                oof = PredictionsCsv.read(vp);
            } catch (IOException e) {
                LOG.warn("cannot read the validation predictions of {}: {}", dir, e.getMessage());
            }
        }
        RunResult result = new RunResult(summary, trials, null, weights, null, null, null,
                oof == null ? null : oof.truth(), oof == null ? null : oof.predictions(), null, null);
        return new ExperimentOutcome(folder, result, trainedModel(modelsRoot, folder.id()));
    }

    /** The predicted column named in the experiment's config.json, or null when it cannot be read. */
    public static String target(Path dir) {
        JsonNode config = json(dir.resolve("config.json"));
        return config == null || !config.hasNonNull("target") ? null : config.path("target").asText();
    }

    /** The chosen model exported when the run ended ({@code trained_models/<experiment id>}), or null. */
    private static ModelExport.ExportedModel trainedModel(Path modelsRoot, String id) {
        if (modelsRoot == null) return null;
        Path dir = modelsRoot.resolve("trained_models").resolve(id);
        return Files.isRegularFile(dir.resolve("model_metadata.json")) ? new ModelExport.ExportedModel(id, dir) : null;
    }

    /**
     * The rows of {@code leaderboard.csv} that are not journalled trials: the ensemble and the stack. Their
     * hyperparameters are not kept in a form that reads back, so they come with none.
     */
    private static List<TrialResult> blendRows(Path csvFile, List<TrialResult> trials) {
        if (!Files.isRegularFile(csvFile)) return List.of();
        Set<Integer> known = new HashSet<>();
        for (TrialResult t : trials) known.add(t.spec().trialId());
        List<TrialResult> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csvFile, StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            List<String> header = csv.getHeaderNames();
            String scoreColumn = header.size() > 4 ? header.get(4) : null;
            for (CSVRecord r : csv) {
                int id = Integer.parseInt(r.get("trial_id"));
                if (known.contains(id) || scoreColumn == null) continue;
                String score = r.get(scoreColumn);
                TrialStatus status = TrialStatus.valueOf(r.get("status").toUpperCase(Locale.ROOT));
                String origin = r.isMapped("origin") ? r.get("origin") : r.get("algorithm");
                out.add(new TrialResult(new TrialSpec(id, r.get("algorithm"), Config.empty(), 0, origin), status,
                        score.isEmpty() ? Double.NaN : Double.parseDouble(score), Map.of(),
                        Double.parseDouble(r.get("fit_seconds")), r.isMapped("error") && !r.get("error").isEmpty()
                        ? r.get("error") : null, null, 0));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read {}: {}", csvFile, e.getMessage());
        }
        return out;
    }

    /** The leader's row with the chosen model's full validation metrics when the row had none (a blend). */
    private static TrialResult withMetricsOf(TrialResult t, Map<String, Double> validation) {
        if (!t.metrics().isEmpty() || validation.isEmpty()) return t;
        return new TrialResult(t.spec(), t.status(), t.score(), validation, t.fitSeconds(), t.error(), null, t.rung(),
                t.learned());
    }

    private static RunSummary.Outcome outcome(JsonNode state, JsonNode metrics) {
        if (metrics == null) return RunSummary.Outcome.CANCELLED;
        String ended = state == null ? null : state.path("search_ended").asText(null);
        if (ended != null) {
            try {
                return RunSummary.Outcome.valueOf(ended);
            } catch (IllegalArgumentException e) {
                LOG.debug("unknown search end {}", ended);
            }
        }
        return RunSummary.Outcome.BUDGET_USED;
    }

    private static Map<String, Double> numbers(JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (n == null || !n.isObject()) return out;
        n.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) out.put(e.getKey(), e.getValue().asDouble());
        });
        return out;
    }

    private static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode n = Json.MAPPER.readTree(file.toFile());
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }
}
