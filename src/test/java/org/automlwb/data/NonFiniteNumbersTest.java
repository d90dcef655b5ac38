package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One rule for infinities, NaN and huge numbers, the same when a file is profiled (loaded whole) and when it is
 * predicted (read in chunks with the model's types): spelled-out infinities and NaN and numbers beyond a double
 * are missing and counted, finite numbers beyond 1e30 are clipped and counted.
 */
class NonFiniteNumbersTest {
    /** Column x: 4 ordinary values, 6 non-finite spellings, the NaN missing token, 2 huge values. */
    private static final String CSV = """
            x,n,words,only
            1.5,1,a,inf
            inf,inf,b,nan
            2.5,2,c,
            -Infinity,3,inf,NAN
            nan,4,d,inf
            NAN,nan,e,
            1e999,5,f,inf
            NaN,6,g,
            1.7976931348623157E308,7,h,
            -1e31,8,i,
            3,9,j,
            +INF,10,k,
            """;

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path f = dir.resolve("numbers.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theLoaderReadsNonFiniteAsMissingAndClipsHugeValues() throws Exception {
        LoadedData data = CsvLoader.load(write(CSV));
        assertEquals(ColumnKind.DECIMAL, data.kinds().get("x"), "an infinity does not make a column text");
        assertEquals(ColumnKind.INTEGER, data.kinds().get("n"), "nor does NaN turn integers into text");
        assertEquals(ColumnKind.TEXT, data.kinds().get("words"), "in a text column 'inf' is a word");
        assertEquals(ColumnKind.TEXT, data.kinds().get("only"), "a column of nothing but infinities is text");
        DoubleColumn x = (DoubleColumn) data.table().column("x");
        assertEquals(1e30, x.get(8), "1.7976931348623157E308 is clipped to 1e30");
        assertEquals(-1e30, x.get(9));
        for (int i : new int[] {1, 3, 4, 5, 6, 7, 11}) assertTrue(x.isMissing(i), "row " + i);
        for (double v : x.asDoubleArray()) assertTrue(Double.isNaN(v) || Double.isFinite(v), "no infinity in " + v);
        assertEquals(new NumberFixes(6, 2), data.numberFixes("x"), "NaN (a missing token) is plain missing");
        assertEquals(new NumberFixes(2, 0), data.numberFixes("n"));
        assertEquals(NumberFixes.NONE, data.numberFixes("words"));
        IntColumn n = (IntColumn) data.table().column("n");
        assertTrue(n.isMissing(1) && n.isMissing(5));
        assertEquals(10, n.get(11));
    }

    @Test
    void theProfileSaysWhatTheRuleChangedAndKeepsItsStatistics() throws Exception {
        DatasetProfile p = Profiler.profile(CsvLoader.load(write(CSV)));
        ColumnProfile x = p.columns().get(0);
        assertEquals(7, x.missing(), "6 non-finite cells and one NaN token");
        assertEquals(6, x.nonFinite());
        assertEquals(2, x.clipped());
        assertEquals(1e30, x.max());
        assertEquals(-1e30, x.min());
        assertTrue(Double.isFinite(x.mean()) && Double.isFinite(x.std()), "mean and std stay numbers");
        assertEquals("6 infinite or NaN values read as missing, 2 values beyond \u00b11e30 clipped", x.numberNote());
        assertEquals("2 infinite or NaN values read as missing", p.columns().get(1).numberNote());
        assertEquals("", p.columns().get(2).numberNote());
    }

    @Test
    void chunkedReadingWithTheModelsTypesAppliesTheSameRule() throws Exception {
        Path f = write(CSV);
        LoadedData whole = CsvLoader.load(f);
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        kinds.put("x", ColumnKind.DECIMAL);
        kinds.put("n", ColumnKind.DECIMAL);
        List<Double> xs = new ArrayList<>();
        try (CsvChunks chunks = CsvLoader.chunks(f, CsvOptions.defaults(), kinds, 5)) {
            while (chunks.hasNext()) {
                Table t = chunks.nextChunk();
                for (double v : ((DoubleColumn) t.column("x")).asDoubleArray()) xs.add(v);
            }
            assertEquals(List.of("column 'x': 6 infinite or NaN values read as missing, 2 values beyond \u00b11e30 "
                    + "clipped", "column 'n': 2 infinite or NaN values read as missing"), chunks.warnings());
        }
        double[] expected = ((DoubleColumn) whole.table().column("x")).asDoubleArray();
        assertEquals(expected.length, xs.size());
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], xs.get(i), "row " + i);
    }
}
