package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CSVs shipped in sample-data/ load cleanly and get their last column as the suggested target. */
class SampleDataTest {
    @ParameterizedTest
    @CsvSource({"titanic-survival.csv,1309,5", "professor-salaries.csv,397,6", "arrests-release.csv,5226,8",
        "iris.csv,150,5"})
    void loadsAndSuggestsTheLastColumn(String file, int rows, int columns) throws Exception {
        LoadedData d = CsvLoader.load(Path.of("sample-data", file));
        assertEquals(rows, d.table().rowCount());
        assertEquals(columns, d.table().columnCount());
        assertTrue(d.skipped().isEmpty());
        List<String> names = d.table().columnNames();
        assertEquals(names.get(names.size() - 1), Profiler.profile(d).suggestedTarget());
    }
}
