package org.automlwb.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.function.IntFunction;
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
 * The features of a preprocessed table as plain numbers, ready to become Tribuo examples.
 *
 * <p>Tribuo rejects NaN (STACK.md), so a value that is missing or not finite reads as 0 and is counted in the
 * log: the recipe should have imputed it, and a run must not die of it.
 */
public final class FeatureMatrix {
    private static final Logger LOG = LoggerFactory.getLogger(FeatureMatrix.class);

    /** Feature names sorted, as Tribuo keeps them inside an example. */
    private final String[] names;
    /** values[row][feature], features in the order of {@link #names}. */
    private final double[][] values;

    private FeatureMatrix(String[] names, double[][] values) {
        this.names = names;
        this.values = values;
    }

    /**
     * Reads the named feature columns.
     *
     * @throws IllegalStateException when there are no features, a name repeats, or a column is absent or not
     *                               numeric (all bugs of the pipeline, not of the user's data)
     */
    public static FeatureMatrix of(Table table, List<String> featureNames) {
        if (featureNames.isEmpty()) {
            throw new IllegalStateException("preprocessing left no feature columns to learn from");
        }
        if (new HashSet<>(featureNames).size() != featureNames.size()) {
            throw new IllegalStateException("preprocessing produced repeated feature names");
        }
        String[] names = featureNames.toArray(String[]::new);
        Arrays.sort(names);
        int n = table.rowCount();
        double[][] values = new double[n][names.length];
        long replaced = 0;
        for (int f = 0; f < names.length; f++) {
            if (!table.containsColumn(names[f])) {
                throw new IllegalStateException("preprocessing lost feature column '" + names[f] + "'");
            }
            Column<?> c = table.column(names[f]);
            if (!(c instanceof NumericColumn<?> col)) {
                throw new IllegalStateException("feature column '" + names[f] + "' is not numeric");
            }
            for (int r = 0; r < n; r++) {
                double v = col.isMissing(r) ? Double.NaN : col.getDouble(r);
                if (!Double.isFinite(v)) {
                    v = 0;
                    replaced++;
                }
                values[r][f] = v;
            }
        }
        if (replaced > 0) LOG.warn("{} missing or infinite feature values read as 0", replaced);
        return new FeatureMatrix(names, values);
    }

    public int rows() { return values.length; }

    public int features() { return names.length; }

    /** Whether every value is at least 0 (multinomial naive Bayes needs it). */
    public boolean nonNegative() {
        for (double[] row : values) for (double v : row) if (v < 0) return false;
        return true;
    }

    /** One row as a Tribuo example with the given output. */
    public <T extends Output<T>> Example<T> example(int row, T output) {
        return new ArrayExample<>(output, names, values[row]);
    }

    /** Examples of the given rows of this matrix, in that order. */
    public <T extends Output<T>> List<Example<T>> examples(int[] rows, IntFunction<T> output) {
        List<Example<T>> out = new ArrayList<>(rows.length);
        for (int r : rows) out.add(example(r, output.apply(r)));
        return out;
    }

    /** Every row, in order. */
    public <T extends Output<T>> List<Example<T>> examples(IntFunction<T> output) {
        int[] all = new int[rows()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return examples(all, output);
    }

    /** A Tribuo dataset of examples (a fresh, self-contained copy: no row indices in its provenance). */
    public static <T extends Output<T>> MutableDataset<T> dataset(List<Example<T>> examples, OutputFactory<T> factory,
                                                                  String description) {
        MutableDataset<T> ds = new MutableDataset<>(new SimpleDataSourceProvenance(description, factory), factory);
        ds.addAll(examples);
        return ds;
    }
}
