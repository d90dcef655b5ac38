package org.automlwb.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * How the target column's cells read as labels and numbers, shared by task detection and target extraction so
 * that both see the same classes.
 */
final class TargetValues {
    private TargetValues() { }

    /** Missing in Tablesaw's sense, or a blank string (a cell of spaces is no label). */
    static boolean isMissing(Column<?> column, int row) {
        if (column.isMissing(row)) return true;
        return !(column instanceof NumericColumn) && column.getString(row).isBlank();
    }

    /**
     * The class label of a cell: numbers without a trailing {@code .0} (so an integer column read as doubles
     * gives the same labels {@code 0, 1} as one read as integers), text trimmed.
     */
    static String label(Column<?> column, int row) {
        if (column instanceof NumericColumn<?> n) return plainNumber(n.getDouble(row));
        return column.getString(row).trim();
    }

    static String plainNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        if (!Double.isFinite(v)) return Double.toString(v);
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The number in a cell, or NaN when it is not one. */
    static double number(Column<?> column, int row) {
        if (column instanceof NumericColumn<?> n) return n.getDouble(row);
        try {
            return Double.parseDouble(column.getString(row).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Class names in a deterministic order: numerically when every label is a number (so {@code 2} comes
     * before {@code 10}), otherwise by their text. The positive class of a binary task is the second one.
     */
    static List<String> sortedClassNames(Collection<String> labels) {
        boolean numeric = labels.stream().allMatch(TargetValues::isNumber);
        Comparator<String> order = numeric
                ? Comparator.<String>comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                : Comparator.naturalOrder();
        TreeSet<String> sorted = new TreeSet<>(order);
        sorted.addAll(labels);
        return List.copyOf(sorted);
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Up to three column names that look like {@code wanted}, closest first. */
    static List<String> similarNames(Table table, String wanted) {
        String w = wanted.trim().toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(table.columnNames());
        List<String> out = new ArrayList<>();
        names.stream()
                .filter(n -> {
                    String l = n.trim().toLowerCase(Locale.ROOT);
                    return l.contains(w) || w.contains(l) || distance(l, w) <= Math.max(2, w.length() / 3);
                })
                .sorted(Comparator.comparingInt(n -> distance(n.trim().toLowerCase(Locale.ROOT), w)))
                .limit(3)
                .forEach(out::add);
        return out;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
