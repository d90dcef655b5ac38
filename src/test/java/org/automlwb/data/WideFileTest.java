package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Files with thousands of columns: loaded and profiled whole, every column in order, through the linear table
 * builder. Sizes stay small (3,000 columns x 5 rows) so the test is fast; what it checks is that nothing is lost
 * or reordered, not the time taken.
 */
class WideFileTest {
    private static final int COLUMNS = 3_000;

    @TempDir
    Path dir;

    @Test
    void aWideFileLoadsAndProfilesEveryColumn() throws Exception {
        Path file = wideCsv(COLUMNS, 5);
        LoadedData data = CsvLoader.load(file);
        assertEquals(COLUMNS, data.table().columnCount());
        assertEquals(5, data.table().rowCount());
        assertEquals("c0", data.table().column(0).name());
        assertEquals("C_2999_2", data.table().column(COLUMNS - 1).name(), "a repeated name is renamed");
        DatasetProfile p = Profiler.profile(data);
        assertEquals(COLUMNS, p.columns().size());
        for (int j = 0; j < COLUMNS - 1; j++) {
            ColumnProfile c = p.columns().get(j);
            assertEquals(ColumnKind.DECIMAL, c.kind(), c.name());
            assertEquals(5, c.count());
            assertEquals(j * 10 + 0.5, c.min(), 1e-9, c.name());
        }
        assertEquals(ColumnKind.TEXT, p.columns().get(COLUMNS - 1).kind());
    }

    @Test
    void theLinearBuilderKeepsTablesawsChecks() {
        List<Column<?>> cols = new ArrayList<>();
        for (int j = 0; j < WideTables.CHECKED_MAX_COLUMNS + 10; j++) cols.add(DoubleColumn.create("x" + j, 1.0, 2.0));
        Table t = WideTables.of("t", cols);
        assertEquals(cols.size(), t.columnCount());
        assertSame(cols.get(7), t.column("X7"), "Tablesaw still finds columns by name, ignoring case");
        assertEquals(2, t.rowCount());
        cols.add(DoubleColumn.create("X3", 1.0, 2.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> WideTables.of("t", cols)).getMessage()
                .contains("X3"));
        cols.set(cols.size() - 1, DoubleColumn.create("short", 1.0));
        assertThrows(IllegalArgumentException.class, () -> WideTables.of("t", cols));
    }

    @Test
    void rowsOfAWideTableKeepOrderRepeatsAndEveryColumn() {
        List<Column<?>> cols = new ArrayList<>();
        for (int j = 0; j < 1_000; j++) cols.add(DoubleColumn.create("x" + j, j, j + 0.25, j + 0.5));
        Table t = WideTables.of("t", cols);
        Table picked = WideTables.rows(t, new int[] {2, 0, 2});
        assertEquals(1_000, picked.columnCount());
        assertEquals(3, picked.rowCount());
        for (int j = 0; j < 1_000; j += 111) {
            assertEquals(List.of(j + 0.5, (double) j, j + 0.5), ((DoubleColumn) picked.column(j)).asList());
        }
        // On sorted, distinct rows (what fold plans hold) it is what Tablesaw's rows() gives.
        assertEquals(t.rows(0, 2).column(999).asList(), WideTables.rows(t, new int[] {0, 2}).column(999).asList());
    }

    /** Column j holds j*10 + 0.5 .. j*10 + rows - 0.5; the last column repeats the one before it in another case. */
    private Path wideCsv(int columns, int rows) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < columns - 2; j++) sb.append('c').append(j).append(',');
        sb.append("c_2999,C_2999\n");
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < columns - 1; j++) sb.append(j * 10 + r + 0.5).append(',');
            sb.append("t").append(r).append('\n');
        }
        Path f = dir.resolve("wide.csv");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }
}
