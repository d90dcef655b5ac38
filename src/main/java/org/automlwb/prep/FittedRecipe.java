package org.automlwb.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.WideTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A recipe whose steps hold their fitted values; replays identically on new rows. Immutable and thread-safe.
 *
 * <p>As a last safety net, a feature value that is still missing after the steps (e.g. a derived column that
 * divided by zero, or a recipe without an impute step) gets that feature's median in the training rows, so the
 * output never holds NaN or infinity.
 */
public final class FittedRecipe {
    private static final Logger LOG = LoggerFactory.getLogger(FittedRecipe.class);

    private final Recipe recipe;
    private final String target;
    private final List<InputColumn> inputColumns;
    private final List<FittedStep> steps;
    private final List<String> featureNames;
    private final double[] fallbacks;
    private final List<CategoricalFeature> categoricalFeatures;

    private FittedRecipe(Recipe recipe, String target, List<InputColumn> inputColumns, List<FittedStep> steps,
                         List<String> featureNames, double[] fallbacks, List<CategoricalFeature> categoricalFeatures) {
        this.recipe = recipe;
        this.target = target;
        this.inputColumns = List.copyOf(inputColumns);
        this.steps = List.copyOf(steps);
        this.featureNames = List.copyOf(featureNames);
        this.fallbacks = fallbacks.clone();
        this.categoricalFeatures = List.copyOf(categoricalFeatures);
    }

    /** Ends a fit: checks that every remaining column is a number and learns the fallbacks. */
    static FitResult finish(Recipe recipe, String target, Table train, Frame frame, List<FittedStep> steps) {
        List<String> features = frame.names();
        double[] fallbacks = new double[features.size()];
        List<CategoricalFeature> categorical = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            String name = features.get(f);
            ColumnKind kind = frame.kind(name);
            if (kind == ColumnKind.TEXT || Values.isDate(kind)) {
                throw RecipeInputException.of("holds " + Values.words(kind) + " at the end of the recipe; models need numbers",
                        name, kind == ColumnKind.TEXT ? "add an encode step for it, or drop it"
                                : "add a date parts step for it, or drop it");
            }
            if (name.equals(target)) {
                throw RecipeInputException.of("the recipe makes a feature with the target's name", name, "rename the target column");
            }
            Col col = frame.col(name);
            double median = Stats.median(col.num());
            fallbacks[f] = Double.isNaN(median) ? 0 : median;
            if (col.codes() > 0) categorical.add(new CategoricalFeature(name, col.codes()));
        }
        Set<String> read = frame.rawRead();
        List<InputColumn> inputs = new ArrayList<>();
        for (Column<?> c : train.columns()) {
            if (read.contains(c.name())) inputs.add(new InputColumn(c.name(), Values.kindOf(c)));
        }
        FittedRecipe fitted = new FittedRecipe(recipe, target, inputs, steps, features, fallbacks, categorical);
        int[] kept = frame.filtered() ? frame.sourceRows()
                : java.util.stream.IntStream.range(0, train.rowCount()).toArray();
        return new FitResult(fitted, fitted.output(frame, train), kept);
    }

    /**
     * Applies the fitted steps to rows that need predictions; never removes a row (row filters do nothing). The
     * result holds one DoubleColumn per feature (no missing values, no NaN or infinity, in {@link #featureNames()}
     * order) and, when the input has it, the target column unchanged. Extra input columns are ignored.
     *
     * @throws RecipeInputException when an input column is absent or holds values of the wrong type
     */
    public Table apply(Table data) {
        return transform(data, false);
    }

    /**
     * Like {@link #apply} but with row filters acting, as while fitting: for preparing training rows (a fold's
     * training rows, a refit on all rows). The target column is filtered along with the rows, and the result says
     * which input rows were kept, so that the caller can pick their labels.
     */
    public TrainingRows applyForTraining(Table data) {
        Frame frame = run(data, true);
        Table features = output(frame, data);
        return frame.filtered() ? new TrainingRows(features, frame.sourceRows()) : TrainingRows.unfiltered(features);
    }

    private Table transform(Table data, boolean training) {
        return output(run(data, training), data);
    }

    private Frame run(Table data, boolean training) {
        LinkedHashMap<String, Col> cols = new LinkedHashMap<>();
        // One map of the columns by exact name: list lookups per input column are quadratic on wide data.
        java.util.Map<String, Column<?>> present = new java.util.HashMap<>(data.columnCount() * 2);
        for (Column<?> c : data.columns()) present.putIfAbsent(c.name(), c);
        for (InputColumn in : inputColumns) {
            Column<?> source = present.get(in.name());
            if (source == null) {
                throw RecipeInputException.of("is missing from the data", in.name(),
                        "the model needs these columns: " + String.join(", ", inputColumns.stream().map(InputColumn::name).toList()));
            }
            Col col = Values.convert(Values.read(source), in.kind(), in.name(), true);
            cols.put(in.name(), col.asRaw());
        }
        Frame frame = new Frame(cols, data.rowCount());
        for (FittedStep s : steps) s.apply(frame, training);
        return frame;
    }

    private Table output(Frame frame, Table input) {
        List<Column<?>> out = new ArrayList<>(featureNames.size() + 1);
        int patched = 0;
        for (int f = 0; f < featureNames.size(); f++) {
            String name = featureNames.get(f);
            if (!frame.has(name)) throw new IllegalStateException("fitted recipe did not produce feature " + name);
            double[] in = frame.col(name).num();
            double[] values = new double[in.length];
            double fallback = fallbacks[f];
            for (int i = 0; i < in.length; i++) {
                double v = in[i];
                if (Double.isFinite(v)) {
                    values[i] = v;
                } else {
                    values[i] = fallback;
                    patched++;
                }
            }
            out.add(DoubleColumn.create(name, values));
        }
        if (patched > 0) LOG.debug("filled {} values still missing after the recipe with training medians", patched);
        if (target != null && input.columnNames().contains(target)) {
            Column<?> t = Steps.column(input, target);
            out.add(frame.filtered() ? t.subset(frame.sourceRows()) : t.copy());
        }
        return WideTables.of(input.name(), out);
    }

    /**
     * Checks that these rows have every input column with values of a usable type, e.g. before predicting on a
     * new file: the checked counterpart of the {@link RecipeInputException} that {@link #apply} would throw.
     */
    public void check(Table data) throws BadInputException {
        try {
            for (InputColumn in : inputColumns) {
                if (!data.columnNames().contains(in.name())) {
                    throw RecipeInputException.of("is missing from the data", in.name(),
                            "the model needs these columns: " + String.join(", ", inputColumns.stream().map(InputColumn::name).toList()));
                }
                Values.convert(Values.read(Steps.column(data, in.name())), in.kind(), in.name(), true);
            }
        } catch (RecipeInputException e) {
            throw e.badInput();
        }
    }

    /** The feature names, in output order. */
    public List<String> featureNames() { return featureNames; }

    /**
     * The features that hold category codes rather than amounts, in {@link #featureNames()} order, each with its
     * number of codes; empty when the recipe has no encode step in codes mode (see
     * {@link Recipe#withCategoryCodes()}). Read back from JSON written before codes mode existed, it is empty.
     */
    public List<CategoricalFeature> categoricalFeatures() { return categoricalFeatures; }

    /** The input columns the recipe reads, in training column order, with their training types. */
    public List<InputColumn> inputColumns() { return inputColumns; }

    /** The target column the recipe was fitted with (never transformed), or null. */
    public String target() { return target; }

    /** The unfitted recipe this was fitted from. */
    public Recipe recipe() { return recipe; }

    /** The fitted steps, in order. */
    public List<FittedStep> steps() { return steps; }

    /** One plain-words line per fitted step, including what was learnt. */
    public List<String> describe() { return steps.stream().map(FittedStep::describe).toList(); }

    /** The fitted recipe as JSON, with every fitted value; {@link #fromJson} gives back an identical recipe. */
    public String toJson() {
        List<Double> fb = new ArrayList<>(fallbacks.length);
        for (double v : fallbacks) fb.add(v);
        // Left out when empty, so a recipe without category codes writes the same JSON as before they existed.
        return Json.write(new FittedJson(Json.VERSION, target, inputColumns, featureNames, fb, recipe.steps(), steps,
                categoricalFeatures.isEmpty() ? null : categoricalFeatures));
    }

    /** Reads {@link #toJson()} output. */
    public static FittedRecipe fromJson(String json) throws BadInputException {
        FittedJson j = Json.read(json, FittedJson.class, "preprocessing pipeline");
        Json.checkVersion(j.version(), "preprocessing pipeline");
        if (j.inputColumns() == null || j.featureNames() == null || j.fallbacks() == null || j.steps() == null
                || j.recipe() == null || j.fallbacks().size() != j.featureNames().size()
                || j.steps().contains(null) || j.recipe().contains(null) || j.fallbacks().contains(null)) {
            throw new BadInputException("the preprocessing pipeline is incomplete", "export the model again");
        }
        List<CategoricalFeature> categorical = j.categoricalFeatures() == null ? List.of() : j.categoricalFeatures();
        for (CategoricalFeature c : categorical) {
            if (c == null || !j.featureNames().contains(c.name()) || c.codes() < 1) {
                throw new BadInputException("the preprocessing pipeline lists a categorical feature that is not one of"
                        + " its features", "export the model again");
            }
        }
        double[] fb = j.fallbacks().stream().mapToDouble(Double::doubleValue).toArray();
        return new FittedRecipe(Recipe.of(j.recipe()), j.target(), j.inputColumns(), j.steps(), j.featureNames(), fb,
                categorical);
    }

    /** The JSON shape; {@code categoricalFeatures} is absent (null) when there are none. */
    record FittedJson(Integer version, String target, List<InputColumn> inputColumns, List<String> featureNames,
                      List<Double> fallbacks, List<Step> recipe, List<FittedStep> steps,
                      List<CategoricalFeature> categoricalFeatures) { }

    @Override
    public String toString() { return "FittedRecipe" + describe(); }
}
