package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.CancelledException;
import org.automlwb.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;

/** Loader behaviour on files generated here: large, late surprises, buffer boundaries, progress and cancel. */
class CsvLoaderGeneratedTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static LoadedData load(Path p, CsvOptions o) throws BadInputException {
        return CsvLoader.load(p, o, ProgressListener.none(), CancelToken.none());
    }

    private Path intsWithDecimalAt(int decimalRow, int rows) throws IOException {
        StringBuilder sb = new StringBuilder("id,value\n");
        for (int i = 1; i <= rows; i++) {
            sb.append(i).append(',').append(i == decimalRow ? "2.5" : Integer.toString(i % 97)).append('\n');
        }
        return write("late.csv", sb.toString());
    }

    @Test
    void aDecimalLateInTheFileMakesTheColumnDecimal() throws Exception {
        LoadedData d = CsvLoader.load(intsWithDecimalAt(15_500, 20_000));
        assertEquals(ColumnKind.DECIMAL, d.kinds().get("value"));
        DoubleColumn v = d.table().doubleColumn("value");
        assertEquals(20_000, v.size());
        assertEquals(2.5, v.get(15_499));
        assertEquals(15_501 % 97, v.get(15_500));
    }

    @Test
    void overrideFailureLateInTheFileNamesItsLine() throws Exception {
        Path p = intsWithDecimalAt(15_500, 16_000);
        BadInputException e = assertThrows(BadInputException.class,
                () -> load(p, Corpus.overrides(java.util.Map.of("value", ColumnKind.INTEGER))));
        assertEquals(15_501, e.line());
        assertEquals("value", e.column());
        assertTrue(e.getMessage().contains("'2.5'"), e.getMessage());
    }

    @Test
    void absurdlyLongCellFailsAndCanBeSkipped() throws Exception {
        Path p = write("huge.csv", "id,text\n1,a\n2," + "y".repeat(1_200_000) + "\n3,c\n");
        BadInputException e = assertThrows(BadInputException.class, () -> CsvLoader.load(p));
        assertEquals(3, e.line());
        assertEquals("text", e.column());
        assertEquals("a cell of 1200000 characters (the limit is 1000000)", e.getMessage());
        LoadedData d = load(p, Corpus.skipBad());
        assertEquals(List.of("a", "c"), d.table().stringColumn("text").asList());
    }

    @Test
    void runawayQuoteIsCutAtTheBufferLimitAndReadingResumes() throws Exception {
        // The quote never closes and the rest of the file exceeds what a record may hold.
        StringBuilder sb = new StringBuilder("id,text\n1,\"open\n");
        for (int i = 2; i < 400_000; i++) sb.append(i).append(",row").append(i).append('\n');
        Path p = write("runaway.csv", sb.toString());
        LoadedData d = load(p, Corpus.skipBad());
        assertEquals(2, d.skipped().get(0).line());
        assertEquals(399_998, d.table().rowCount());
        assertEquals("row2", d.table().stringColumn("text").get(0));
    }

    @Test
    void quotedFieldsAcrossBufferBoundariesRoundTrip() throws Exception {
        Random rnd = new Random(42);
        String alphabet = "ab ,\"\n\r;x\u00e9\u4e2d";
        List<String> values = new ArrayList<>();
        StringBuilder sb = new StringBuilder("n,text\n");
        for (int i = 0; i < 6000; i++) {
            StringBuilder v = new StringBuilder("v");
            int len = rnd.nextInt(60);
            for (int k = 0; k < len; k++) v.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            v.append('z');
            values.add(v.toString());
            sb.append(i).append(",\"").append(v.toString().replace("\"", "\"\"")).append("\"")
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        Path p = write("roundtrip.csv", sb.toString());
        LoadedData d = CsvLoader.load(p);
        StringColumn text = d.table().stringColumn("text");
        assertEquals(values, text.asList());
        assertEquals(5999, d.table().intColumn("n").get(5999));
    }

    @Test
    void progressCoversBothPassesAndEndsAtTotal() throws Exception {
        Path p = intsWithDecimalAt(-1, 50_000);
        long size = Files.size(p);
        List<long[]> calls = new ArrayList<>();
        CsvLoader.load(p, CsvOptions.defaults(), (done, total, stage) -> calls.add(new long[] {done, total}),
                CancelToken.none());
        assertTrue(calls.size() > 4, "progress every 4,096 rows in both passes");
        long last = -1;
        for (long[] c : calls) {
            assertEquals(2 * size, c[1]);
            assertTrue(c[0] >= last, "progress never goes back");
            last = c[0];
        }
        assertEquals(2 * size, last);
    }

    @Test
    void cancelStopsLoading() throws Exception {
        Path p = intsWithDecimalAt(-1, 50_000);
        CancelToken cancel = new CancelToken();
        ProgressListener cancelAtFirstReport = (done, total, stage) -> cancel.cancel();
        assertThrows(CancelledException.class, () -> CsvLoader.load(p, CsvOptions.defaults(), cancelAtFirstReport,
                cancel));
    }

    @Test
    void legacyBytesAfterTheSniffedHeadSwitchToWindows1252() throws Exception {
        Path p = dir.resolve("late-latin1.csv");
        try (Writer w = Files.newBufferedWriter(p, EncodingSniffer.WINDOWS_1252)) {
            w.write("id,name\n");
            for (int i = 0; i < 10_000; i++) w.write(i + ",plain\n");
            w.write("10000,Ren\u00e9e\n");
        }
        LoadedData d = CsvLoader.load(p);
        assertEquals("windows-1252", d.dialect().charset().name());
        assertEquals("Ren\u00e9e", d.table().stringColumn("name").get(10_000));
    }

    @Test
    void memoryCheckRefusesWithAdvice() {
        Path p = Path.of("big.csv");
        BadInputException e = assertThrows(BadInputException.class,
                () -> MemoryCheck.check(p, 1492L << 20, 1000L << 20, 2048L << 20)); // needs 16 + 2 x 1,492 MB
        assertEquals("the file is too large for the memory available: loading it needs about 3,000 MB, "
                + "1,000 MB are free", e.getMessage());
        // Not only the loading's 5 GB: a run on the file (about 1,500 MB of CSV) needs 7.2 GB (HeapNeed), so 8.
        assertEquals("start the program with more heap, e.g. java -Xmx8g -jar automl-workbench.jar ...", e.hint());
    }

    @Test
    void memoryCheckPassesWhenThereIsRoom() throws Exception {
        MemoryCheck.check(Path.of("small.csv"), 1L << 20, 100L << 20, 1L << 30); // needs 18 MB
        assertTrue(MemoryCheck.estimate(100L << 20) > 100L << 20);
    }

    @Test
    void previewShowsTheFirstRowsAndDialect() throws Exception {
        Path p = intsWithDecimalAt(-1, 100);
        CsvPreview pv = CsvLoader.preview(p, CsvOptions.defaults(), 5);
        assertEquals(List.of("id", "value"), pv.columns());
        assertEquals(5, pv.rows().size());
        assertEquals(List.of("1", "1"), pv.rows().get(0));
        assertEquals(ColumnKind.INTEGER, pv.kinds().get("value"));
        assertTrue(pv.partial());
        assertEquals(',', pv.dialect().delimiter());
    }

    @Test
    void previewOfAWholeSmallFileIsNotPartial() throws Exception {
        CsvPreview pv = CsvLoader.preview(Corpus.path("semicolon_decimal_comma.csv"), CsvOptions.defaults(), 10);
        assertFalse(pv.partial());
        assertEquals(3, pv.rows().size());
        assertEquals(ColumnKind.DECIMAL, pv.kinds().get("price"));
    }

    @Test
    void missingFileAndFolderAreBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> CsvLoader.load(dir.resolve("no.csv")));
        assertEquals("no such file", e.getMessage());
        BadInputException f = assertThrows(BadInputException.class, () -> CsvLoader.load(dir));
        assertEquals("this is a folder, not a CSV file", f.getMessage());
    }
}
