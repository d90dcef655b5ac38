package org.automlwb.export.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.ExperimentFolder;

/**
 * What a scheduled retraining repeats, read once from an experiment's {@code config.json}: the same target, task,
 * metric, budget, trials, seed, search, algorithms, folds, ensemble choice, recipe and search space, and where the
 * result goes.
 *
 * @param experimentId the experiment it repeats
 * @param name         the served model it deploys to
 * @param target       the column to predict
 * @param task         the forced task key, or null when the run detected it
 * @param metric       the metric key
 * @param budgetSeconds the wall-clock budget, or null for none
 * @param maxTrials    the trial limit, 0 for none
 * @param seed         the seed
 * @param threads      cores a run uses
 * @param search       the search strategy
 * @param algorithms   the algorithms the user asked for (empty: the default catalogue)
 * @param folds        cross-validation folds
 * @param ensemble     whether a run builds an ensemble
 * @param recipeJson   the preprocessing recipe (unfitted), as the {@code --recipe} file holds it
 * @param spaceJson    the search space, as the {@code --space} file holds it
 * @param testData     the fixed test file every new model and the served one are compared on
 * @param schedule     when to retrain: a cron expression or {@code @daily}, {@code @weekly}, ...
 * @param image        the container image that holds this product ({@code automl-workbench} on its PATH)
 */
public record RetrainPlan(String experimentId, String name, String target, String task, String metric,
                          Double budgetSeconds, int maxTrials, long seed, int threads, String search,
                          List<String> algorithms, int folds, boolean ensemble, String recipeJson, String spaceJson,
                          String testData, String schedule, String image) {
    /** The file names the recipe and search space are written to beside the pipeline. */
    public static final String RECIPE_FILE = "recipe.json";
    public static final String SPACE_FILE = "space.json";

    private static final java.util.regex.Pattern SCHEDULE = java.util.regex.Pattern.compile(
            "@(yearly|annually|monthly|weekly|daily|midnight|hourly)|([0-9*,/?-]+\\s+){4}[0-9*,/?-]+");

    public RetrainPlan {
        algorithms = List.copyOf(algorithms);
    }

    /**
     * Reads the plan from an experiment folder.
     *
     * @param name     the served model's name
     * @param testData the test file, or null for the experiment's own {@code --test} file
     * @throws BadInputException when the folder is not an experiment, there is no test file, or the schedule is
     *                           not one both orchestrators read
     */
    public static RetrainPlan of(Path experimentDir, String name, String testData, String schedule, String image)
            throws BadInputException {
        ExperimentFolder folder = ExperimentFolder.open(experimentDir);
        if (!SCHEDULE.matcher(schedule.trim()).matches()) {
            throw new BadInputException("'" + schedule + "' is not a schedule Airflow and Argo both read",
                    "use @hourly, @daily, @weekly, @monthly or a five-field cron expression such as \"0 3 * * 1\"");
        }
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(Files.readString(folder.configJson()));
        } catch (IOException e) {
            throw new BadInputException("cannot read the experiment's settings (" + e.getMessage() + ")",
                    folder.configJson(), 0, null, "the folder may be incomplete or from another version");
        }
        String test = testData != null ? testData : n.path("test_data").path("path").asText(null);
        if (test == null) {
            throw new BadInputException("the experiment had no test file, and a retraining compares the new model "
                    + "with the served one on a fixed test file", folder.configJson(), 0, null,
                    "give one with --test FILE");
        }
        List<String> algorithms = new ArrayList<>();
        n.path("algorithms_requested").forEach(a -> algorithms.add(a.asText()));
        JsonNode budget = n.get("budget_s");
        try {
            return new RetrainPlan(folder.id(), name, require(n, "target").asText(),
                    n.path("task_forced").asBoolean() ? n.path("task").asText() : null, require(n, "metric").asText(),
                    budget == null || budget.isNull() ? null : budget.asDouble(), n.path("max_trials").asInt(0),
                    n.path("seed").asLong(42), Math.max(1, n.path("threads").asInt(1)), n.path("search").asText("auto"),
                    algorithms, n.path("validation").path("folds").asInt(5), n.path("ensemble").asBoolean(true),
                    Json.pretty(require(n, "recipe")), Json.pretty(require(n, "search_space")), test,
                    schedule.trim(), image);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("cannot read the experiment's settings (" + e.getMessage() + ")",
                    folder.configJson(), 0, null, "the folder may be incomplete or from another version");
        }
    }

    private static JsonNode require(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) throw new IllegalArgumentException("'" + field + "' is missing");
        return v;
    }

    /**
     * The {@code run} arguments besides the data, recipe, space and output folder: everything else the experiment
     * was run with.
     */
    List<String> runOptions() {
        List<String> a = new ArrayList<>(List.of("--target", target));
        if (task != null) a.addAll(List.of("--task", task));
        a.addAll(List.of("--metric", metric));
        if (budgetSeconds != null) a.addAll(List.of("--budget", String.format(Locale.ROOT, "%.3fs", budgetSeconds)
                .replaceAll("\\.?0+s$", "s")));
        if (maxTrials > 0) a.addAll(List.of("--max-trials", String.valueOf(maxTrials)));
        a.addAll(List.of("--seed", String.valueOf(seed), "--threads", String.valueOf(threads), "--search", search,
                "--folds", String.valueOf(folds)));
        if (!algorithms.isEmpty()) a.addAll(List.of("--algorithms", String.join(",", algorithms)));
        if (!ensemble) a.add("--no-ensemble");
        return a;
    }
}
