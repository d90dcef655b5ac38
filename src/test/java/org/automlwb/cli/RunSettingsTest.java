package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.automlwb.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run settings are checked before anything is written, and the plan they make is saved with the run. */
class RunSettingsTest {
    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void data() throws Exception {
        StringBuilder sb = new StringBuilder("x,z,y\n");
        Random rng = new Random(5);
        for (int i = 0; i < 160; i++) {
            double x = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", x, rng.nextGaussian(), x > 0 ? "yes" : "no"));
        }
        data = dir.resolve("d.csv");
        Files.writeString(data, sb);
    }

    private static void refusedBeforeWriting(String expected, String... extra) {
        Path models = dir.resolve("models-" + expected.hashCode());
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", "--data", data.toString(),
                "--target", "y", "--max-trials", "2", "--out", models.toString()));
        args.addAll(java.util.List.of(extra));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(models), "nothing is written for a bad setting");
    }

    @Test
    void anUnknownSearchStrategyExitsWithTwoBeforeAnythingIsWritten() {
        refusedBeforeWriting("unknown search strategy 'foo'", "--search", "foo");
    }

    @Test
    void anUnknownEngineExitsWithTwoBeforeAnythingIsWritten() {
        refusedBeforeWriting("unknown engine 'h2", "--engine", "tribuo,h2");
    }

    @Test
    void theRunSavesItsPlanWithTheDefaultsTheDataDecided() throws Exception {
        Path models = dir.resolve("planned");
        CliRun r = CliRun.of("run", "--data", data.toString(), "--target", "y", "--max-trials", "2", "--threads", "1",
                "--algorithms", "liblinear", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.OK, r.exit(), r.err());
        JsonNode plan = Json.MAPPER.readTree(Path.of(r.summary().get("path").asText()).resolve("plan.json").toFile());
        assertEquals("tribuo", plan.path("engines").get(0).asText());
        assertEquals(1, plan.path("engines").size());
        assertEquals("binary", plan.path("task").asText());
        assertEquals("auc", plan.path("metric").asText());
        assertEquals(2, plan.path("max_trials").asInt());
        assertTrue(plan.path("budget_s").isNull());
        assertTrue(plan.path("validation").asText().contains("fold"), plan.toString());
    }
}
