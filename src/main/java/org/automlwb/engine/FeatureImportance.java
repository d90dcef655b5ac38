package org.automlwb.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.automlwb.common.CancelToken;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Permutation importance of a {@link FinalModel} over the RAW input columns: shuffle one column of the table,
 * predict, and measure how much the main metric gets worse. Because it works on raw columns, a one-hot encoded
 * or date-split column counts once, under the name the user knows.
 *
 * <p>Rows are capped by a seeded sample so the cost stays at (columns x repeats + 1) predictions of at most
 * {@link Settings#maxRows()} rows, whatever the data size. A slow model (KNN, a large ensemble) also gets a time
 * budget: the first prediction's time sets how many rows and repeats fit in it, and columns not reached when it
 * has run out one and a half times over are left out ({@link Result#complete()} is false).
 */
public final class FeatureImportance {
    private FeatureImportance() { }

    /**
     * How much the metric got worse when the column was shuffled.
     *
     * @param column the raw column
     * @param drop   mean over repeats of (loss when shuffled − loss as is); 0 or below means the model does not
     *               use the column; in the metric's units (e.g. AUC points)
     * @param std    standard deviation of the drop over repeats
     */
    public record Importance(String column, double drop, double std) { }

    /**
     * @param maxRows    rows sampled (without replacement) when the table is larger
     * @param repeats    shuffles per column, averaged
     * @param seed       seeds the row sample and the shuffles
     * @param maxSeconds the time it should take; fewer rows (down to {@value #MIN_ROWS}) and repeats when the model
     *                   is too slow for it
     */
    public record Settings(int maxRows, int repeats, long seed, double maxSeconds) {
        public Settings {
            if (maxRows < 2 || repeats < 1 || !(maxSeconds > 0)) {
                throw new IllegalArgumentException("need maxRows >= 2, repeats >= 1 and maxSeconds > 0");
            }
        }

        /** 5,000 rows, 3 repeats, seed 42, 60 seconds. */
        public static Settings defaults() { return new Settings(5_000, 3, 42, 60); }

        public Settings withSeed(long s) { return new Settings(maxRows, repeats, s, maxSeconds); }

        public Settings withMaxSeconds(double s) { return new Settings(maxRows, repeats, seed, s); }
    }

    /**
     * The importances and how they were measured.
     *
     * @param importances most important first
     * @param rows        rows the importance was measured on
     * @param repeats     shuffles per column
     * @param complete    false when the time ran out before every column was measured
     */
    public record Result(List<Importance> importances, int rows, int repeats, boolean complete) {
        public Result {
            importances = List.copyOf(importances);
        }
    }

    /** The fewest rows the time budget may cut the sample to. */
    public static final int MIN_ROWS = 200;

    /**
     * Computes the importance of every column except the target, most important first.
     *
     * @param model   the model; it applies its own preprocessing to the raw rows
     * @param table   raw rows with their targets (a target column in it is skipped, not shuffled)
     * @param truth   the target of each row of {@code table}
     * @param target  the target column's name (may be absent from the table)
     * @param metric  the metric whose drop is measured
     * @throws org.automlwb.common.CancelledException when cancelled between columns
     */
    public static Result compute(FinalModel model, Table table, Targets truth, String target, Metric metric,
                                 Settings settings, CancelToken cancel) {
        if (truth.size() != table.rowCount()) {
            throw new IllegalArgumentException("table has " + table.rowCount() + " rows, targets " + truth.size());
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] rows = sample(table.rowCount(), settings.maxRows(), random);
        Table base = rows.length == table.rowCount() ? table : table.rows(rows);
        Targets t = rows.length == table.rowCount() ? truth : truth.select(rows);
        double baseLoss = metric.toLoss(metric.compute(t, model.predict(base)));
        int columns = base.columnCount() - (base.containsColumn(target) ? 1 : 0);
        int repeats = settings.repeats();
        double perPrediction = (System.nanoTime() - start) / 1e9;
        double expected = perPrediction * columns * repeats;
        if (expected > settings.maxSeconds() && base.rowCount() > MIN_ROWS) {
            // prediction time grows about linearly with rows: cut the sample to fit the budget, then measure again
            // (a fixed cost per prediction, e.g. the preprocessing, does not shrink with the rows)
            int fewer = Math.max(MIN_ROWS, (int) (base.rowCount() * settings.maxSeconds() / expected));
            int[] keep = sample(base.rowCount(), fewer, random);
            base = base.rows(keep);
            t = t.select(keep);
            long again = System.nanoTime();
            baseLoss = metric.toLoss(metric.compute(t, model.predict(base)));
            expected = (System.nanoTime() - again) / 1e9 * columns * repeats;
        }
        if (expected > settings.maxSeconds()) repeats = 1;
        long deadline = start + (long) (1.5 * settings.maxSeconds() * 1e9);
        List<Importance> out = new ArrayList<>();
        boolean complete = true;
        for (int c = 0; c < base.columnCount(); c++) {
            Column<?> column = base.column(c);
            if (column.name().equals(target)) continue;
            cancel.throwIfCancelled();
            if (System.nanoTime() > deadline) {
                complete = false;
                break;
            }
            double[] drops = new double[repeats];
            for (int r = 0; r < drops.length; r++) {
                Table shuffled = withColumn(base, c, column.subset(permutation(base.rowCount(), random)));
                drops[r] = metric.toLoss(metric.compute(t, model.predict(shuffled))) - baseLoss;
            }
            out.add(new Importance(column.name(), mean(drops), std(drops)));
        }
        out.sort(Comparator.comparingDouble(Importance::drop).reversed());
        return new Result(out, base.rowCount(), repeats, complete);
    }

    private static Table withColumn(Table base, int index, Column<?> replacement) {
        List<Column<?>> columns = new ArrayList<>(base.columns());
        // Tablesaw's subset keeps the name; the other columns are shared, not copied
        columns.set(index, replacement);
        return Table.create(base.name(), columns);
    }

    private static int[] sample(int n, int max, SplittableRandom random) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        if (n <= max) return all;
        for (int i = 0; i < max; i++) swap(all, i, i + random.nextInt(n - i));
        int[] out = java.util.Arrays.copyOf(all, max);
        java.util.Arrays.sort(out);
        return out;
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) swap(p, i, random.nextInt(i + 1));
        return p;
    }

    private static void swap(int[] a, int i, int j) {
        int x = a[i];
        a[i] = a[j];
        a[j] = x;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) s += v;
        return s / x.length;
    }

    private static double std(double[] x) {
        if (x.length < 2) return 0;
        double m = mean(x);
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return Math.sqrt(s / (x.length - 1));
    }
}
