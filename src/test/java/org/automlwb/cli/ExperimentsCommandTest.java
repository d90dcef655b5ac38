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

/** {@code experiments}: what a person looking for earlier results finds, damaged folders included. */
class ExperimentsCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyExperimentIsListedNewestFirstWithItsScoresAndAProblemSaidInOneLine() throws Exception {
        Path data = dir.resolve("churn.csv");
        Path test = dir.resolve("churn.test.csv");
        write(data, 200, 1);
        write(test, 60, 2);
        Path models = dir.resolve("models");
        CliRun first = CliRun.of("run", "--data", data.toString(), "--target", "y", "--max-trials", "2",
                "--algorithms", "liblinear", "--out", models.toString(), "--no-deploy");
        assertEquals(0, first.exit(), first.err());
        CliRun second = CliRun.of("run", "--data", data.toString(), "--test", test.toString(), "--target", "y",
                "--budget", "3s", "--algorithms", "liblinear,cart", "--out", models.toString(), "--no-deploy");
        assertEquals(0, second.exit(), second.err());
        Path experiments = models.resolve("experiments");
        Files.createDirectories(experiments.resolve("20000101-000000-broken"));
        Files.writeString(experiments.resolve("20000101-000000-broken/config.json"), "{not json");
        Files.createDirectories(experiments.resolve(".20000101-000000-x.partial-1-1")); // not an experiment

        CliRun json = CliRun.of("experiments", "--models", models.toString(), "--json");
        assertEquals(0, json.exit(), json.err());
        JsonNode list = Json.MAPPER.readTree(json.out().strip());
        assertEquals(3, list.size(), list.toString());
        JsonNode newest = list.get(0);
        assertEquals(second.summary().path("experiment").asText(), newest.path("id").asText());
        assertEquals("churn.csv", newest.path("data").asText());
        assertEquals("y", newest.path("target").asText());
        assertEquals("auc", newest.path("metric").asText());
        assertEquals(second.summary().path("validation").asDouble(), newest.path("validation").asDouble(), 1e-12);
        assertEquals(second.summary().path("test").asDouble(), newest.path("test").asDouble(), 1e-12);
        assertEquals(3.0, newest.path("budget_s").asDouble());
        assertEquals("workbench", newest.path("engine").asText());
        assertTrue(newest.path("trials").asInt() >= 1);
        JsonNode older = list.get(1);
        assertEquals(first.summary().path("experiment").asText(), older.path("id").asText());
        assertEquals(2, older.path("trials").asInt());
        assertTrue(older.path("budget_s").isNull(), "bounded by --max-trials only");
        assertTrue(older.path("test").isNull());
        JsonNode broken = list.get(2);
        assertEquals("20000101-000000-broken", broken.path("id").asText());
        assertTrue(broken.path("problem").asText().contains("config.json"), broken.toString());

        CliRun table = CliRun.of("experiments", "--models", models.toString());
        assertEquals(0, table.exit(), table.err());
        String[] lines = table.out().split("\n");
        assertTrue(lines[0].startsWith("id ") && lines[0].contains("validation"), lines[0]);
        assertTrue(lines[1].startsWith(newest.path("id").asText()) && lines[1].contains("churn.csv")
                && lines[1].contains("3 s"), lines[1]);
        assertTrue(table.out().contains("20000101-000000-broken: config.json is missing or not valid JSON"),
                table.out());
        assertFalse(table.out().contains("partial"), table.out());
    }

    @Test
    void anEmptyOrMissingModelsFolderIsSaidInOneLine() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliRun none = CliRun.of("experiments", "--models", empty.toString());
        assertEquals(0, none.exit(), none.err());
        assertTrue(none.out().startsWith("no experiments in "), none.out());
        assertEquals("[]", CliRun.of("experiments", "--models", empty.toString(), "--json").out().strip());

        CliRun missing = CliRun.of("experiments", "--models", dir.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertEquals(1, missing.err().strip().split("\n").length, missing.err());
        assertTrue(missing.err().contains("no models folder"), missing.err());
    }

    @Test
    void startedTimesAreShortAndSayTheirZone() {
        assertEquals("2026-12-07 13:38 UTC", ExperimentsCommand.started("2026-12-07T13:38:52.947186093Z"));
        assertEquals("2026-12-07 14:38 +01:00", ExperimentsCommand.started("2026-12-07T14:38:52+01:00"));
        assertEquals("-", ExperimentsCommand.started(null));
    }

    private static void write(Path file, int n, long seed) throws Exception {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < n; i++) {
            double a = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", a, rng.nextGaussian(),
                    a + 0.5 * rng.nextGaussian() > 0 ? "yes" : "no"));
        }
        Files.writeString(file, sb);
    }
}
