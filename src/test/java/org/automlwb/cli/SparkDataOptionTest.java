package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --data} with a location only Spark reads (a folder, a glob, a URL): with local trials one line naming
 * the location and the option to add; with {@code --executor spark --master local[2]} a real run whose closing
 * lines give the rows of each step, or one line naming a path Spark cannot read. Exit 2 and nothing written for
 * bad input.
 */
class SparkDataOptionTest {
    @TempDir
    Path dir;

    @Test
    void aFolderOrUrlWithLocalTrialsAsksForTheSparkExecutor() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("parts"));
        Files.copy(Path.of("sample-data/iris.csv"), folder.resolve("part-0.csv"));
        Path models = dir.resolve("models");
        for (String location : new String[] {folder.toString(), folder.resolve("part-*.csv").toString(),
                "hdfs://namenode:8020/data/iris"}) {
            CliRun r = CliRun.of("run", "--data", location, "--target", "species", "--max-trials", "2",
                    "--out", models.toString(), "--no-deploy");
            assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
            assertTrue(r.err().contains("--data " + location + " is a folder, a glob or a URL, which only Spark reads"),
                    r.err());
            assertTrue(r.err().contains("add --executor spark"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(models), "nothing is written for bad input");
        }
    }

    @Test
    void aFolderOfCsvFilesRunsThroughSparkAndTheSummarySaysTheRowsOfEachStep() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("iris-parts"));
        for (int i = 0; i < 3; i++) Files.copy(Path.of("sample-data/iris.csv"), folder.resolve("part-" + i + ".csv"));
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", folder.toString(), "--target", "species", "--max-trials", "2",
                "--threads", "1", "--algorithms", "liblinear", "--no-ensemble", "--executor", "spark",
                "--master", "local[2]", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.OK, r.exit(), r.err());
        assertTrue(r.err().contains("read through Spark: 450 rows in " + folder + "; drew 450 into memory"), r.err());
        String[] out = r.out().strip().split("\\R");
        JsonNode summary = Json.MAPPER.readTree(out[out.length - 1]);
        assertEquals(450, summary.path("rows").path("total").asInt(), summary.toString());
        assertEquals(450, summary.path("rows").path("drawn").asInt());
        assertEquals(450, summary.path("rows").path("searched").asInt());
        assertEquals(450, summary.path("rows").path("final_model").asInt());
        JsonNode config = Json.MAPPER.readTree(Path.of(summary.path("path").asText()).resolve("config.json")
                .toFile());
        assertEquals(folder.toString(), config.path("data").path("path").asText());
        assertEquals("csv", config.path("data").path("format").asText());
        assertEquals("multiclass", config.path("task").asText());
    }

    @Test
    void aPathSparkCannotReadIsOneLineAndNothingIsWritten() {
        String nowhere = dir.resolve("nowhere").resolve("*.parquet").toString();
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", nowhere, "--target", "y", "--max-trials", "2", "--executor", "spark",
                "--master", "local[2]", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("Spark cannot read " + nowhere + " as parquet"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(models), "nothing is written for bad input");
    }
}
