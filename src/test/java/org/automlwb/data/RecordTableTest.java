package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows typed in memory (a server's JSON records or CSV body) come out cell for cell as the same rows read from a
 * file in chunks: trimming, missing tokens, infinities, clipped huge numbers, dates, booleans, unseen text.
 */
class RecordTableTest {
    private static final String CSV = """
            amount,city,day,member,extra
            1.5,Paris,2024-01-31,true,x
             2 ,  Lyon ,2024-02-29,false,y
            NA,,2024-03-01,,z
            inf,Nice,,TRUE,w
            1e400,"Saint-Denis, Nord",2024-12-31,FALSE,v
            -0.000001,?,2025-01-01,true,u
            """;

    private static Map<String, ColumnKind> kinds() {
        Map<String, ColumnKind> k = new LinkedHashMap<>();
        k.put("amount", ColumnKind.DECIMAL);
        k.put("city", ColumnKind.TEXT);
        k.put("day", ColumnKind.DATE);
        k.put("member", ColumnKind.BOOLEAN);
        return k;
    }

    @Test
    void recordsAndCsvTextAreTypedAsAFileIs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, CSV);
        Table fromFile;
        try (CsvChunks chunks = CsvLoader.chunks(file, CsvOptions.defaults(), kinds(), 100)) {
            fromFile = chunks.nextChunk();
        }
        Table fromCsv = RecordTable.ofCsv(CSV, kinds(), CsvOptions.DEFAULT_MISSING);
        List<String[]> records = new ArrayList<>();
        records.add(new String[] {"1.5", "Paris", "2024-01-31", "true"});
        records.add(new String[] {" 2 ", "  Lyon ", "2024-02-29", "false"});
        records.add(new String[] {"NA", null, "2024-03-01", null});
        records.add(new String[] {"inf", "Nice", "", "TRUE"});
        records.add(new String[] {"1e400", "Saint-Denis, Nord", "2024-12-31", "FALSE"});
        records.add(new String[] {"-0.000001", "?", "2025-01-01", "true"});
        Table fromRecords = RecordTable.of(kinds(), records, CsvOptions.DEFAULT_MISSING, "record");
        for (Table t : List.of(fromCsv, fromRecords)) {
            assertEquals(fromFile.rowCount(), t.rowCount());
            assertEquals(fromFile.columnNames(), t.columnNames());
            for (int c = 0; c < fromFile.columnCount(); c++) {
                Column<?> want = fromFile.column(c);
                Column<?> got = t.column(c);
                assertEquals(want.type(), got.type(), want.name());
                for (int r = 0; r < want.size(); r++) {
                    assertEquals(want.isMissing(r), got.isMissing(r), want.name() + " row " + r);
                    if (!want.isMissing(r)) assertEquals(want.getString(r), got.getString(r), want.name() + " " + r);
                }
            }
        }
        assertTrue(fromFile.column("amount").isMissing(3), "infinity is missing");
        assertTrue(fromFile.column("city").isMissing(5), "'?' is a missing token");
    }

    @Test
    void badRecordsSayWhichProblemWhereAndInWhichColumn() {
        RecordTable.RecordException text = assertThrows(RecordTable.RecordException.class, () -> RecordTable.of(
                kinds(), List.<String[]>of(new String[] {"1", "a", null, null}, new String[] {"lots", "b", null,
                        null}), CsvOptions.DEFAULT_MISSING, "record"));
        assertEquals(RecordTable.Problem.BAD_VALUE, text.problem());
        assertEquals(2, text.line());
        assertEquals("amount", text.column());

        RecordTable.RecordException missing = assertThrows(RecordTable.RecordException.class,
                () -> RecordTable.ofCsv("amount,city,member\n1,a,true\n", kinds(), CsvOptions.DEFAULT_MISSING));
        assertEquals(RecordTable.Problem.MISSING_COLUMN, missing.problem());
        assertEquals("day", missing.column());

        RecordTable.RecordException shortLine = assertThrows(RecordTable.RecordException.class,
                () -> RecordTable.ofCsv("amount,city,day,member\n1,a\n", kinds(), CsvOptions.DEFAULT_MISSING));
        assertEquals(RecordTable.Problem.MALFORMED_LINE, shortLine.problem());
        assertEquals(2, shortLine.line());

        // A column matches ignoring case when only one header name fits, as in a file.
        assertEquals(1, assertDoesNotThrow("AMOUNT,City,DAY,member\n1,a,2024-01-01,true\n").rowCount());
    }

    private static Table assertDoesNotThrow(String csv) {
        try {
            return RecordTable.ofCsv(csv, kinds(), CsvOptions.DEFAULT_MISSING);
        } catch (RecordTable.RecordException e) {
            throw new AssertionError(e.oneLine(), e);
        }
    }
}
