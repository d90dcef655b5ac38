package org.automlwb.data;

import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Builds Tablesaw tables from many columns in time linear in the number of columns.
 *
 * <p>Tablesaw's {@code Table.create(name, columns)} checks each new column against a freshly built, lower-cased
 * list of every column already added: quadratic, 10 s of a 20,000-column profile. The loader already guarantees
 * what that check is for (names unique ignoring case, by {@link HeaderNames}; every column the same length, as
 * each is sized from the same row count), so the columns go straight into the table's column list.
 */
public final class WideTables {
    /** Below this many columns Tablesaw's own checks are cheap, so they are kept as a second line of defence. */
    static final int CHECKED_MAX_COLUMNS = 256;

    private WideTables() { }

    /**
     * The given rows of {@code table}, in the given order (repeats allowed), in time linear in the number of
     * columns. For sorted, distinct rows this is Tablesaw's {@code rows(int...)}, which also sorts and drops
     * repeats.
     */
    public static Table rows(Table table, int[] rows) {
        List<Column<?>> cols = new java.util.ArrayList<>(table.columnCount());
        for (Column<?> c : table.columns()) cols.add(c.subset(rows));
        return of(table.name(), cols);
    }

    /**
     * A table holding {@code columns} in order.
     *
     * @param columns columns of equal length whose names are unique ignoring case
     * @throws IllegalArgumentException when the lengths differ or a name repeats (ignoring case)
     */
    public static Table of(String name, List<? extends Column<?>> columns) {
        if (columns.size() <= CHECKED_MAX_COLUMNS) return Table.create(name, columns.toArray(new Column<?>[0]));
        java.util.Set<String> seen = new java.util.HashSet<>(columns.size() * 2);
        int rows = columns.get(0).size();
        for (Column<?> c : columns) {
            if (!seen.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate column name '" + c.name() + "'");
            }
            if (c.size() != rows) {
                throw new IllegalArgumentException("column '" + c.name() + "' has " + c.size() + " rows, not " + rows);
            }
        }
        Table table = Table.create(name);
        // columns() is the table's own mutable list in Tablesaw 0.44 (WideTablesTest checks it stays that way).
        table.columns().addAll(columns);
        return table;
    }
}
