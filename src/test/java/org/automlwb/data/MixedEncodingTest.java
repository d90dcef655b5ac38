package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Files whose lines are in two encodings, built here byte by byte: every line reads right (UTF-8 where it is valid
 * UTF-8, Windows-1252 elsewhere) and one warning names the first line where the encoding changes.
 */
class MixedEncodingTest {
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    /** Lines appended in the given encodings, with the given line break. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final String eol;

        Bytes(String eol) {
            this.eol = eol;
        }

        Bytes bom() {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            return this;
        }

        Bytes line(String text, Charset cs) {
            out.writeBytes((text + eol).getBytes(cs));
            return this;
        }

        Path write(Path f) throws IOException {
            Files.write(f, out.toByteArray());
            return f;
        }
    }

    private static void assertAllBesancon(Table t) {
        for (int i = 0; i < t.rowCount(); i++) assertEquals("Besançon", t.stringColumn("city").get(i), "row " + i);
    }

    @Test
    void halfUtf8HalfWindows1252ReadsEveryLineRightAndSaysWhereItChanges() throws Exception {
        Bytes b = new Bytes("\n").line("city,n", StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) b.line("Besançon," + i, StandardCharsets.UTF_8);
        for (int i = 3; i < 6; i++) b.line("Besançon," + i, CP1252);
        LoadedData d = CsvLoader.load(b.write(dir.resolve("mixed.csv")));
        assertAllBesancon(d.table());
        assertEquals(StandardCharsets.UTF_8, d.dialect().charset());
        assertEquals(1, d.warnings().size(), d.warnings().toString());
        String w = d.warnings().get(0);
        assertTrue(w.contains("line 5 is windows-1252 after UTF-8 on line 2"), w);
        assertTrue(w.contains("3 lines as UTF-8, 3 lines read as windows-1252"), w);
    }

    @Test
    void windows1252FirstThenUtf8WithCrLfCountsLinesLikeTheTokenizer() throws Exception {
        Bytes b = new Bytes("\r\n").line("city,n", StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) b.line("Besançon," + i, CP1252);
        b.line("Besançon,9", StandardCharsets.UTF_8);
        LoadedData d = CsvLoader.load(b.write(dir.resolve("crlf.csv")));
        assertAllBesancon(d.table());
        assertTrue(d.warnings().get(0).contains("line 6 is UTF-8 after windows-1252 on line 2"), d.warnings().get(0));
    }

    @Test
    void aUtf8MarkBeforeAWindows1252BodyGivesNoReplacementCharacters() throws Exception {
        Bytes b = new Bytes("\n").bom().line("city,n", StandardCharsets.UTF_8);
        for (int i = 0; i < 4; i++) b.line("Besançon," + i, CP1252);
        LoadedData d = CsvLoader.load(b.write(dir.resolve("bom.csv")));
        assertAllBesancon(d.table());
        assertEquals("city", d.table().column(0).name(), "the mark is not part of the first name");
        assertTrue(d.dialect().bom());
        String w = d.warnings().get(0);
        assertTrue(w.contains("UTF-8 byte-order mark but line 2 is not UTF-8"), w);
    }

    @Test
    void aWindows1252TailAfterALongAsciiHeadIsWindows1252WithoutAWarning() throws Exception {
        Bytes b = new Bytes("\n").line("city,n", StandardCharsets.UTF_8);
        for (int i = 0; i < 5000; i++) b.line("Paris," + i, StandardCharsets.UTF_8);
        b.line("Besançon,1", CP1252);
        LoadedData d = CsvLoader.load(b.write(dir.resolve("tail.csv")));
        assertEquals("Besançon", d.table().stringColumn("city").get(5000));
        assertEquals(CP1252, d.dialect().charset(), "the encoding found over the whole file, not the head's");
        assertEquals(List.of(), d.warnings(), "one encoding throughout: nothing to warn about");
    }

    @Test
    void linesLongerThanTheDecodersBufferAreCutBetweenCharacters() throws Exception {
        // 3-byte and 2-byte UTF-8 characters over 150 KB, so that buffer cuts fall inside multi-byte sequences.
        String utf8Cell = "€é".repeat(30_001);
        String legacyCell = "ç".repeat(70_001);
        Bytes b = new Bytes("\n").line("city,n", StandardCharsets.UTF_8);
        b.line(utf8Cell + ",1", StandardCharsets.UTF_8);
        b.line("Paris,2", StandardCharsets.UTF_8);
        LoadedData d = CsvLoader.load(b.write(dir.resolve("long.csv")));
        assertEquals(utf8Cell, d.table().stringColumn("city").get(0));
        assertEquals(List.of(), d.warnings());
        Bytes c = new Bytes("\n").line("city,n", CP1252).line(legacyCell + ",1", CP1252).line("Besançon,2", CP1252);
        LoadedData e = CsvLoader.load(c.write(dir.resolve("long1252.csv")));
        assertEquals(legacyCell, e.table().stringColumn("city").get(0));
        assertEquals("Besançon", e.table().stringColumn("city").get(1));
        assertEquals(CP1252, e.dialect().charset());
        assertEquals(List.of(), e.warnings());
    }

    @Test
    void pureFilesGiveNoWarning() throws Exception {
        for (Charset cs : List.of(StandardCharsets.UTF_8, CP1252)) {
            Bytes b = new Bytes("\n").line("city,n", cs);
            for (int i = 0; i < 3; i++) b.line("Besançon," + i, cs);
            LoadedData d = CsvLoader.load(b.write(dir.resolve("pure.csv")));
            assertAllBesancon(d.table());
            assertEquals(cs, d.dialect().charset());
            assertEquals(List.of(), d.warnings(), cs.name());
        }
    }

    @Test
    void chunkedReadingDecodesPerLineAndWarnsToo() throws Exception {
        Bytes b = new Bytes("\n").line("city,n", StandardCharsets.UTF_8);
        b.line("Besançon,1", StandardCharsets.UTF_8).line("Besançon,2", CP1252);
        Path f = b.write(dir.resolve("chunks.csv"));
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        kinds.put("city", ColumnKind.TEXT);
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), kinds, 10)) {
            assertAllBesancon(c.nextChunk());
            assertFalse(c.hasNext());
            assertEquals(1, c.warnings().size());
            assertTrue(c.warnings().get(0).contains("line 3 is windows-1252"), c.warnings().get(0));
        }
    }

    @Test
    void chunkedReadingMatchesAColumnIgnoringCaseAndSaysSo() throws Exception {
        Path f = dir.resolve("upper.csv");
        Files.writeString(f, "CITY,Age\nParis,3\n");
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        kinds.put("city", ColumnKind.TEXT);
        kinds.put("Age", ColumnKind.DECIMAL);
        try (CsvChunks c = CsvLoader.chunks(f, CsvOptions.defaults(), kinds, 10)) {
            Table t = c.nextChunk();
            assertEquals(List.of("city", "Age"), t.columnNames(), "named as the model knows them");
            assertEquals("Paris", t.stringColumn("city").get(0));
            assertEquals(List.of("1 column matched ignoring case: 'CITY' as 'city'"), c.warnings());
        }
    }
}
