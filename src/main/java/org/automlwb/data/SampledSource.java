package org.automlwb.data;

import java.util.Locale;

/**
 * Where a training table came from when it is not a whole file but a sample drawn from data larger than this
 * JVM's heap (a Parquet or CSV folder, glob or {@code hdfs://} / {@code s3a://} location read through Spark).
 * The table in memory holds the drawn rows; the search works on a smaller sample of them that fits each executor,
 * and the final model is refit on the drawn rows. All three sizes are recorded with the run.
 *
 * @param location    the location as the user gave it
 * @param format      {@code parquet} or {@code csv}
 * @param totalRows   rows in the whole source (a Spark count)
 * @param drawnRows   rows drawn into the driver's table: as many as its heap holds for the refit
 * @param searchRows  the most rows the search may work on: what fits one executor's memory
 * @param searchLimit why the search takes at most {@code searchRows}, e.g. which executor memory holds them
 * @param drawnLimit  why the table holds {@code drawnRows}, e.g. which driver heap holds them
 */
public record SampledSource(String location, String format, long totalRows, int drawnRows, int searchRows,
                            String searchLimit, String drawnLimit) {
    public SampledSource {
        if (totalRows < 0 || drawnRows < 0 || searchRows < 1) {
            throw new IllegalArgumentException("bad sizes: total " + totalRows + ", drawn " + drawnRows
                    + ", search " + searchRows);
        }
    }

    /** For logs and the closing lines, e.g. {@code 1,200,000 of 20,000,000 rows drawn from /data/big (parquet)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%,d of %,d rows drawn from %s (%s)", drawnRows, totalRows, location,
                format);
    }
}
