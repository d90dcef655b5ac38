package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --data} with a location only Spark reads (a folder, a glob, a URL) but local trials: one line naming
 * the location and the option to add, exit 2, nothing written; a plain file still loads as before.
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
}
