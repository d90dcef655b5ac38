package org.automlwb.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Small tables built in code, and assertions on recipe output. */
final class TestTables {
    private TestTables() { }

    static Table table(Column<?>... columns) { return Table.create("t", columns); }

    static DoubleColumn doubles(String name, Double... values) { return DoubleColumn.create(name, values); }

    static IntColumn ints(String name, Integer... values) { return IntColumn.create(name, values); }

    static StringColumn strings(String name, String... values) { return StringColumn.create(name, values); }

    static BooleanColumn booleans(String name, Boolean... values) {
        BooleanColumn c = BooleanColumn.create(name);
        for (Boolean b : values) {
            if (b == null) c.appendMissing();
            else c.append(b);
        }
        return c;
    }

    static DateColumn dates(String name, String... isoDates) {
        DateColumn c = DateColumn.create(name);
        for (String d : isoDates) {
            if (d == null) c.appendMissing();
            else c.append(LocalDate.parse(d));
        }
        return c;
    }

    /** The values of one output feature. */
    static double[] values(Table t, String column) { return ((DoubleColumn) t.column(column)).asDoubleArray(); }

    static void assertValues(Table t, String column, double... expected) {
        double[] actual = values(t, column);
        assertEquals(expected.length, actual.length, "rows of " + column);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-12, column + " row " + i);
        }
    }

    /** Every feature column is a DoubleColumn of finite values. */
    static void assertAllFinite(Table t, FittedRecipe r) {
        for (String f : r.featureNames()) {
            assertTrue(t.column(f) instanceof DoubleColumn, f + " is a DoubleColumn");
            for (double v : values(t, f)) assertTrue(Double.isFinite(v), f + " has a non-finite value " + v);
        }
    }

    /** The names of the output's columns. */
    static List<String> names(Table t) { return new ArrayList<>(t.columnNames()); }
}
