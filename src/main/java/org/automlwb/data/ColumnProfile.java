package org.automlwb.data;

import java.util.List;

/**
 * Statistics of one column. Numeric fields are NaN for non-numeric columns; {@code topValues} is empty for
 * numeric columns with many distinct values.
 *
 * @param name        column name
 * @param kind        inferred (or overridden) type
 * @param count       rows
 * @param missing     missing cells
 * @param distinct    distinct non-missing values
 * @param min         minimum (numeric)
 * @param max         maximum (numeric)
 * @param mean        mean (numeric)
 * @param std         sample standard deviation (numeric)
 * @param q1          first quartile (numeric)
 * @param median      median (numeric)
 * @param q3          third quartile (numeric)
 * @param topValues   most frequent values with counts, most frequent first (at most 10)
 * @param histogram   histogram bins (numeric), empty otherwise
 * @param flags       {@code constant}, {@code id_like}, {@code all_missing}, {@code duplicate_of:<col>}
 * @param nonFinite   cells holding an infinity or NaN (or a number beyond a double), read as missing and counted in
 *                    {@code missing} too ({@link NumberLimits})
 * @param clipped     cells beyond &plusmn;{@link NumberLimits#LIMIT}, clipped to it before the statistics
 */
public record ColumnProfile(String name, ColumnKind kind, long count, long missing, long distinct,
                            double min, double max, double mean, double std, double q1, double median, double q3,
                            List<ValueCount> topValues, List<HistogramBin> histogram, List<String> flags,
                            long nonFinite, long clipped) {
    public ColumnProfile {
        topValues = List.copyOf(topValues);
        histogram = List.copyOf(histogram);
        flags = List.copyOf(flags);
    }

    /** A profile of a column where the number rule changed nothing. */
    public ColumnProfile(String name, ColumnKind kind, long count, long missing, long distinct,
                         double min, double max, double mean, double std, double q1, double median, double q3,
                         List<ValueCount> topValues, List<HistogramBin> histogram, List<String> flags) {
        this(name, kind, count, missing, distinct, min, max, mean, std, q1, median, q3, topValues, histogram, flags,
                0, 0);
    }

    /** What the number rule changed, in words ("3 infinite or NaN values read as missing"); empty if nothing. */
    public String numberNote() {
        return new NumberFixes(nonFinite, clipped).describe();
    }

    public double missingPercent() { return count == 0 ? 0 : 100.0 * missing / count; }

    /** A value and how many rows hold it. */
    public record ValueCount(String value, long count) { }

    /** A histogram bin [low, high) with its count (the last bin includes high). */
    public record HistogramBin(double low, double high, long count) { }
}
