package org.automlwb.spark.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.apache.spark.sql.SparkSession;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.ColumnProfile;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.api.DrawnData;
import org.automlwb.engine.api.LargeDataRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Large data read through a real local[2] Spark: a generated Parquet folder of 200,000 rows whose profile is
 * known by construction (searched end to end on the engine), a glob of CSV files, and locations or settings that must fail in one line.
 */
class SparkDataReaderTest {
    static final int ROWS = 200_000;
    private static final long MB = 1L << 20;
    @TempDir
    static Path dir;
    static SparkSession spark;
    static Path parquet;
    static String csvGlob;

    @BeforeAll
    static void start() {
        spark = SparkSessions.open("local[2]");
        parquet = dir.resolve("big.parquet");
        // Known by construction: y's shares 0.7 / 0.2 / 0.1, n missing on every tenth row, x from 0 to 99.9.
        spark.range(0, ROWS, 1, 4).selectExpr(
                        "id",
                        "cast(id % 1000 as double) / 10 as x",
                        "case when id % 10 = 0 then null else cast(id % 97 as int) end as n",
                        "concat('c', cast(id % 5 as string)) as cat",
                        "cast(id % 1000 as double) / 5 + id % 7 as r",
                        "case when id % 10 < 7 then 'a' when id % 10 < 9 then 'b' else 'c' end as y")
                .write().parquet(parquet.toString());
        try {
            csvGlob = writeCsvParts(dir.resolve("csv"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Three CSV files of 400 rows and a text file the glob leaves out; the glob. */
    private static String writeCsvParts(Path folder) throws IOException {
        Path csv = Files.createDirectories(folder);
        int rows = 0;
        for (int part = 0; part < 3; part++) {
            StringBuilder sb = new StringBuilder("age,income,city,churn\n");
            for (int i = 0; i < 400; i++, rows++) {
                sb.append(20 + rows % 50).append(',').append(1000.5 + rows).append(',')
                        .append(rows % 3 == 0 ? "" : "city" + rows % 4).append(',').append(rows % 4 == 0 ? "yes" : "no")
                        .append('\n');
            }
            Files.writeString(csv.resolve("part-" + part + ".csv"), sb);
        }
        Files.writeString(csv.resolve("notes.txt"), "not data\n");
        return csv.resolve("part-*.csv").toString();
    }

    @AfterAll
    static void stop() {
        // Other test classes open their own session on the same JVM: leave none running.
        if (spark != null) spark.stop();
    }

    private static DrawnData read(String location, String target, long executorBytes, long driverBytes)
            throws BadInputException {
        return SparkDataReader.read(spark, new LargeDataRequest(location, target, null, null, 7), executorBytes,
                driverBytes, 4096 * MB);
    }

    @Test
    void profilesDecidesTheTaskAndDrawsAStratifiedSampleSizedToExecutorAndDriver() throws BadInputException {
        DrawnData d = read(parquet.toString(), "y", 400 * MB, 100 * MB);

        assertEquals(ROWS, d.profile().rows());
        ColumnProfile x = column(d, "x");
        assertEquals(0.0, x.min());
        assertEquals(99.9, x.max(), 1e-9);
        assertEquals(49.95, x.mean(), 1e-9);
        assertEquals(0, x.missing());
        assertEquals(ROWS / 10, column(d, "n").missing());
        assertEquals(5, column(d, "cat").distinct());
        assertTrue(column(d, "id").flags().contains("id_like"), column(d, "id").flags().toString());
        assertEquals(ROWS, column(d, "id").distinct(), ROWS * 0.05);
        assertEquals(TaskType.MULTICLASS, d.task());

        // The sizes follow the memory given: the executor's 400 MB hold fewer rows than the driver's 100 MB free.
        // Features: x, n, r, and cat's 5 values (id is an identifier, y the target) = 8.
        int search = (int) ((400 * MB - SampleSizes.EXECUTOR_RESERVED) * SampleSizes.EXECUTOR_SHARE
                / (8.0 * SampleSizes.SEARCH_BYTES_PER_CELL + SampleSizes.ROW_BYTES));
        assertEquals(search, d.source().searchRows());
        assertEquals(ROWS, d.source().totalRows());
        Table t = d.rows().table();
        assertEquals(t.rowCount(), d.source().drawnRows());
        assertTrue(d.source().searchRows() < t.rowCount() && t.rowCount() < ROWS, d.source().toString());
        assertTrue(d.source().searchLimit().contains("spark.executor.memory"), d.source().searchLimit());

        // The CSV loader's column types, missing cells kept as missing.
        assertInstanceOf(IntColumn.class, t.column("id"));
        assertInstanceOf(DoubleColumn.class, t.column("x"));
        assertInstanceOf(IntColumn.class, t.column("n"));
        assertInstanceOf(StringColumn.class, t.column("cat"));
        assertEquals(ColumnKind.TEXT, d.rows().kinds().get("y"));
        assertEquals(0.1, t.column("n").countMissing() / (double) t.rowCount(), 0.01);

        // Stratified: each class keeps its share of the whole data.
        Map<String, Double> shares = Map.of("a", 0.7, "b", 0.2, "c", 0.1);
        StringColumn y = t.stringColumn("y");
        shares.forEach((cls, share) -> assertEquals(share, y.isEqualTo(cls).size() / (double) t.rowCount(), 0.005,
                cls));
    }

    @Test
    void aNumericTargetWithManyValuesIsARegressionDrawnPlainly() throws BadInputException {
        DrawnData d = read(csvGlob, "income", 0, 200 * MB);
        assertEquals(TaskType.REGRESSION, d.task());
        assertTrue(d.source().searchLimit().contains("local master"), d.source().searchLimit());
        assertTrue(d.source().searchRows() <= d.source().drawnRows());
        assertEquals(d.source().drawnRows(), d.rows().table().rowCount());
    }

    @Test
    void readsAGlobOfCsvFiles() throws BadInputException {
        DrawnData d = read(csvGlob, "churn", 0, 500 * MB);
        assertEquals("csv", d.source().format());
        assertEquals(1200, d.source().totalRows());
        assertEquals(1200, d.rows().table().rowCount());
        assertEquals(TaskType.BINARY, d.task());
        assertEquals(Map.of("age", ColumnKind.INTEGER, "income", ColumnKind.DECIMAL, "city", ColumnKind.TEXT,
                "churn", ColumnKind.TEXT), d.rows().kinds());
        assertEquals(400, column(d, "city").missing());
        assertEquals(400, d.rows().table().column("city").countMissing());
        assertEquals(1000.5, column(d, "income").min());
    }

    @Test
    void aPathSparkCannotReadIsNamedInOneLine() {
        String missing = dir.resolve("nowhere").resolve("*.parquet").toString();
        BadInputException e = assertThrows(BadInputException.class, () -> read(missing, "y", 0, 500 * MB));
        assertTrue(e.oneLine().contains(missing), e.oneLine());
        assertTrue(e.oneLine().startsWith("Spark cannot read"), e.oneLine());
        assertEquals(1, e.oneLine().lines().count());
    }

    @Test
    void aTargetNotInTheDataIsSaidWithTheNearestName() {
        BadInputException e = assertThrows(BadInputException.class, () -> read(parquet.toString(), "Y ", 0,
                500 * MB));
        assertTrue(e.getMessage().contains("there is no target column 'Y '"), e.getMessage());
        assertTrue(e.oneLine().contains("'y'"), e.oneLine());
    }

    @Test
    void executorsTooSmallForTheSmallestSampleNameTheSetting() {
        BadInputException e = assertThrows(BadInputException.class, () -> read(csvGlob, "churn", 301 * MB,
                500 * MB));
        assertTrue(e.oneLine().contains("spark.executor.memory"), e.oneLine());
        assertTrue(e.oneLine().contains("--conf spark.executor.memory="), e.oneLine());
    }

    /**
     * The two levels end to end on the engine: 200,000 rows in the source, about 12,000 drawn (a driver given
     * 11.5 MB), about 4,000 searched (executors given 311 MB), and all three recorded where the user reads them.
     */
    @Test
    void aRunOnDrawnRowsSearchesWhatFitsAnExecutorAndRecordsEverySize() throws Exception {
        DrawnData d = read(parquet.toString(), "y", 311 * MB, 11_500_000);
        int search = d.source().searchRows();
        int drawn = d.source().drawnRows();
        assertTrue(search > 3_000 && search < 5_000 && drawn > 11_000 && drawn < 13_000, d.source().toString());
        RunSpec spec = RunSpec.defaults("y").toBuilder().budget(null).maxTrials(2).threads(1)
                .algorithms(List.of("liblinear")).ensemble(false).build();
        Path models = dir.resolve("models");
        ExperimentOutcome outcome = Experiments.runDrawn(d.rows(), d.source(), null,
                RunPlan.tribuo(spec.withTask(d.task())), null, null, models, true, CancelToken.none());

        RunResult r = outcome.result();
        assertEquals(search, r.sample().size());
        assertEquals(drawn, r.sample().total());
        assertEquals(drawn, r.trainedRows());
        JsonNode config = Json.MAPPER.readTree(Files.readString(outcome.folder().configJson()));
        assertEquals(ROWS, config.path("data").path("rows").asLong());
        assertEquals(drawn, config.path("data").path("drawn_rows").asInt());
        assertEquals(search, config.path("data").path("search_rows_max").asInt());
        assertEquals(search, config.path("validation").path("search_rows").asInt());
        assertEquals("spark", config.path("data").path("read_with").asText());
        JsonNode rows = Json.MAPPER.readTree(Files.readString(outcome.folder().evaluationMetricsJson()))
                .path("rows");
        assertEquals(ROWS, rows.path("source_rows").asLong());
        assertEquals(drawn, rows.path("training").asInt());
        assertEquals(search, rows.path("searched").asInt());
        assertEquals(drawn, rows.path("final_model").asInt());
        String report = Files.readString(outcome.folder().dir().resolve("report.html"));
        assertTrue(report.contains(String.format(Locale.ROOT, "%,d (%s)", ROWS, parquet)), "source rows");
        assertTrue(report.contains(String.format(Locale.ROOT, "%,d of %,d", search, drawn)), "searched rows");
        assertTrue(report.contains("spark.executor.memory"), "why the search has its size");
    }

    private static ColumnProfile column(DrawnData d, String name) {
        return d.profile().columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
