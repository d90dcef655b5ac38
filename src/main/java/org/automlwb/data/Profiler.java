package org.automlwb.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.automlwb.data.ColumnProfile.HistogramBin;
import org.automlwb.data.ColumnProfile.ValueCount;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Computes column profiles: counts, distinct values, numeric summaries, top values, histograms and flags.
 *
 * <p>Definitions: quartiles interpolate linearly between order statistics (numpy's default); {@code std} is the
 * sample standard deviation. Flags: {@code all_missing} (no values, rows present), {@code constant} (exactly
 * one distinct value, missing cells aside), {@code id_like} (at least 20 values and either integers that are
 * all distinct and consecutive, or all distinct in a column whose name looks like an id, or text of which at
 * least 95% of the values are distinct), {@code duplicate_of:<col>} (same type and same value in every row as
 * an earlier column). Numeric columns list top values only when they have at most 20 distinct values.
 */
public final class Profiler {
    /** Bins of a numeric histogram. */
    static final int HISTOGRAM_BINS = 20;
    /** Top values listed at most. */
    static final int TOP_VALUES = 10;
    private static final int NUMERIC_TOP_MAX_DISTINCT = 20;
    private static final int ID_MIN_VALUES = 20;
    private static final double TEXT_ID_DISTINCT_SHARE = 0.95;

    private Profiler() { }

    /** Profiles a loaded file, with what the number rule ({@link NumberLimits}) changed in each column. */
    public static DatasetProfile profile(LoadedData data) {
        DatasetProfile p = profile(data.table(), data.kinds());
        if (data.numberFixes().isEmpty()) return p;
        List<ColumnProfile> cols = new ArrayList<>(p.columns().size());
        for (ColumnProfile c : p.columns()) {
            NumberFixes f = data.numberFixes(c.name());
            cols.add(!f.any() ? c : new ColumnProfile(c.name(), c.kind(), c.count(), c.missing(), c.distinct(),
                    c.min(), c.max(), c.mean(), c.std(), c.q1(), c.median(), c.q3(), c.topValues(), c.histogram(),
                    c.flags(), f.nonFinite(), f.clipped()));
        }
        return new DatasetProfile(p.rows(), cols, p.suggestedTarget());
    }

    /**
     * Profiles any table; {@code kinds} gives the column types (columns missing from it get the kind that matches
     * their Tablesaw type).
     */
    public static DatasetProfile profile(Table table, Map<String, ColumnKind> kinds) {
        List<ColumnProfile> profiles = new ArrayList<>();
        Map<Long, List<Integer>> byHash = new HashMap<>();
        for (int c = 0; c < table.columnCount(); c++) {
            Column<?> col = table.column(c);
            ColumnKind kind = kinds.getOrDefault(col.name(), kindOf(col));
            ColumnProfile p = profileColumn(col, kind);
            String dup = duplicateOf(table, c, kind, byHash, kinds);
            if (dup != null) {
                List<String> flags = new ArrayList<>(p.flags());
                flags.add("duplicate_of:" + dup);
                p = new ColumnProfile(p.name(), p.kind(), p.count(), p.missing(), p.distinct(), p.min(), p.max(),
                        p.mean(), p.std(), p.q1(), p.median(), p.q3(), p.topValues(), p.histogram(), flags);
            }
            profiles.add(p);
        }
        String target = null;
        for (int i = profiles.size() - 1; i >= 0 && target == null; i--) {
            List<String> f = profiles.get(i).flags();
            if (!f.contains("id_like") && !f.contains("constant") && !f.contains("all_missing")) {
                target = profiles.get(i).name();
            }
        }
        return new DatasetProfile(table.rowCount(), profiles, target);
    }

    /** The kind that matches a Tablesaw column type. */
    static ColumnKind kindOf(Column<?> col) {
        return switch (col.type().name()) {
            case "INTEGER", "LONG", "SHORT" -> ColumnKind.INTEGER;
            case "DOUBLE", "FLOAT" -> ColumnKind.DECIMAL;
            case "BOOLEAN" -> ColumnKind.BOOLEAN;
            case "LOCAL_DATE" -> ColumnKind.DATE;
            case "LOCAL_DATE_TIME", "INSTANT" -> ColumnKind.DATETIME;
            default -> ColumnKind.TEXT;
        };
    }

    private static ColumnProfile profileColumn(Column<?> col, ColumnKind kind) {
        if (col instanceof NumericColumn<?> num) return numeric(num, kind);
        long count = col.size();
        long missing = col.countMissing();
        Map<Object, long[]> counts = new HashMap<>();
        for (int i = 0; i < col.size(); i++) {
            if (col.isMissing(i)) continue;
            counts.computeIfAbsent(key(col, i), k -> new long[1])[0]++;
        }
        long nonMissing = count - missing;
        List<String> flags = flags(count, nonMissing, counts.size());
        if (kind == ColumnKind.TEXT && nonMissing >= ID_MIN_VALUES
                && counts.size() >= TEXT_ID_DISTINCT_SHARE * nonMissing) {
            flags.add("id_like");
        }
        List<ValueCount> top = counts.entrySet().stream()
                .map(e -> new ValueCount(display(col, e.getKey()), e.getValue()[0]))
                .sorted(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
                .limit(TOP_VALUES).toList();
        double nan = Double.NaN;
        return new ColumnProfile(col.name(), kind, count, missing, counts.size(), nan, nan, nan, nan, nan, nan, nan,
                top, List.of(), flags);
    }

    /** A cheap hashable key for cell {@code i}: packed ints for dates, the value itself otherwise. */
    private static Object key(Column<?> col, int i) {
        if (col instanceof DateColumn d) return d.getIntInternal(i);
        if (col instanceof DateTimeColumn d) return d.getLongInternal(i);
        if (col instanceof BooleanColumn b) return b.get(i);
        return col.get(i);
    }

    private static String display(Column<?> col, Object key) {
        if (col instanceof DateColumn) {
            return tech.tablesaw.columns.dates.PackedLocalDate.asLocalDate((Integer) key).toString();
        }
        if (col instanceof DateTimeColumn) {
            return tech.tablesaw.columns.datetimes.PackedLocalDateTime.asLocalDateTime((Long) key).toString();
        }
        return String.valueOf(key);
    }

    private static List<String> flags(long count, long nonMissing, long distinct) {
        List<String> flags = new ArrayList<>();
        if (count > 0 && nonMissing == 0) flags.add("all_missing");
        if (distinct == 1) flags.add("constant");
        return flags;
    }

    private static ColumnProfile numeric(NumericColumn<?> col, ColumnKind kind) {
        int n = col.size();
        double[] v = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!col.isMissing(i)) v[m++] = col.getDouble(i);
        }
        v = Arrays.copyOf(v, m);
        Arrays.sort(v);
        long distinct = 0;
        for (int i = 0; i < m; i++) {
            if (i == 0 || v[i] != v[i - 1]) distinct++;
        }
        List<String> flags = flags(n, m, distinct);
        double nan = Double.NaN;
        if (m == 0) {
            return new ColumnProfile(col.name(), kind, n, n, 0, nan, nan, nan, nan, nan, nan, nan, List.of(),
                    List.of(), flags);
        }
        double min = v[0];
        double max = v[m - 1];
        if (kind == ColumnKind.INTEGER && m >= ID_MIN_VALUES && distinct == m
                && (max - min + 1 == m || looksLikeIdName(col.name()))) {
            flags.add("id_like");
        }
        double sum = 0;
        for (double x : v) sum += x;
        double mean = sum / m;
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        double std = m > 1 ? Math.sqrt(ss / (m - 1)) : nan;
        return new ColumnProfile(col.name(), kind, n, n - m, distinct, min, max, mean, std,
                quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75),
                distinct <= NUMERIC_TOP_MAX_DISTINCT ? numericTop(v, kind) : List.of(), histogram(v), flags);
    }

    private static boolean looksLikeIdName(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        return s.equals("id") || s.endsWith("_id") || s.endsWith(" id") || s.endsWith("id") && name.endsWith("ID")
                || s.equals("index") || s.equals("row") || s.equals("rownum");
    }

    /** Linear interpolation between order statistics of sorted {@code v}. */
    static double quantile(double[] v, double p) {
        double h = (v.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, v.length - 1);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    private static List<ValueCount> numericTop(double[] sorted, ColumnKind kind) {
        List<ValueCount> runs = new ArrayList<>();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            double x = sorted[i];
            String text = kind == ColumnKind.INTEGER ? Long.toString((long) x) : Double.toString(x);
            runs.add(new ValueCount(text, j - i));
            i = j;
        }
        runs.sort(Comparator.comparingLong(ValueCount::count).reversed());
        return runs.subList(0, Math.min(TOP_VALUES, runs.size()));
    }

    private static List<HistogramBin> histogram(double[] sorted) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (min == max || !Double.isFinite(max - min)) {
            return List.of(new HistogramBin(min, max, sorted.length));
        }
        long[] counts = new long[HISTOGRAM_BINS];
        double width = (max - min) / HISTOGRAM_BINS;
        for (double x : sorted) counts[Math.min(HISTOGRAM_BINS - 1, (int) ((x - min) / width))]++;
        List<HistogramBin> bins = new ArrayList<>(HISTOGRAM_BINS);
        for (int b = 0; b < HISTOGRAM_BINS; b++) {
            double hi = b == HISTOGRAM_BINS - 1 ? max : min + (b + 1) * width;
            bins.add(new HistogramBin(min + b * width, hi, counts[b]));
        }
        return bins;
    }

    /** The first earlier column of the same kind holding the same value (or missing) in every row, or null. */
    private static String duplicateOf(Table table, int c, ColumnKind kind, Map<Long, List<Integer>> byHash,
                                      Map<String, ColumnKind> kinds) {
        Column<?> col = table.column(c);
        long h = kind.ordinal();
        for (int i = 0; i < col.size(); i++) {
            h = h * 0x9E3779B97F4A7C15L + (col.isMissing(i) ? 0x5bd1e995L : Objects.hashCode(key(col, i)));
        }
        List<Integer> same = byHash.computeIfAbsent(h, k -> new ArrayList<>());
        String found = null;
        for (int other : same) {
            Column<?> o = table.column(other);
            if (kinds.getOrDefault(o.name(), kindOf(o)) == kind && sameValues(col, o)) {
                found = o.name();
                break;
            }
        }
        same.add(c);
        return found;
    }

    private static boolean sameValues(Column<?> a, Column<?> b) {
        for (int i = 0; i < a.size(); i++) {
            boolean ma = a.isMissing(i);
            if (ma != b.isMissing(i) || !ma && !Objects.equals(key(a, i), key(b, i))) return false;
        }
        return true;
    }

    /** The kinds of a table's columns, from their Tablesaw types, in column order. */
    public static Map<String, ColumnKind> kindsOf(Table table) {
        Map<String, ColumnKind> out = new LinkedHashMap<>();
        for (Column<?> c : table.columns()) out.put(c.name(), kindOf(c));
        return out;
    }
}
