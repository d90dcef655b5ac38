package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.FloatColumn;

class TableBytesTest {
    @Test
    void everyColumnKindComesBackWithItsTypeValuesAndMissingCells() {
        String longText = "x".repeat(70_000); // past writeUTF's 64 KB
        Table t = Table.create("people",
                IntColumn.create("i", new int[] {1, Integer.MIN_VALUE, -3}),
                LongColumn.create("l", new long[] {5_000_000_000L, Long.MIN_VALUE, 0}),
                DoubleColumn.create("d", new double[] {0.1, Double.NaN, -1e-300}),
                BooleanColumn.create("b", new boolean[] {true, false, true}),
                DateColumn.create("day", new LocalDate[] {LocalDate.of(2026, 12, 7), null, LocalDate.of(1900, 1, 1)}),
                DateTimeColumn.create("at", new LocalDateTime[] {null, LocalDateTime.of(2026, 1, 2, 3, 4, 5), null}),
                StringColumn.create("s", new String[] {"a,\"b\"\n", "", longText}));
        t.booleanColumn("b").setMissing(1);
        t.stringColumn("s").setMissing(1);

        Table back = TableBytes.read(TableBytes.of(t));

        assertEquals(t.name(), back.name());
        assertEquals(t.columnNames(), back.columnNames());
        for (int c = 0; c < t.columnCount(); c++) {
            assertEquals(t.column(c).type(), back.column(c).type(), t.column(c).name());
            for (int r = 0; r < t.rowCount(); r++) {
                assertEquals(t.column(c).isMissing(r), back.column(c).isMissing(r), t.column(c).name() + " row " + r);
                assertEquals(t.column(c).getString(r), back.column(c).getString(r), t.column(c).name() + " row " + r);
            }
        }
        assertEquals(Double.doubleToRawLongBits(-1e-300), Double.doubleToRawLongBits(back.doubleColumn("d").get(2)));
    }

    @Test
    void aColumnTypeNoLoaderMakesIsNamedAndDamagedBytesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableBytes.of(Table.create("t", FloatColumn.create("f", new float[] {1f}))));
        assertTrue(e.getMessage().contains("'f'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TableBytes.read(new byte[] {1, 2, 3}));
    }
}
