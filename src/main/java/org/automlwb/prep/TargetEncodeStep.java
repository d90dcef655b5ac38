package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.automlwb.data.ColumnKind;

/**
 * Target encoding for categories with many levels: each level becomes the average target of its training rows,
 * smoothed towards the average of all training rows (the prior): {@code (n·mean + m·prior) / (n + m)} for a
 * level seen in {@code n} rows with smoothing {@code m}. One or a few numeric columns however many levels there
 * are, where one-hot would need a column per level.
 *
 * <p><b>Outputs.</b> Regression: one column {@code <c>_te}, the smoothed mean. Binary classification: one column
 * {@code <c>_te}, the smoothed share of rows of the second class (index 1, the positive class). Multiclass with k
 * classes: k columns {@code <c>_te=<class>}, the smoothed share of each class. The column {@code c} is replaced
 * by them, in its place.
 *
 * <p><b>Unseen and missing.</b> A level not seen in training (or seen only in rows without a label) gets the
 * prior. Missing values are the level {@code (missing)} when {@code missingAsLevel}, else they get the prior.
 * Numeric or boolean columns listed here are treated as categories (their values as text).
 *
 * <p><b>Out-of-fold while fitting.</b> The training rows are split into {@code folds} folds by a shuffle fixed by
 * {@code seed}. While fitting, each training row's value is computed from the other folds' rows only (their
 * level statistics and their prior), so a model trained on these values never sees a row's own label through
 * its feature; a level seen only in the row's own fold gets the other folds' prior. These values are what
 * {@link Recipe#fitTransform} returns. The fitted mapping, saved with every level's count and value, is learnt
 * from all training rows and is what {@link FittedRecipe#apply} and {@link FittedRecipe#applyForTraining} use. On
 * tiny data where the other folds hold no labelled row, the row's value is missing and the recipe's fallback (the
 * feature's training median) fills it.
 *
 * <p>It needs the target: {@link Recipe#fit(tech.tablesaw.api.Table, String, TrainingTarget)}, or the target column in the training
 * rows. Fitting and applying take time linear in the rows (one hash lookup per row and column) and memory linear
 * in the rows plus the levels.
 *
 * @param columns        the columns; empty means every text column at this point of the recipe
 * @param smoothing      m, the weight of the prior, as a number of rows (0 = the level's own mean)
 * @param folds          how many folds the out-of-fold training values use (at least 2)
 * @param missingAsLevel whether missing is a level of its own
 * @param seed           fixes the fold of each training row
 */
@JsonTypeName("target_encode")
public record TargetEncodeStep(List<String> columns, double smoothing, int folds, boolean missingAsLevel, int seed)
        implements Step {
    /** Default smoothing: the prior weighs as much as 10 rows. */
    public static final double DEFAULT_SMOOTHING = 10;
    /** Default folds for the out-of-fold training values. */
    public static final int DEFAULT_FOLDS = 5;
    /** Default seed of the fold assignment. */
    public static final int DEFAULT_SEED = 42;
    /** What an output column's name adds to the column's name. */
    public static final String SUFFIX = "_te";

    public TargetEncodeStep {
        columns = Steps.copy(columns);
    }

    /** Target encoding with the defaults: smoothing 10, 5 folds, missing as a level, seed 42. */
    public static TargetEncodeStep of(List<String> columns) {
        return new TargetEncodeStep(columns, DEFAULT_SMOOTHING, DEFAULT_FOLDS, true, DEFAULT_SEED);
    }

    @Override
    public String describe() {
        return "Target encode " + Steps.join(columns, "every text column") + ": each value becomes the average target"
                + " of its training rows (for classes, the share of each class; of the second class when there are"
                + " two), pulled towards the overall average as if " + Steps.number(smoothing) + " more rows had it;"
                + " training rows get values learnt from the other folds (" + folds + " folds, seed " + seed + ");"
                + " unseen values get the overall average"
                + (missingAsLevel ? "; missing as " + ImputeStep.MISSING_LEVEL : ", and so do missing values");
    }

    private static boolean accepts(ColumnKind k) { return !Values.isDate(k); }

    @Override
    public void check(SchemaCheck check) {
        if (!(smoothing >= 0) || Double.isInfinite(smoothing)) check.problem("the smoothing must be a number of 0 or more");
        if (folds < 2) check.problem("needs at least 2 folds");
        List<String> cols = Steps.resolve(columns, check, k -> k == ColumnKind.TEXT);
        if (check.require(cols, TargetEncodeStep::accepts, "encode", "text, numbers or booleans")) {
            for (String c : cols) {
                // One column for regression and binary targets, one per class otherwise: only the fit knows.
                check.remove(c);
                check.requireNew(c + SUFFIX);
                check.put(c + SUFFIX, ColumnKind.DECIMAL);
                check.family(c + SUFFIX + "=");
            }
        }
    }

    @Override
    public FittedStep fit(Frame frame) {
        List<String> cols = Steps.resolve(columns, frame, c -> c.kind() == ColumnKind.TEXT);
        if (cols.isEmpty()) return new Fitted(this, List.of(), List.of()); // nothing to encode, no target needed
        TrainingTarget target = frame.target();
        if (target == null) {
            throw RecipeInputException.of("target encoding needs the target column, and the training rows have none",
                    cols.get(0), "fit the recipe with its target column, or remove the target encode step");
        }
        Outputs y = new Outputs(target);
        if (y.labelled == 0) {
            throw RecipeInputException.of("target encoding needs target values, and every training row's target is"
                    + " missing", cols.get(0), "give training rows with their target");
        }
        int[] fold = folds(frame.rows());
        List<Encoding> encodings = new ArrayList<>();
        for (String name : cols) {
            Fit fit = new Fit(Steps.categories(frame.col(name), missingAsLevel), y, fold);
            List<String> outputs = outputNames(name, target.classes(), y.d);
            encodings.add(fit.encoding(name, outputs));
            frame.expand(name, columns(outputs, fit.outOfFold()));
        }
        return new Fitted(this, target.classes(), encodings);
    }

    /** Each row's fold, 0..folds-1: a shuffle fixed by the seed, dealt out in turn, so folds differ by at most one row. */
    private int[] folds(int rows) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        int[] fold = new int[rows];
        for (int p = 0; p < rows; p++) fold[order[p]] = p % folds;
        return fold;
    }

    /** The smoothed statistic; a level with no labelled rows gets the prior exactly. */
    private double smooth(double sum, double count, double prior) {
        if (count <= 0) return prior;
        return (sum + smoothing * prior) / (count + smoothing);
    }

    /**
     * The target as the numbers that are averaged: one per row for regression (the value) and binary targets (1
     * for the second class, else 0), k per row for k classes (1 for the row's class); NaN rows have no label.
     */
    private static final class Outputs {
        final int d;
        final int labelled;
        private final double[] values;
        private final boolean classes;

        Outputs(TrainingTarget target) {
            int k = target.classes().size();
            this.d = k > 2 ? k : 1;
            this.values = target.values();
            this.classes = target.isClassification();
            int count = 0;
            for (double v : values) if (!Double.isNaN(v)) count++;
            this.labelled = count;
        }

        boolean has(int row) { return !Double.isNaN(values[row]); }

        /** Adds the row's numbers to {@code sums[base..base+d)}. */
        void add(double[] sums, int base, int row) {
            double v = values[row];
            if (d > 1) sums[base + (int) v] += 1;
            else sums[base] += classes ? (v == 1 ? 1 : 0) : v;
        }
    }

    /** The statistics of one column: per level and per fold, from one pass over the rows. */
    private final class Fit {
        private final Outputs y;
        private final int[] fold;
        private final int[] level;
        private final List<String> levels = new ArrayList<>();
        private final int[] count;
        private final double[] sum;
        private final double totalCount;
        private final double[] totalSum;
        private final double[] foldCount;
        private final double[] foldSum;

        Fit(String[] values, Outputs y, int[] fold) {
            this.y = y;
            this.fold = fold;
            int n = values.length;
            int d = y.d;
            level = new int[n];
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String v = values[i];
                if (v == null) {
                    level[i] = -1;
                    continue;
                }
                Integer l = index.get(v);
                if (l == null) {
                    l = levels.size();
                    index.put(v, l);
                    levels.add(v);
                }
                level[i] = l;
            }
            int levelCount = levels.size();
            count = new int[levelCount];
            sum = new double[levelCount * d];
            double total = 0;
            totalSum = new double[d];
            foldCount = new double[folds];
            foldSum = new double[folds * d];
            for (int i = 0; i < n; i++) {
                if (!y.has(i)) continue;
                total++;
                y.add(totalSum, 0, i);
                foldCount[fold[i]]++;
                y.add(foldSum, fold[i] * d, i);
                if (level[i] >= 0) {
                    count[level[i]]++;
                    y.add(sum, level[i] * d, i);
                }
            }
            totalCount = total;
        }

        /** The mapping learnt from every training row. */
        Encoding encoding(String column, List<String> outputs) {
            int d = y.d;
            double[] prior = new double[d];
            for (int j = 0; j < d; j++) prior[j] = totalSum[j] / totalCount;
            List<double[]> values = new ArrayList<>(d);
            for (int j = 0; j < d; j++) {
                double[] v = new double[levels.size()];
                for (int l = 0; l < v.length; l++) v[l] = smooth(sum[l * d + j], count[l], prior[j]);
                values.add(v);
            }
            return new Encoding(column, outputs, prior, levels, count, values);
        }

        /**
         * Each training row's values from the other folds only: the level's statistics minus those of the row's own
         * fold, and the prior of the other folds. Each fold passes over its own rows only, so linear overall.
         *
         * @return per output, the value of each row
         */
        double[][] outOfFold() {
            int n = level.length;
            int d = y.d;
            double[][] out = new double[d][n];
            // The rows of each fold, by a counting sort.
            int[] start = new int[folds + 1];
            for (int f : fold) start[f + 1]++;
            for (int f = 0; f < folds; f++) start[f + 1] += start[f];
            int[] rows = new int[n];
            int[] next = Arrays.copyOf(start, folds);
            for (int i = 0; i < n; i++) rows[next[fold[i]]++] = i;
            // This fold's statistics per level; only the levels it touched are reset afterwards.
            double[] ownCount = new double[levels.size()];
            double[] ownSum = new double[levels.size() * d];
            double[] prior = new double[d];
            for (int f = 0; f < folds; f++) {
                for (int p = start[f]; p < start[f + 1]; p++) {
                    int i = rows[p];
                    if (y.has(i) && level[i] >= 0) {
                        ownCount[level[i]]++;
                        y.add(ownSum, level[i] * d, i);
                    }
                }
                double otherCount = totalCount - foldCount[f];
                for (int j = 0; j < d; j++) {
                    prior[j] = otherCount > 0 ? (totalSum[j] - foldSum[f * d + j]) / otherCount : Double.NaN;
                }
                for (int p = start[f]; p < start[f + 1]; p++) {
                    int i = rows[p];
                    int l = level[i];
                    for (int j = 0; j < d; j++) {
                        out[j][i] = l < 0 ? prior[j]
                                : smooth(sum[l * d + j] - ownSum[l * d + j], count[l] - ownCount[l], prior[j]);
                    }
                }
                // Clear only the levels this fold touched: clearing every level per fold would be levels × folds.
                for (int p = start[f]; p < start[f + 1]; p++) {
                    int l = level[rows[p]];
                    if (l >= 0) {
                        ownCount[l] = 0;
                        Arrays.fill(ownSum, l * d, l * d + d, 0);
                    }
                }
            }
            return out;
        }
    }

    private static List<String> outputNames(String column, List<String> classes, int d) {
        if (d == 1) return List.of(column + SUFFIX);
        List<String> out = new ArrayList<>(d);
        for (String c : classes) out.add(column + SUFFIX + "=" + c);
        return out;
    }

    private static Map<String, Col> columns(List<String> names, double[][] values) {
        Map<String, Col> out = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) out.put(names.get(j), Col.numbers(ColumnKind.DECIMAL, values[j]));
        return out;
    }

    /**
     * The mapping learnt for one column, from every training row.
     *
     * @param column  the column
     * @param outputs the output columns, in order: {@code <c>_te}, or {@code <c>_te=<class>} per class
     * @param prior   per output, the value of unseen levels: the statistic over every labelled training row
     * @param levels  the levels seen in training, in order of first appearance
     * @param counts  per level, the labelled training rows that have it
     * @param values  per output, the smoothed value of each level (aligned with {@code levels})
     */
    public record Encoding(String column, List<String> outputs, double[] prior, List<String> levels, int[] counts,
                           List<double[]> values) {
        public Encoding {
            outputs = List.copyOf(outputs);
            levels = List.copyOf(levels);
            values = List.copyOf(values);
            boolean complete = prior != null && counts != null && prior.length == outputs.size()
                    && values.size() == outputs.size() && counts.length == levels.size();
            for (double[] v : values) complete &= v.length == levels.size();
            if (!complete) throw new IllegalArgumentException("the target encoding of " + column + " is incomplete");
        }
    }

    /**
     * The fitted form.
     *
     * @param step      the settings
     * @param classes   the target's classes in index order (empty for regression)
     * @param encodings the mapping per column, in column order
     */
    @JsonTypeName("target_encode")
    public record Fitted(TargetEncodeStep step, List<String> classes, List<Encoding> encodings) implements FittedStep {
        public Fitted {
            classes = classes == null ? List.of() : List.copyOf(classes);
            encodings = List.copyOf(encodings);
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Encoding e : encodings) {
                parts.add(e.column() + " (" + e.levels().size() + " levels → " + Steps.join(e.outputs(), "nothing") + ")");
            }
            return "Target encode " + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Encoding e : encodings) {
                String[] values = Steps.categories(frame.col(e.column()), step.missingAsLevel());
                int n = values.length;
                int d = e.outputs().size();
                Map<String, Integer> index = new HashMap<>(e.levels().size() * 2);
                for (int l = 0; l < e.levels().size(); l++) index.put(e.levels().get(l), l);
                double[][] out = new double[d][n];
                for (int i = 0; i < n; i++) {
                    Integer l = values[i] == null ? null : index.get(values[i]);
                    for (int j = 0; j < d; j++) out[j][i] = l == null ? e.prior()[j] : e.values().get(j)[l];
                }
                frame.expand(e.column(), columns(e.outputs(), out));
            }
        }
    }
}
