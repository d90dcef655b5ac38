package org.automlwb.prep;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The target of the rows a recipe is fitted on, for the steps that learn from it ({@link TargetEncodeStep}). The
 * target is still never a feature and never transformed: the recipe only reads it while fitting, to learn
 * statistics of the training rows.
 *
 * <p>The engine passes its own (so that class order is the engine's); {@link Recipe#fit(Table, String)} derives
 * one with {@link #of} when the training table holds the target column.
 *
 * @param values  one per row of the table given to the fit, in its order: for classification the index of the
 *                row's class in {@code classes}, for regression the number; NaN for a row without a label (it is
 *                left out of every statistic). Copied on construction; do not change the array it returns
 * @param classes the class names in index order (binary: the second is the positive class); empty for regression
 */
public record TrainingTarget(double[] values, List<String> classes) {
    /** A whole-number target with at most this many distinct values is taken for classes (as the engine does). */
    public static final int MAX_INTEGER_CLASSES = 20;

    public TrainingTarget {
        if (values == null) throw new IllegalArgumentException("a training target needs its values");
        values = values.clone();
        classes = classes == null ? List.of() : List.copyOf(classes);
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isNaN(v)) continue;
            if (classes.isEmpty() ? Double.isInfinite(v) : v != Math.rint(v) || v < 0 || v >= classes.size()) {
                throw new IllegalArgumentException("target value " + v + " in row " + (i + 1) + " is not "
                        + (classes.isEmpty() ? "a finite number" : "a class index below " + classes.size()));
            }
        }
    }

    /** A regression target: a number per row, NaN where the row has none. */
    public static TrainingTarget regression(double[] values) {
        return new TrainingTarget(values, List.of());
    }

    /** A classification target: the index of each row's class in {@code classes}, negative where the row has none. */
    public static TrainingTarget classification(int[] classIndex, List<String> classes) {
        double[] values = new double[classIndex.length];
        for (int i = 0; i < values.length; i++) values[i] = classIndex[i] < 0 ? Double.NaN : classIndex[i];
        return new TrainingTarget(values, classes);
    }

    /** Whether the target is a set of classes. */
    public boolean isClassification() { return !classes.isEmpty(); }

    /** How many rows it has a value (or NaN) for. */
    public int rows() { return values.length; }

    /**
     * The target in a table's column, read with the engine's rule: classification when the column is not numeric,
     * or holds whole numbers with at most {@value #MAX_INTEGER_CLASSES} distinct values; classes sorted, numerically
     * when every class is a number (so 2 comes before 10). Blank and missing cells have no label.
     *
     * @throws IllegalArgumentException when the table has no column of exactly that name
     */
    public static TrainingTarget of(Table data, String column) {
        Column<?> c = Steps.column(data, column);
        int n = c.size();
        boolean[] present = new boolean[n];
        double[] numbers = new double[n];
        boolean numeric = true;
        boolean integral = true;
        for (int i = 0; i < n; i++) {
            present[i] = !c.isMissing(i) && (c instanceof NumericColumn || !c.getString(i).isBlank());
            numbers[i] = Double.NaN;
            if (!present[i] || !numeric) continue; // text fails to parse slowly: stop at the first non-number
            double v = number(c, i);
            if (!Double.isFinite(v)) numeric = false;
            else if (v != Math.rint(v)) integral = false;
            numbers[i] = v;
        }
        if (numeric && !(integral && fewValues(numbers))) return regression(numbers);
        Map<String, Integer> index = new HashMap<>();
        String[] labels = new String[n];
        for (int i = 0; i < n; i++) {
            if (!present[i]) continue;
            labels[i] = label(c, i);
            index.putIfAbsent(labels[i], 0);
        }
        List<String> classes = sorted(index.keySet());
        for (int k = 0; k < classes.size(); k++) index.put(classes.get(k), k);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) values[i] = labels[i] == null ? Double.NaN : index.get(labels[i]);
        return new TrainingTarget(values, classes);
    }

    /** Whether the finite numbers take at most {@value #MAX_INTEGER_CLASSES} distinct values. */
    private static boolean fewValues(double[] numbers) {
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (double v : numbers) {
            if (!Double.isNaN(v) && seen.add(v == 0 ? 0.0 : v) && seen.size() > MAX_INTEGER_CLASSES) return false;
        }
        return true;
    }

    /** The same target for the rows where {@code keep} is true ({@code kept} of them), as a row filter leaves them. */
    TrainingTarget keep(boolean[] keep, int kept) {
        double[] out = new double[kept];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) out[j++] = values[i];
        return new TrainingTarget(out, classes);
    }

    /** A class label: numbers without a trailing ".0" (integers read as doubles give the same labels), text trimmed. */
    private static String label(Column<?> c, int row) {
        if (!(c instanceof NumericColumn<?> nc)) return c.getString(row).trim();
        double v = nc.getDouble(row);
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        if (!Double.isFinite(v)) return Double.toString(v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static double number(Column<?> c, int row) {
        if (c instanceof NumericColumn<?> nc) return nc.getDouble(row);
        try {
            return Double.parseDouble(c.getString(row).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static List<String> sorted(java.util.Collection<String> labels) {
        boolean numbers = labels.stream().allMatch(TrainingTarget::isNumber);
        Comparator<String> order = numbers
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> out = new TreeSet<>(order);
        out.addAll(labels);
        return List.copyOf(out);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingTarget t && Arrays.equals(t.values, values) && t.classes.equals(classes);
    }

    @Override
    public int hashCode() { return 31 * Arrays.hashCode(values) + classes.hashCode(); }

    @Override
    public String toString() {
        return "TrainingTarget[" + values.length + " rows, " + (classes.isEmpty() ? "regression" : "classes " + classes) + "]";
    }
}
