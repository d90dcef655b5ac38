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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data the engine must cope with or refuse in one line: filters that leave one class, a class of one row, many levels. */
class EngineBadInputTest {
    @TempDir
    Path dir;

    @Test
    void filtersThatLeaveOneClassAreRefusedBeforeAnythingIsWritten() throws Exception {
        StringBuilder sb = new StringBuilder("x,z,y\n");
        Random rng = new Random(1);
        for (int i = 0; i < 200; i++) {
            double x = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", x, rng.nextGaussian(), x > 0 ? "yes" : "no"));
        }
        Path data = dir.resolve("d.csv");
        Files.writeString(data, sb);
        Path recipe = dir.resolve("recipe.json");
        Files.writeString(recipe, "{\"version\":1,\"steps\":[{\"type\":\"filter_rows\",\"column\":\"x\","
                + "\"dropMissing\":true,\"min\":0.0,\"max\":10.0}]}");
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", data.toString(), "--target", "y", "--recipe", recipe.toString(),
                "--max-trials", "3", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.BAD_INPUT, r.exit(), r.err());
        assertTrue(r.err().contains("every training row has the same target value 'yes'"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(models.resolve("experiments")), "nothing is written for bad input");
    }

    @Test
    void aClassWithOneRowStillGivesAModel() throws Exception {
        StringBuilder sb = new StringBuilder("x,colour,y\n");
        Random rng = new Random(2);
        for (int i = 0; i < 300; i++) {
            double x = rng.nextGaussian();
            String y = i == 17 ? "rare" : x > 0.3 ? "high" : x < -0.3 ? "low" : "mid";
            sb.append(String.format(Locale.ROOT, "%.4f,%s,%s%n", x, rng.nextBoolean() ? "red" : "blue", y));
        }
        Path data = dir.resolve("d.csv");
        Files.writeString(data, sb);
        CliRun r = CliRun.of("run", "--data", data.toString(), "--target", "y", "--max-trials", "8",
                "--algorithms", "lightgbm,liblinear,xgboost", "--out", dir.resolve("models").toString(),
                "--no-deploy");
        assertEquals(Cli.OK, r.exit(), r.err());
        JsonNode s = r.summary();
        assertEquals("multiclass", s.get("task").asText());
        assertTrue(s.get("validation").asDouble() < 0.5, "log loss " + s.get("validation"));
    }

    @Test
    void aColumnWithThousandsOfLevelsIsTargetEncodedNotExpanded() throws Exception {
        StringBuilder sb = new StringBuilder("shop,x,y\n");
        Random rng = new Random(3);
        int levels = 1500;
        double[] effect = new double[levels];
        for (int l = 0; l < levels; l++) effect[l] = rng.nextGaussian();
        for (int i = 0; i < 4000; i++) {
            int l = rng.nextInt(levels);
            double x = rng.nextGaussian();
            sb.append("s").append(l).append(',').append(String.format(Locale.ROOT, "%.4f", x)).append(',')
                    .append(effect[l] + x + 0.5 * rng.nextGaussian() > 0 ? "yes" : "no").append('\n');
        }
        Path data = dir.resolve("d.csv");
        Files.writeString(data, sb);
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", data.toString(), "--target", "y", "--max-trials", "6",
                "--algorithms", "lightgbm,liblinear", "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.OK, r.exit(), r.err());
        JsonNode s = r.summary();
        assertTrue(s.get("validation").asDouble() > 0.75, "auc " + s.get("validation"));
        Path experiment = Path.of(s.get("path").asText());
        JsonNode config = Json.MAPPER.readTree(Files.readString(experiment.resolve("config.json")));
        assertTrue(config.path("recipe").toString().contains("target_encode"), config.path("recipe").toString());
        JsonNode finalModel = Json.MAPPER.readTree(Files.readString(experiment.resolve("final_model.json")));
        for (JsonNode m : finalModel.get("members")) {
            assertTrue(m.get("features").asInt() < 20, "no column per level: " + m.get("features"));
        }
    }
}
