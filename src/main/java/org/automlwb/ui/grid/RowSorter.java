package org.automlwb.ui.grid;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.ints.IntComparator;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Sorts row indices by one column, leaving the table untouched (Tablesaw's {@code sortOn} copies the whole
 * table). Missing cells go last in either direction; equal values keep file order.
 */
public final class RowSorter {
    private RowSorter() { }

    /** The row order that sorts {@code table} by {@code column}. */
    public static int[] order(Table table, String column, boolean ascending) {
        Column<?> col = table.column(column);
        int n = table.rowCount();
        int[] rows = new int[n];
        int present = 0;
        int missingAt = n;
        // Present rows fill from the front, missing ones from the back, then the back is reversed to file order.
        for (int r = 0; r < n; r++) {
            if (col.isMissing(r)) rows[--missingAt] = r;
            else rows[present++] = r;
        }
        reverse(rows, missingAt, n);
        IntComparator byValue = col.rowComparator();
        IntComparator cmp = ascending ? byValue : (a, b) -> byValue.compare(b, a);
        IntComparator stable = (a, b) -> {
            int c = cmp.compare(a, b);
            return c != 0 ? c : Integer.compare(a, b);
        };
        IntArrays.mergeSort(rows, 0, present, stable);
        return rows;
    }

    private static void reverse(int[] a, int from, int to) {
        for (int i = from, j = to - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
