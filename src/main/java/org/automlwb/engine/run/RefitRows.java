package org.automlwb.engine.run;

import java.util.Locale;

import org.automlwb.engine.LabelledData;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.trial.ValidationPlan;

/**
 * The training rows the final model is refit on: all of them, unless the search worked on a sample
 * ({@link SearchSample}) and all rows would not fit in the time left or in the heap. Then as many as fit, drawn
 * stratified, and never fewer than the search saw (when memory allows that much), so a large file still ends
 * with a model instead of a refit that runs out of time or memory.
 *
 * @param rows   indices into all training rows, ascending; null for all of them
 * @param total  all training rows
 * @param reason why fewer rows, for the log and the report; null for all
 */
public record RefitRows(int[] rows, int total, String reason) {
    /** Share of the time left a refit is planned to take: estimates come from a sample and may be short. */
    static final double TIME_SHARE = 0.8;
    /** Share of the free heap a refit is planned to take: its transient copies and the blending's are not counted. */
    static final double HEAP_SHARE = 0.6;
    /** Fewer rows are not worth a refit: the search's own folds were larger. */
    static final int MIN_ROWS = 10_000;

    /** Every row. */
    public static RefitRows all(int total) {
        return new RefitRows(null, total, null);
    }

    /**
     * Decides for the chosen configuration.
     *
     * @param allRowsSeconds the refit's estimated time on every row
     * @param secondsLeft    time left in the budget, or infinity without one
     * @param freeHeapBytes  heap that can still be allocated
     * @param features       features after preprocessing
     */
    static RefitRows decide(LabelledData data, SearchSample sample, Algorithm algorithm, double allRowsSeconds,
                            double secondsLeft, long freeHeapBytes, int features, long seed) {
        int total = data.rows();
        if (!sample.sampled()) return all(total);
        double byTime = allRowsSeconds <= secondsLeft ? total
                : total * Math.max(0, secondsLeft) * TIME_SHARE / allRowsSeconds;
        double bytesPerRow = (double) Math.max(1, features) * algorithm.fitBytesPerCell() + 64;
        double byMemory = freeHeapBytes * HEAP_SHARE / bytesPerRow;
        double wanted = Math.max(Math.min(byTime, total), Math.min(sample.size(), byMemory));
        int rows = (int) Math.max(Math.min(MIN_ROWS, total), Math.min(Math.min(wanted, byMemory), total));
        if (rows >= total) return all(total);
        String reason = byMemory < Math.min(byTime, total)
                ? String.format(Locale.ROOT, "the heap holds about %,d rows of %d features", (long) byMemory, features)
                : String.format(Locale.ROOT, "all rows would need about %.0f s, %.0f s are left", allRowsSeconds,
                        Math.max(0, secondsLeft));
        return new RefitRows(ValidationPlan.stratifiedSample(data.targets(), rows, seed ^ 0x2F1B7D), total, reason);
    }

    /** Whether the refit uses fewer rows than there are. */
    public boolean sampled() { return rows != null; }

    /** Rows the refit trains on. */
    public int size() { return rows == null ? total : rows.length; }

    /** The refit's data. */
    LabelledData of(LabelledData data) {
        return rows == null ? data : data.select(rows);
    }

    /** For logs and the report, e.g. {@code 1,200,000 of 2,000,000 rows (all rows would need ...)}. */
    public String describe() {
        return sampled() ? String.format(Locale.ROOT, "%,d of %,d rows (%s)", size(), total, reason)
                : String.format(Locale.ROOT, "all %,d rows", total);
    }
}
