package org.automlwb.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.automlwb.data.NumberLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The features of a preprocessed table as plain numbers: one dense row-major array of floats, so that a native
 * learner (LightGBM) reads it without an object per row and a fold of a large data set costs half the memory of
 * doubles (kddcup99: 56 MB instead of 111 MB per fold and encoding); Tribuo examples are made from it on demand.
 * Training and prediction both read features through this class, so a model always sees the same float values,
 * and Tribuo, LightGBM and the ONNX export (float32 input) agree on them.
 *
 * <p>Features are sorted by name, as Tribuo keeps them inside an example, so a matrix built from the same
 * pipeline always has the same column order. Features that hold category codes (for learners that split
 * categories natively) are flagged in {@link #categorical()}.
 *
 * <p>Tribuo rejects NaN (STACK.md), so a value that is missing or not finite reads as 0 and is counted in the
 * log: the recipe should have imputed it, and a run must not die of it.
 */
public final class FeatureMatrix {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureMatrix.class);

    /** Feature names sorted. */
    private final String[] names;
    /** Whether each feature (in {@link #names} order) holds category codes. */
    private final boolean[] categorical;
    /** values[row * features + feature]. */
    private final float[] values;
    private final int rows;

    private FeatureMatrix(String[] names, boolean[] categorical, float[] values, int rows) {
        this.names = names;
        this.categorical = categorical;
        this.values = values;
        this.rows = rows;
    }

    /** Reads the named feature columns; none of them holds category codes. */
    public static FeatureMatrix of(Table table, List<String> featureNames) {
        return of(table, featureNames, Set.of());
    }

    /**
     * Reads the named feature columns.
     *
     * @param categoricalNames the features among them that hold category codes (0, 1, 2, ...)
     * @throws IllegalStateException when there are no features, a name repeats, a column is absent or not
     *                               numeric, or the matrix would not fit one Java array (all bugs of the pipeline
     *                               or data far beyond what one machine trains on, not the user's data)
     */
    public static FeatureMatrix of(Table table, List<String> featureNames, Set<String> categoricalNames) {
        if (featureNames.isEmpty()) {
            throw new IllegalStateException("preprocessing left no feature columns to learn from");
        }
        if (new HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalStateException("preprocessing produced repeated feature names");
        }
        String[] names = featureNames.toArray(String[]::new);
        Arrays.sort(names);
        int n = table.rowCount();
        int width = names.length;
        long cells = (long) n * width;
        if (cells > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException(n + " rows x " + width + " features is too many cells for one matrix");
        }
        float[] values = new float[(int) cells];
        boolean[] categorical = new boolean[width];
        long replaced = 0;
        long clipped = 0;
        // Tablesaw finds a column by name with a linear scan: one map makes wide tables linear, not quadratic.
        Map<String, Column<?>> byName = new HashMap<>(table.columnCount() * 2);
        for (Column<?> c : table.columns()) byName.putIfAbsent(c.name(), c);
        for (int f = 0; f < width; f++) {
            categorical[f] = categoricalNames.contains(names[f]);
            Column<?> c = byName.get(names[f]);
            if (c == null && table.containsColumn(names[f])) c = table.column(names[f]);
            if (c == null) throw new IllegalStateException("preprocessing lost feature column '" + names[f] + "'");
            if (!(c instanceof NumericColumn<?> col)) {
                throw new IllegalStateException("feature column '" + names[f] + "' is not numeric");
            }
            for (int r = 0; r < n; r++) {
                double v = col.isMissing(r) ? Double.NaN : col.getDouble(r);
                if (!Double.isFinite(v)) {
                    v = 0;
                    replaced++;
                } else if (NumberLimits.clips(v)) {
                    // Beyond a float a value would become an infinity here: the loader's clip, for derived columns.
                    v = NumberLimits.clip(v);
                    clipped++;
                }
                values[r * width + f] = (float) v;
            }
        }
        if (replaced > 0) LOG.warn("{} missing or infinite feature values read as 0", replaced);
        if (clipped > 0) LOG.warn("{} feature values beyond \u00b1{} clipped", clipped, NumberLimits.LIMIT_TEXT);
        return new FeatureMatrix(names, categorical, values, n);
    }

    public int rows() { return rows; }

    public int features() { return names.length; }

    /** The feature names in column order (sorted). */
    public List<String> names() { return List.of(names); }

    /** Whether each feature, in column order, holds category codes. A copy. */
    public boolean[] categorical() { return categorical.clone(); }

    /** Column indices of the features that hold category codes, ascending. */
    public int[] categoricalIndices() {
        int count = 0;
        for (boolean c : categorical) if (c) count++;
        int[] out = new int[count];
        for (int f = 0, k = 0; f < categorical.length; f++) if (categorical[f]) out[k++] = f;
        return out;
    }

    /** One value. */
    public double value(int row, int feature) { return values[row * names.length + feature]; }

    /**
     * The backing row-major array ({@code rows x features}). Shared, not copied: callers must not change it. Native
     * learners read it as is.
     */
    public float[] rowMajor() { return values; }

    /** The given rows, in that order, as a new matrix. */
    public FeatureMatrix rows(int[] selected) {
        int width = names.length;
        float[] out = new float[selected.length * width];
        for (int i = 0; i < selected.length; i++) {
            System.arraycopy(values, selected[i] * width, out, i * width, width);
        }
        return new FeatureMatrix(names, categorical, out, selected.length);
    }

    /** Whether every value is at least 0 (multinomial naive Bayes needs it). */
    public boolean nonNegative() {
        for (float v : values) if (v < 0) return false;
        return true;
    }

    /**
     * One row as a Tribuo example with the given output. Zeros are left out: Tribuo reads an absent feature as 0,
     * and one-hot columns are mostly zeros, so sparse examples make datasets several times faster to build and
     * train on. A row of all zeros keeps its first feature, since Tribuo refuses an example with none.
     */
    public <T extends Output<T>> Example<T> example(int row, T output) {
        int width = names.length;
        int base = row * width;
        int nonZero = 0;
        for (int f = 0; f < width; f++) if (values[base + f] != 0) nonZero++;
        if (nonZero == width) {
            double[] x = new double[width];
            for (int f = 0; f < width; f++) x[f] = values[base + f];
            return new ArrayExample<>(output, names, x);
        }
        if (nonZero == 0) return new ArrayExample<>(output, new String[] {names[0]}, new double[] {0});
        String[] n = new String[nonZero];
        double[] x = new double[nonZero];
        int k = 0;
        for (int f = 0; f < width; f++) {
            float v = values[base + f];
            if (v != 0) {
                n[k] = names[f];
                x[k++] = v;
            }
        }
        return new ArrayExample<>(output, n, x);
    }

    /** Examples of the given rows of this matrix, in that order. */
    public <T extends Output<T>> List<Example<T>> examples(int[] rows, IntFunction<T> output) {
        List<Example<T>> out = new ArrayList<>(rows.length);
        for (int r : rows) out.add(example(r, output.apply(r)));
        return out;
    }

    /** Every row, in order. */
    public <T extends Output<T>> List<Example<T>> examples(IntFunction<T> output) {
        List<Example<T>> out = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) out.add(example(r, output.apply(r)));
        return out;
    }

    /** A Tribuo dataset of examples (a fresh, self-contained copy: no row indices in its provenance). */
    public static <T extends Output<T>> MutableDataset<T> dataset(List<Example<T>> examples, OutputFactory<T> factory,
                                                                  String description) {
        MutableDataset<T> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        ds.addAll(examples);
        return ds;
    }
}
