package org.automlwb.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunSpec;

/**
 * A run's settings worked out once: which engines, in which order, how they share the budget, and the run spec
 * with every default resolved against the data (task, metric, validation). Saved as {@value #FILE} in the
 * experiment folder before the first model is trained; resume reads the engines back from it instead of working
 * them out again.
 *
 * <p>Several engines run <b>one after another</b> on the same prepared data, in the order the user named them.
 * Each gets an equal share of the budget that is left when it starts: an engine that finishes early (or fails at
 * once) passes its unused time on to the ones after it, and the whole run keeps to the one budget the user gave.
 * One after another rather than side by side, because each engine already uses every core it is given (H2O's
 * and XGBoost's own threads), so running two at once would halve each one's cores and change nothing but the
 * memory peak, which two JVM-heavy engines at once would double.
 *
 * @param engines the engines, in the order they run, each once
 * @param spec    the run's settings as given (the budget is the whole run's)
 */
public record RunPlan(List<EngineKind> engines, RunSpec spec) {
    /** The plan's file name in the experiment folder. */
    public static final String FILE = "plan.json";
    /** How several engines share the budget, as written in the file. */
    public static final String SCHEDULE = "one-after-another, equal share of what is left";
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunPlan {
        engines = List.copyOf(engines);
        if (engines.isEmpty()) throw new IllegalArgumentException("a plan needs at least one engine");
        if (engines.stream().distinct().count() != engines.size()) {
            throw new IllegalArgumentException("an engine is named twice: " + engines);
        }
    }

    /** The plan of a run with the Tribuo engine alone (what every run was before there were other engines). */
    public static RunPlan tribuo(RunSpec spec) { return new RunPlan(List.of(EngineKind.TRIBUO), spec); }

    /**
     * The budget share of the engine that starts now.
     *
     * @param left        wall time left of the run's budget, or null when the run has none (trials only)
     * @param enginesLeft engines still to run, this one included (at least 1)
     * @return the share, or null without a budget
     */
    public static Duration share(Duration left, int enginesLeft) {
        if (left == null) return null;
        if (enginesLeft < 1) throw new IllegalArgumentException("no engine left");
        long ms = Math.max(0, left.toMillis()) / enginesLeft;
        return Duration.ofMillis(ms);
    }

    /**
     * The plan as JSON: engines, schedule, and the settings with the defaults the data decided.
     *
     * @param prepared the run as prepared (its metric, task and validation are the resolved ones)
     */
    public String toJson(PreparedRun prepared) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        ArrayNode e = root.putArray("engines");
        engines.forEach(k -> e.add(k.key()));
        root.put("schedule", engines.size() == 1 ? "single" : SCHEDULE);
        root.put("target", spec.target());
        root.put("task", prepared.data().task().key());
        root.put("metric", prepared.metric().key());
        root.put("validation", prepared.folds().plan().describe());
        if (spec.budget() == null) root.putNull("budget_s"); else root.put("budget_s", spec.budget().toMillis() / 1000.0);
        root.put("max_trials", spec.maxTrials());
        root.put("threads", spec.threads());
        root.put("seed", spec.seed());
        root.put("search", spec.search());
        root.put("folds", spec.folds());
        root.put("holdout_above_rows", spec.holdoutAbove());
        root.put("ensemble", spec.ensemble());
        root.put("executor", spec.executor().kind().key());
        if (spec.executor().master() != null) root.put("master", spec.executor().master());
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Where the trials of a saved plan ran: {@code local} for a plan saved before there were other executors.
     *
     * @param file the file it was read from, for the message
     * @throws BadInputException when the text is not JSON or names an unknown executor
     */
    public static org.automlwb.engine.run.ExecutorSettings readExecutor(String json, Path file)
            throws BadInputException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new BadInputException("the run plan is not valid JSON (" + ex.getOriginalMessage() + ")", file, 0,
                    null, "start a new run instead of resuming");
        }
        JsonNode kind = root == null ? null : root.get("executor");
        if (kind == null || kind.isNull()) return org.automlwb.engine.run.ExecutorSettings.local();
        JsonNode master = root.get("master");
        try {
            org.automlwb.engine.run.ExecutorKind k = org.automlwb.engine.run.ExecutorKind.fromKey(kind.asText());
            return k == org.automlwb.engine.run.ExecutorKind.LOCAL ? org.automlwb.engine.run.ExecutorSettings.local()
                    : new org.automlwb.engine.run.ExecutorSettings(k, master == null ? null : master.asText());
        } catch (IllegalArgumentException e) {
            throw new BadInputException("the run plan names " + e.getMessage(), file, 0, "executor",
                    "start a new run instead of resuming");
        }
    }

    /**
     * The engines of a saved plan.
     *
     * @param file the file it was read from, for the message
     * @throws BadInputException when the text is not a plan or names an unknown engine
     */
    public static List<EngineKind> readEngines(String json, Path file) throws BadInputException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new BadInputException("the run plan is not valid JSON (" + ex.getOriginalMessage() + ")", file, 0,
                    null, "start a new run instead of resuming");
        }
        JsonNode list = root == null ? null : root.get("engines");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new BadInputException("the run plan names no engine", file, 0, null,
                    "start a new run instead of resuming");
        }
        List<EngineKind> out = new ArrayList<>();
        for (JsonNode n : list) out.add(EngineKind.fromKey(n.asText()));
        return out;
    }
}
