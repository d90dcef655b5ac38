package org.automlwb.engine.run;

import java.io.Serializable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.FileHashes;
import org.automlwb.data.TableBytes;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.trial.FoldData;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.ValidationPlan;
import org.automlwb.prep.Recipe;
import tech.tablesaw.api.Table;

/**
 * Everything a worker needs to run any trial of a run, as plain data, sent once per run: the searched rows (packed
 * by {@link TableBytes}, with their SHA-256 so a damaged copy is refused rather than trained on), their targets,
 * the unfitted recipe as JSON, each row's fold, the metric and the per-trial limits. From it a worker rebuilds
 * exactly the fold data the driver would use ({@link #folds}); {@link org.automlwb.engine.trial.TrialTask}s then need only name
 * a run.
 *
 * @param runId        the run
 * @param rows         the searched rows, target column included, packed
 * @param sha256       hex SHA-256 of {@code rows}
 * @param target       the target column's name
 * @param task         the task
 * @param targets      the rows' targets, with the class order the whole run uses
 * @param recipeJson   the preprocessing recipe, unfitted ({@link Recipe#toJson})
 * @param plan         the validation plan: each fold's training and validation rows
 * @param metric       the main metric
 * @param trialCapMillis the longest one trial may take
 * @param threads      threads a trial may use
 */
public record RunContext(String runId, byte[] rows, String sha256, String target, TaskType task, Targets targets,
                         String recipeJson, ValidationPlan plan, Metric metric, long trialCapMillis, int threads)
        implements Serializable {

    /** The context of a prepared run, for the search's own rows. */
    public static RunContext of(String runId, PreparedRun p, TrialRunner.Settings settings) {
        byte[] packed = TableBytes.of(p.searched().table());
        return new RunContext(runId, packed, FileHashes.sha256(packed), p.searched().target(), p.searched().task(),
                p.searched().targets(), p.recipe().toJson(), p.folds().plan(), p.metric(),
                settings.perTrialCap().toMillis(), settings.threadsAvailable());
    }

    /** How many bytes travel: what a cluster's network and each executor's memory must hold once. */
    public long bytes() { return rows.length; }

    /** The per-trial limits. */
    public TrialRunner.Settings settings() {
        return new TrialRunner.Settings(java.time.Duration.ofMillis(trialCapMillis), threads);
    }

    /**
     * Rebuilds the run's fold data: the same rows, targets, plan and pipelines the driver built, prepared lazily
     * fold by fold as trials ask.
     *
     * @throws IllegalStateException when the rows are damaged (their hash differs) or the recipe cannot be read
     */
    public FoldData folds() {
        String actual = FileHashes.sha256(rows);
        if (!actual.equals(sha256)) {
            throw new IllegalStateException("the run's rows arrived damaged (SHA-256 " + actual + ", expected "
                    + sha256 + ")");
        }
        Table table = TableBytes.read(rows);
        Recipe recipe;
        try {
            recipe = Recipe.fromJson(recipeJson);
        } catch (BadInputException e) {
            throw new IllegalStateException("the run's recipe cannot be read: " + e.oneLine(), e);
        }
        LabelledData data = new LabelledData(table, target, task, targets, 0);
        return new FoldData(data, plan, FeaturePipelines.fromRecipe(recipe));
    }
}
