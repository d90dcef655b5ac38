package org.automlwb.export.pipeline;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The steps of a retraining, the same for Airflow, Argo and the shell script: each is a short POSIX shell script
 * that calls this product's command line ({@code automl-workbench}), reads and writes files under {@code $WORK},
 * and is told where things are through environment variables:
 * <pre>
 *   NEW_DATA      the new training data (CSV)
 *   TEST_DATA     the fixed test file both models are scored on
 *   WORK          this retraining's own folder (new.csv, models/, *.json)
 *   DEPLOYMENT    the deployment/ folder the served model lives in
 *   PIPELINE_DIR  the folder of recipe.json and space.json
 * </pre>
 */
public final class RetrainSteps {
    /** The exit code of {@code compare --require-better} when the new model is not better. */
    public static final int NOT_BETTER = 99;
    /** The exit code of {@code drift --fail-on-alert} when a drift alert fires. */
    public static final int DRIFT_ALERT = 3;

    /** What a step does. */
    public enum Kind {
        LOAD, PROFILE, TRAIN, COMPARE, DEPLOY, DRIFT
    }

    /**
     * One step.
     *
     * @param kind   what it does
     * @param id     its task id: lower case, {@code _}-separated (Airflow), turned into {@code -} for Argo
     * @param title  what it does, in a few words
     * @param script the POSIX shell script
     */
    public record Step(Kind kind, String id, String title, String script) {
        /** The id as Argo names templates and tasks (DNS labels: no underscores). */
        public String argoId() { return id.replace('_', '-'); }
    }

    private RetrainSteps() { }

    /** The steps in order: load, profile, train, compare, deploy (only if better), check drift. */
    public static List<Step> of(RetrainPlan plan) {
        String name = quote(plan.name());
        return List.of(
                new Step(Kind.LOAD, "load_new_data", "copy the new data into this retraining's folder",
                        "mkdir -p \"$WORK\" && cp \"$NEW_DATA\" \"$WORK/new.csv\""),
                new Step(Kind.PROFILE, "profile", "profile the new data (types, missing values, distributions)",
                        "automl-workbench profile \"$WORK/new.csv\" --json > \"$WORK/profile.json\""),
                new Step(Kind.TRAIN, "run", "search for a model with the experiment's recipe, space, budget, "
                        + "metric and seed",
                        "automl-workbench run --data \"$WORK/new.csv\" "
                                + plan.runOptions().stream().map(RetrainSteps::quote).collect(Collectors.joining(" "))
                                + " --recipe \"$PIPELINE_DIR/" + RetrainPlan.RECIPE_FILE + "\" --space \"$PIPELINE_DIR/"
                                + RetrainPlan.SPACE_FILE + "\" --out \"$WORK/models\" --no-deploy > \"$WORK/run.json\""),
                new Step(Kind.COMPARE, "compare", "score the new model and the served version on the same test "
                        + "data (exit " + NOT_BETTER + ": not better)",
                        "automl-workbench compare --candidate latest --models \"$WORK/models\" --name " + name
                                + " --deployment \"$DEPLOYMENT\" --data \"$TEST_DATA\" --require-better"
                                + " > \"$WORK/compare.json\""),
                new Step(Kind.DEPLOY, "deploy_and_promote", "deploy the new model as the next version and promote "
                        + "it (only when it is better)",
                        "automl-workbench deploy --experiment latest --models \"$WORK/models\" --deployment "
                                + "\"$DEPLOYMENT\" --name " + name + " --promote > \"$WORK/deploy.json\""),
                new Step(Kind.DRIFT, "check_drift", "check the new data for drift against the served version "
                        + "(exit " + DRIFT_ALERT + ": alert)",
                        "automl-workbench drift --name " + name + " --deployment \"$DEPLOYMENT\" --data "
                                + "\"$WORK/new.csv\" --fail-on-alert > \"$WORK/drift.json\""));
    }

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./,:=@+-]+");

    /** A word for the shell: as it is when it is plain, else in single quotes. */
    static String quote(String s) {
        if (PLAIN.matcher(s).matches()) return s;
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
