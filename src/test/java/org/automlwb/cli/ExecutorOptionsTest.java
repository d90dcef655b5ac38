package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.automlwb.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --executor} and {@code --master}: wrong values are one line before anything is written. */
class ExecutorOptionsTest {
    private static final String DATA = "sample-data/iris.csv";

    @TempDir
    Path dir;

    @Test
    void anUnknownExecutorIsOneLineAndNothingIsWritten() {
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", DATA, "--target", "species", "--max-trials", "2",
                "--executor", "cluster", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("unknown executor 'cluster': use one of local, spark"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(models), "nothing is written for bad input");
    }

    @Test
    void aMasterWithoutTheSparkExecutorIsRefused() {
        CliRun r = CliRun.of("run", "--data", DATA, "--target", "species", "--max-trials", "2",
                "--master", "local[2]", "--out", dir.resolve("models").toString(), "--no-deploy");
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("--master is for --executor spark"), r.err());
    }

    @Test
    void aLocalRunSaysWhereItsTrialsRanInThePlanAndTheJournal() throws Exception {
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", DATA, "--target", "species", "--max-trials", "3", "--threads", "1",
                "--algorithms", "liblinear", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.OK, r.exit(), r.err());
        Path experiment;
        try (Stream<Path> s = Files.list(models.resolve("experiments"))) {
            experiment = s.findFirst().orElseThrow();
        }
        JsonNode plan = Json.MAPPER.readTree(experiment.resolve("plan.json").toFile());
        assertEquals("local", plan.get("executor").asText());
        List<String> lines = Files.readAllLines(experiment.resolve("trials.jsonl"));
        assertFalse(lines.isEmpty());
        for (String line : lines) assertEquals("local", Json.MAPPER.readTree(line).get("executor").asText(), line);
    }
}
