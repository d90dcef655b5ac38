package org.automlwb.engine.run;

import java.time.Duration;
import java.util.Locale;

import org.automlwb.data.SampledSource;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.trial.ValidationPlan;

/**
 * The training rows the search works on. On large data every trial on every row would leave room for a handful of
 * trials, or none (2,000,000 rows: even the constant baseline ran past its cap while the folds were prepared), so
 * the search scores configurations on a stratified sample whose size follows the budget, and the final refit then
 * trains the chosen configuration on as many rows as time and memory allow ({@link RefitRows}).
 *
 * <p>When the training table is itself a sample drawn from a larger source ({@link SampledSource}: data read
 * through Spark), the search also takes no more rows than fit one executor, and the refit's rows are the drawn
 * ones: the same two-level logic, with the source's total recorded beside it.
 *
 * @param rows   the sampled rows as indices into all training rows, ascending; null when the search sees every row
 * @param total  all training rows (in memory)
 * @param source the larger source the training rows were drawn from, or null when they are the whole data
 */
public record SearchSample(int[] rows, int total, SampledSource source) {
    /** Data up to this many rows is never sampled, whatever the budget (kddcup99's 116,000 are searched whole). */
    static final int SAMPLED_ABOVE_ROWS = 150_000;
    /** The smallest sample: fewer rows would make validation scores too noisy to rank configurations by. */
    static final int MIN_SAMPLE = 50_000;
    /**
     * Rows searched per second of budget and thread, for a file of {@link #REFERENCE_COLUMNS} columns. A LightGBM
     * round on one thread costs about 25 ns per row and feature, and early stopping keeps a few hundred rounds at
     * the learning rates the portfolio starts with: on 120,000 rows x 32 features one fit took 25-80 s. With 200,
     * 120 s on 2 threads search 50,000 rows, where such a fit takes about a tenth of the budget.
     */
    static final int ROWS_PER_THREAD_SECOND = 200;
    static final int REFERENCE_COLUMNS = 20;

    /** The search's rows as indices into all training rows (null for all), of training rows that are the data. */
    public SearchSample(int[] rows, int total) {
        this(rows, total, null);
    }

    /** The search sees every row. */
    public static SearchSample all(int total) {
        return new SearchSample(null, total);
    }

    /**
     * Decides from the data's size and the run's budget: no sample without a time budget (a run bounded by its
     * number of trials is meant to be exhaustive and reproducible), up to {@link #SAMPLED_ABOVE_ROWS} rows, or
     * below the size the budget covers.
     */
    public static SearchSample decide(LabelledData data, RunSpec spec) {
        return decide(data, spec, null);
    }

    /**
     * As {@link #decide(LabelledData, RunSpec)}, for training rows drawn from {@code source}: then the search also
     * takes at most the rows that fit one executor ({@link SampledSource#searchRows()}), whatever the data's size.
     *
     * @param source the source the rows were drawn from, or null when they are the whole data
     */
    public static SearchSample decide(LabelledData data, RunSpec spec, SampledSource source) {
        int cap = cap(spec.budget(), spec.threads(), data.table().columnCount());
        boolean executorBound = source != null && data.rows() > source.searchRows();
        if (source != null) cap = Math.min(cap, source.searchRows());
        if (!executorBound && (data.rows() <= SAMPLED_ABOVE_ROWS || data.rows() <= cap)) {
            return new SearchSample(null, data.rows(), source);
        }
        return new SearchSample(ValidationPlan.stratifiedSample(data.targets(), cap, spec.seed() ^ 0x5A3C1E),
                data.rows(), source);
    }

    /** Most rows a search with this budget works on; {@link Integer#MAX_VALUE} without a time budget. */
    static int cap(Duration budget, int threads, int columns) {
        if (budget == null) return Integer.MAX_VALUE;
        double perColumn = REFERENCE_COLUMNS / (double) Math.max(REFERENCE_COLUMNS, columns);
        double rows = budget.toMillis() / 1000.0 * Math.max(1, threads) * ROWS_PER_THREAD_SECOND * perColumn;
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_SAMPLE, rows));
    }

    /** Whether the search sees fewer rows than there are. */
    public boolean sampled() { return rows != null; }

    /** Rows the search sees. */
    public int size() { return rows == null ? total : rows.length; }

    /** The search's data: all of it, or the sampled rows. */
    LabelledData of(LabelledData data) {
        return rows == null ? data : data.select(rows);
    }

    /** Indices into the searched rows, as indices into all training rows. */
    public int[] original(int[] searched) {
        if (rows == null) return searched;
        int[] out = new int[searched.length];
        for (int i = 0; i < searched.length; i++) out[i] = rows[searched[i]];
        return out;
    }

    /**
     * For logs and the report, e.g. {@code a sample of 240,000 of 2,000,000 rows}; with a source, also the rows
     * drawn from it ({@code a sample of 150,000 of 1,200,000 rows drawn from 20,000,000}).
     */
    public String describe() {
        String own = sampled() ? String.format(Locale.ROOT, "a sample of %,d of %,d rows", size(), total)
                : String.format(Locale.ROOT, "all %,d rows", total);
        return source == null ? own : own + String.format(Locale.ROOT, " drawn from %,d", source.totalRows());
    }
}
