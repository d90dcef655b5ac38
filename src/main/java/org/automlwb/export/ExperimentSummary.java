package org.automlwb.export;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One experiment as a list of experiments shows it: where its data came from, what it predicted, how well, and
 * when. Read from the files a run writes ({@code config.json}, {@code evaluation_metrics.json},
 * {@code hyperparameters.json}, {@code trials.jsonl}); nothing is loaded or trained.
 *
 * @param id         the folder name, e.g. {@code 20261207-133852-big2m}
 * @param dir        the experiment folder
 * @param data       the training file's name
 * @param target     the predicted column
 * @param task       binary, multiclass or regression
 * @param metric     the optimised metric's key
 * @param validation the chosen model's validation score, or null when the run produced no model
 * @param test       its score on the test file, or null without one
 * @param leader     the chosen model's algorithm (or {@code ensemble}, {@code stack}), or null
 * @param trials     trials run (the ensemble and the stack are not counted)
 * @param created    when the run started (ISO-8601), or null
 * @param budgetSeconds the time budget, or null for a run bounded by its number of trials
 * @param engine     the AutoML engine that ran it ({@code workbench} for this product's own)
 * @param problem    why the folder could not be read in full, or null
 * @param name       the name a person gave it ({@link ExperimentDisplayName}), or null
 */
public record ExperimentSummary(String id, Path dir, String data, String target, String task, String metric,
                                Double validation, Double test, String leader, int trials, String created,
                                Double budgetSeconds, String engine, String problem,
                                String name) {
    /** The engine of experiments written before runs recorded theirs. */
    public static final String DEFAULT_ENGINE = "workbench";

    /** What a person calls it: the name given to it, else its id. */
    public String displayName() { return name != null ? name : id; }

    /** For {@code --json}: the fields by name, the folder as an absolute path. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("path", dir.toAbsolutePath().normalize().toString());
        m.put("data", data);
        m.put("target", target);
        m.put("task", task);
        m.put("metric", metric);
        m.put("validation", validation);
        m.put("test", test);
        m.put("leader", leader);
        m.put("trials", trials);
        m.put("created", created);
        m.put("budget_s", budgetSeconds);
        m.put("engine", engine);
        if (problem != null) m.put("problem", problem);
        if (name != null) m.put("name", name);
        return m;
    }
}
