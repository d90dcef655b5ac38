package org.automlwb.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * An ordered list of preprocessing steps with their settings, not yet fitted. Immutable: the editing methods
 * return a new recipe. {@link #fit} learns each step's values from training rows only and gives a
 * {@link FittedRecipe} that replays them on any rows. See the package documentation for the automatic recipe.
 */
public final class Recipe {
    private final List<Step> steps;

    private Recipe(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** A recipe of these steps, in order. */
    public static Recipe of(List<Step> steps) { return new Recipe(steps); }

    /** A recipe of these steps, in order. */
    public static Recipe of(Step... steps) { return new Recipe(List.of(steps)); }

    /** No steps: numeric and boolean columns go through as they are (missing values get the training median). */
    public static Recipe empty() { return new Recipe(List.of()); }

    /**
     * The default recipe for this data (see the package documentation), without scaling.
     *
     * @param target the target column, or null; when named, text columns with many levels are target encoded
     *               (which needs the target when fitting) instead of one-hot encoded
     */
    public static Recipe automatic(Table data, String target) {
        return new Recipe(AutomaticRecipe.steps(data, target));
    }

    /**
     * This recipe plus per-column standardisation of the numeric features that are not one-hot, missing
     * indicator or category-code columns, for linear models, SVMs and KNN. Unchanged if it already ends with that step.
     */
    public Recipe withScaling() {
        if (!steps.isEmpty() && steps.get(steps.size() - 1).equals(ScaleStep.standardiseAll())) return this;
        return withStep(ScaleStep.standardiseAll());
    }

    /**
     * This recipe with every encode step in codes mode ({@link EncodeStep#asCodes()}): one integer column per
     * category column instead of one-hot columns, keeping at least {@value EncodeStep#CODES_MIN_MAX_LEVELS}
     * levels, for learners that split categories themselves (LightGBM). The engine applies it, like
     * {@link #withScaling()}; users never see it. Idempotent.
     */
    public Recipe withCategoryCodes() {
        List<Step> out = new ArrayList<>(steps.size());
        for (Step s : steps) out.add(s instanceof EncodeStep e ? e.asCodes() : s);
        return out.equals(steps) ? this : new Recipe(out);
    }

    /** Whether the last step standardises every numeric feature (as {@link #withScaling()} adds). */
    public boolean hasScaling() {
        return !steps.isEmpty() && steps.get(steps.size() - 1).equals(ScaleStep.standardiseAll());
    }

    /** The steps, in order. */
    public List<Step> steps() { return steps; }

    /** One plain-words line per step, for the editor. */
    public List<String> describe() { return steps.stream().map(Step::describe).toList(); }

    /** This recipe with a step added at the end. */
    public Recipe withStep(Step step) {
        return withStep(steps.size(), step);
    }

    /** This recipe with a step inserted at {@code index} (0 = first). */
    public Recipe withStep(int index, Step step) {
        List<Step> out = new ArrayList<>(steps);
        out.add(index, step);
        return new Recipe(out);
    }

    /** This recipe with the step at {@code index} replaced. */
    public Recipe withStepReplaced(int index, Step step) {
        List<Step> out = new ArrayList<>(steps);
        out.set(index, step);
        return new Recipe(out);
    }

    /** This recipe without the step at {@code index}. */
    public Recipe withoutStep(int index) {
        List<Step> out = new ArrayList<>(steps);
        out.remove(index);
        return new Recipe(out);
    }

    /** This recipe with the step at {@code from} moved to position {@code to}. */
    public Recipe withStepMoved(int from, int to) {
        List<Step> out = new ArrayList<>(steps);
        out.add(to, out.remove(from));
        return new Recipe(out);
    }

    /**
     * Problems with this recipe on data with these columns, each naming its step ("Step 2 (Drop ...): would drop
     * the target column 'price'..."). Empty when the recipe can be fitted.
     *
     * @param columns column name → type, in order, as the data package reports them (the target may be among them)
     * @param target  the target column, or null
     */
    public List<String> validate(Map<String, ColumnKind> columns, String target) {
        SchemaCheck check = new SchemaCheck(columns, target);
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            check.prefix("Step " + (i + 1) + " (" + s.describe() + "): ");
            s.check(check);
        }
        check.prefix("");
        return check.problems();
    }

    /** {@link #validate(Map, String)} with the columns of this table. */
    public List<String> validate(Table data, String target) {
        return validate(kinds(data), target);
    }

    /** Throws the problems {@link #validate(Table, String)} finds, and a missing target, as one message. */
    public void check(Table data, String target) throws BadInputException {
        if (target != null && !data.columnNames().contains(target)) {
            throw new BadInputException("the target column does not exist", null, 0, target,
                    "choose one of: " + String.join(", ", data.columnNames()));
        }
        List<String> problems = validate(data, target);
        if (!problems.isEmpty()) {
            throw new BadInputException("the recipe does not fit this data: " + String.join("; ", problems),
                    "edit the recipe");
        }
    }

    /**
     * Fits every step on these rows only, in order, each on the output of the one before. A target encode step
     * reads the target from the {@code target} column with {@link TrainingTarget#of}; see
     * {@link #fit(Table, String, TrainingTarget)}.
     *
     * @param train  the training rows, with the target column (which is never transformed or used as a feature)
     * @param target the target column name, or null when the rows have none
     * @throws RecipeInputException when the recipe does not fit the data (see {@link #check}), or has a target
     *                              encode step and there is no target
     */
    public FittedRecipe fit(Table train, String target) {
        return fitTransform(train, target, null).recipe();
    }

    /**
     * Fits like {@link #fit(Table, String)}, with the target of each training row given (the engine's, so that
     * the class order is the engine's). Only target encode steps read it.
     *
     * @param labels one value per row of {@code train}, or null to read the {@code target} column when a step
     *               needs it
     * @throws IllegalArgumentException when {@code labels} has not one value per row of {@code train}
     */
    public FittedRecipe fit(Table train, String target, TrainingTarget labels) {
        return fitTransform(train, target, labels).recipe();
    }

    /**
     * Fits like {@link #fit(Table, String)} and also returns the training rows transformed (row filters applied),
     * saving the engine a second pass over them. Use it, not {@link FittedRecipe#applyForTraining}, for the rows a
     * model learns from: a target encode step gives these rows out-of-fold values (see {@link TargetEncodeStep}).
     *
     * @throws RecipeInputException when the recipe does not fit the data (see {@link #check})
     */
    public FitResult fitTransform(Table train, String target) {
        return fitTransform(train, target, null);
    }

    /**
     * Fits like {@link #fit(Table, String, TrainingTarget)} and also returns the training rows transformed (row
     * filters applied). The features of target-encoded columns are the <b>out-of-fold</b> values: each training
     * row's value is learnt from the other folds' rows only, so a model trained on them never sees a row's own
     * label through its features. The fitted recipe (and so {@link FittedRecipe#apply} and
     * {@link FittedRecipe#applyForTraining}) uses the mapping learnt from every training row instead. The
     * engine therefore takes the training rows' features from here.
     *
     * @param labels one value per row of {@code train}, or null to read the {@code target} column when a step
     *               needs it
     * @throws RecipeInputException     when the recipe does not fit the data (see {@link #check}), or has a target
     *                                  encode step and there is no target
     * @throws IllegalArgumentException when {@code labels} has not one value per row of {@code train}
     */
    public FitResult fitTransform(Table train, String target, TrainingTarget labels) {
        try {
            check(train, target);
        } catch (BadInputException e) {
            throw new RecipeInputException(e);
        }
        if (labels != null && labels.rows() != train.rowCount()) {
            throw new IllegalArgumentException("the training target has " + labels.rows() + " values for "
                    + train.rowCount() + " rows");
        }
        LinkedHashMap<String, Col> cols = new LinkedHashMap<>();
        for (Column<?> c : train.columns()) {
            if (!c.name().equals(target)) cols.put(c.name(), Values.read(c).asRaw());
        }
        // The target is read only when a step learns from it: other recipes never look at it.
        if (labels == null && target != null && needsTarget()) labels = TrainingTarget.of(train, target);
        Frame frame = new Frame(cols, train.rowCount(), labels);
        List<FittedStep> fitted = new ArrayList<>(steps.size());
        for (Step s : steps) fitted.add(s.fit(frame));
        return FittedRecipe.finish(this, target, train, frame, fitted);
    }

    /** Whether a step learns from the target. */
    private boolean needsTarget() {
        return steps.stream().anyMatch(s -> s instanceof TargetEncodeStep);
    }

    static Map<String, ColumnKind> kinds(Table data) {
        Map<String, ColumnKind> out = new LinkedHashMap<>();
        for (Column<?> c : data.columns()) out.put(c.name(), Values.kindOf(c));
        return out;
    }

    /** The recipe as JSON: {@code {"version":1,"steps":[{"type":"impute",...},...]}}. */
    public String toJson() { return Json.write(new RecipeJson(Json.VERSION, steps)); }

    /** Reads {@link #toJson()} output (or a hand-written file of that shape). */
    public static Recipe fromJson(String json) throws BadInputException {
        RecipeJson r = Json.read(json, RecipeJson.class, "recipe");
        Json.checkVersion(r.version(), "recipe");
        if (r.steps() == null || r.steps().contains(null)) throw new BadInputException("the recipe has an empty step", "remove it");
        return new Recipe(r.steps());
    }

    /** The JSON shape. */
    record RecipeJson(Integer version, List<Step> steps) { }

    @Override
    public boolean equals(Object o) { return o instanceof Recipe r && r.steps.equals(steps); }

    @Override
    public int hashCode() { return steps.hashCode(); }

    @Override
    public String toString() { return "Recipe" + describe(); }
}
