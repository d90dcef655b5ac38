package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** Chunked reading gives the same cells as a one-shot load, with the requested columns and types. */
class CsvChunksTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static String generated(int n) {
        Random rng = new Random(3);
        StringBuilder sb = new StringBuilder("id,when,city,amount,flag,note\n");
        String[] cities = {"Oslo", "Lima", "\"Rio, RJ\"", ""};
        for (int i = 0; i < n; i++) {
            sb.append(i).append(',').append(String.format(Locale.ROOT, "2024-%02d-%02d", 1 + rng.nextInt(12),
                    1 + rng.nextInt(28))).append(',').append(cities[rng.nextInt(4)]).append(',')
                    .append(rng.nextInt(9) == 0 ? "NA" : String.format(Locale.ROOT, "%.3f", rng.nextGaussian()))
                    .append(',').append(rng.nextBoolean()).append(',').append("x\n");
        }
        return sb.toString();
    }

    @Test
    void chunksConcatenateToTheOneShotLoad() throws Exception {
        Path f = write("g.csv", generated(1000));
        LoadedData whole = CsvLoader.load(f);
        Map<String, ColumnKind> kinds = new LinkedHashMap<>(whole.kinds());
        kinds.remove("note"); // not requested: skipped
        List<Table> chunks = new ArrayList<>();
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), kinds, 64)) {
            while (c.hasNext()) chunks.add(c.nextChunk());
            assertEquals(1000, c.rowsRead());
        }
        assertEquals(16, chunks.size());
        assertEquals(64, chunks.get(0).rowCount());
        assertEquals(1000 - 15 * 64, chunks.get(15).rowCount());
        int row = 0;
        for (Table t : chunks) {
            assertEquals(List.copyOf(kinds.keySet()), t.columnNames());
            for (int i = 0; i < t.rowCount(); i++, row++) {
                for (String col : kinds.keySet()) {
                    assertEquals(whole.table().column(col).getString(row), t.column(col).getString(i),
                            col + " row " + row);
                    assertEquals(whole.table().column(col).type(), t.column(col).type());
                }
            }
        }
    }

    @Test
    void forcedTypesHoldInEveryChunk() throws Exception {
        // 'code' looks numeric in the first chunk and textual later: forced TEXT keeps one type throughout.
        Path f = write("codes.csv", "code,v\n1,2\n2,3\nA7,4\n");
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        kinds.put("v", ColumnKind.DECIMAL);
        kinds.put("code", ColumnKind.TEXT);
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), kinds, 2)) {
            Table a = c.nextChunk();
            Table b = c.nextChunk();
            assertFalse(c.hasNext());
            assertEquals(List.of("v", "code"), a.columnNames());
            assertEquals("1", a.stringColumn("code").get(0));
            assertEquals("A7", b.stringColumn("code").get(0));
            assertEquals(4.0, b.doubleColumn("v").get(0));
        }
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Path f = write("m.csv", "a,b\n1,2\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> CsvLoader.chunks(f, CsvOptions.defaults(), Map.of("c", ColumnKind.INTEGER), 10));
        assertEquals("c", e.column());
        assertTrue(e.getMessage().contains("'c'"), e.getMessage());
    }

    @Test
    void aCellOfTheWrongTypeNamesLineAndColumn() throws Exception {
        Path f = write("w.csv", "a,b\n1,2\n3,x\n");
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), Map.of("b", ColumnKind.INTEGER), 10)) {
            BadInputException e = assertThrows(BadInputException.class, c::nextChunk);
            assertEquals(3, e.line());
            assertEquals("b", e.column());
        }
    }

    @Test
    void malformedRowsFollowThePolicy() throws Exception {
        Path f = write("bad.csv", "a,b\n1,2\n3\n4,5\n");
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), Map.of("a", ColumnKind.INTEGER), 10)) {
            assertEquals(3, assertThrows(BadInputException.class, c::nextChunk).line());
        }
        CsvOptions skip = CsvOptions.defaults().withMalformedRows(MalformedRowPolicy.SKIP);
        try (CsvChunks c = CsvLoader.chunks(f, skip, Map.of("a", ColumnKind.INTEGER), 10)) {
            assertEquals(2, c.nextChunk().rowCount());
            assertEquals(1, c.skipped().size());
        }
    }

    @Test
    void headerOnlyGivesNoChunks() throws Exception {
        Path f = write("h.csv", "a,b\n");
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), Map.of("a", ColumnKind.INTEGER), 10)) {
            assertFalse(c.hasNext());
        }
    }
}
