package org.automlwb.spark.data;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows drawn from a large source, as a Spark plan (nothing runs until the rows are collected): for
 * classification {@code sampleBy} on the target with each class's fraction, so class shares are kept; for
 * regression a plain Bernoulli sample. Rows without a target are left out first (a run drops them anyway).
 */
final class StratifiedDraw {
    /** A class gets at least this many rows (all it has, when it has fewer): a rare class must reach the folds. */
    static final int MIN_PER_CLASS = 50;

    private StratifiedDraw() { }

    /**
     * The plan drawing about {@code rows} rows, and never more.
     *
     * @param total rows in the source
     */
    static Dataset<Row> plan(SparkSource source, String target, SparkTask task, long total, int rows, long seed) {
        Dataset<Row> labelled = source.data().where(SparkColumnTypes.col(target).isNotNull());
        if (rows >= total) return labelled;
        double fraction = rows / (double) total;
        Dataset<Row> drawn;
        if (task.classification()) {
            Map<Object, Double> fractions = new HashMap<>();
            task.classes().forEach((value, count) ->
                    fractions.put(value, Math.min(1.0, Math.max(fraction, MIN_PER_CLASS / (double) count))));
            drawn = labelled.stat().sampleBy(SparkColumnTypes.col(target), fractions, seed);
        } else {
            drawn = labelled.sample(false, fraction, seed);
        }
        // Bernoulli draws scatter around the expected size by a few standard deviations: the cap holds the
        // driver's heap to what was planned, at the cost of the last partitions' few hundred surplus rows.
        return drawn.limit(rows);
    }
}
