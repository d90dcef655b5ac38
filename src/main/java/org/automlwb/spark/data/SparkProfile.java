package org.automlwb.spark.data;

import static org.apache.spark.sql.functions.approx_count_distinct;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.DatasetProfile;

/**
 * A large source's profile as one distributed aggregate: the row count and, per column, its missing cells, an
 * approximate distinct count (HyperLogLog++, about 2% relative error) and, for numbers, min, max, mean and
 * standard deviation; for the target also whether any value has a fraction. Only the one result row comes back
 * to the driver. Quartiles, histograms and top values are left out: each would be another pass over the data.
 *
 * @param profile        the profile, in the shape the CSV loader's profiler gives (quartiles NaN, no bins)
 * @param targetFraction rows whose target is a number with a fractional part (0 for non-numeric targets)
 */
record SparkProfile(DatasetProfile profile, long targetFraction) {
    /** Relative standard deviation asked of the distinct-count sketches. */
    static final double DISTINCT_RSD = 0.02;

    /** The number of rows. */
    long rows() { return profile.rows(); }

    /** A column's profile, or null when there is no such column. */
    ColumnProfile column(String name) {
        return profile.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** Profiles {@code source} in one pass. */
    static SparkProfile of(SparkSource source, String target) {
        List<Column> aggs = new ArrayList<>();
        aggs.add(count(lit(1)));
        List<String> names = new ArrayList<>(source.kinds().keySet());
        for (String name : names) {
            Column c = SparkColumnTypes.col(name);
            ColumnKind kind = source.kinds().get(name);
            aggs.add(count(c));
            aggs.add(approx_count_distinct(c, DISTINCT_RSD));
            if (kind.isNumeric()) {
                Column d = c.cast("double");
                aggs.add(min(d));
                aggs.add(max(d));
                aggs.add(avg(d));
                aggs.add(stddev_samp(d));
            }
        }
        boolean numericTarget = target != null && source.kinds().containsKey(target)
                && source.kinds().get(target).isNumeric();
        if (numericTarget) {
            Column t = SparkColumnTypes.col(target).cast("double");
            aggs.add(sum(when(t.notEqual(floor(t)), 1).otherwise(0)));
        }
        Row r = source.data().agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        long rows = r.getLong(0);
        int at = 1;
        List<ColumnProfile> columns = new ArrayList<>();
        for (String name : names) {
            ColumnKind kind = source.kinds().get(name);
            long present = r.getLong(at++);
            long distinct = r.getLong(at++);
            double lo = Double.NaN;
            double hi = Double.NaN;
            double mean = Double.NaN;
            double std = Double.NaN;
            if (kind.isNumeric()) {
                lo = number(r, at++);
                hi = number(r, at++);
                mean = number(r, at++);
                std = number(r, at++);
            }
            long missing = rows - present;
            // HyperLogLog may count a little over: never more distinct values than values.
            distinct = Math.min(distinct, present);
            columns.add(new ColumnProfile(name, kind, rows, missing, distinct, lo, hi, mean, std, Double.NaN,
                    Double.NaN, Double.NaN, List.of(), List.of(), flags(kind, rows, missing, distinct)));
        }
        long fraction = numericTarget && !r.isNullAt(at) ? r.getLong(at) : 0;
        return new SparkProfile(new DatasetProfile(rows, columns, suggestedTarget(columns)), fraction);
    }

    private static double number(Row r, int i) {
        return r.isNullAt(i) ? Double.NaN : ((Number) r.get(i)).doubleValue();
    }

    /** The profiler's flags that aggregates can tell: all missing, constant, ID-like text. */
    private static List<String> flags(ColumnKind kind, long rows, long missing, long distinct) {
        List<String> flags = new ArrayList<>();
        if (missing == rows) flags.add("all_missing");
        else if (distinct <= 1) flags.add("constant");
        // Every value different, within the sketch's error: an identifier, not a feature.
        else if ((kind == ColumnKind.TEXT || kind == ColumnKind.INTEGER) && rows > 100
                && distinct >= (rows - missing) * (1 - 3 * DISTINCT_RSD)) flags.add("id_like");
        return flags;
    }

    /** The last column that is neither an identifier, constant nor empty, as the profiler suggests a target. */
    private static String suggestedTarget(List<ColumnProfile> columns) {
        for (int i = columns.size() - 1; i >= 0; i--) {
            if (columns.get(i).flags().isEmpty()) return columns.get(i).name();
        }
        return null;
    }

    /** Column name to kind, in source order, as the profile holds them. */
    Map<String, ColumnKind> kinds() {
        Map<String, ColumnKind> out = new java.util.LinkedHashMap<>();
        profile.columns().forEach(c -> out.put(c.name(), c.kind()));
        return out;
    }
}
