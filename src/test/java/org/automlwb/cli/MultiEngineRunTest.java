package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.automlwb.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --engine tribuo,h2o}: one experiment, one leaderboard with an engine column, both engines in
 * evaluation_metrics.json and the report, and a model that predict reads whichever engine made it.
 */
class MultiEngineRunTest {
    @TempDir
    Path dir;

    @Test
    void twoEnginesShareOneLeaderboardAndTheChosenModelPredicts() throws Exception {
        StringBuilder sb = new StringBuilder("x,colour,z,y\n");
        Random rng = new Random(12);
        for (int i = 0; i < 260; i++) {
            double x = rng.nextGaussian();
            String c = rng.nextBoolean() ? "red" : "blue";
            sb.append(String.format(Locale.ROOT, "%.4f,%s,%.4f,%s%n", x, c, rng.nextGaussian(),
                    x + (c.equals("red") ? 0.7 : -0.3) + rng.nextGaussian() * 0.5 > 0 ? "yes" : "no"));
        }
        Path data = dir.resolve("two.csv");
        Files.writeString(data, sb);
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", data.toString(), "--test", data.toString(), "--target", "y",
                "--engine", "tribuo,h2o", "--max-trials", "1", "--threads", "2", "--algorithms", "liblinear,lightgbm",
                "--out", models.toString(), "--no-deploy");
        assertEquals(Cli.OK, r.exit(), r.err());
        JsonNode summary = r.summary();
        Path exp = Path.of(summary.get("path").asText());

        Set<String> engines = new HashSet<>();
        try (CSVParser csv = CSVParser.parse(exp.resolve("leaderboard.csv"), java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            assertEquals("engine", csv.getHeaderNames().get(csv.getHeaderNames().size() - 1));
            for (CSVRecord rec : csv) {
                engines.add(rec.get("engine"));
                assertTrue(rec.get("engine").equals("h2o") == rec.get("algorithm").startsWith("h2o."), rec.toString());
            }
        }
        assertEquals(Set.of("tribuo", "h2o"), engines);

        JsonNode metrics = Json.MAPPER.readTree(exp.resolve("evaluation_metrics.json").toFile());
        assertTrue(metrics.path("engines").has("tribuo") && metrics.path("engines").has("h2o"), metrics.toString());
        String chosen = metrics.path("engine").asText();
        assertEquals(summary.get("leader").asText().startsWith("h2o.") ? "h2o" : "tribuo", chosen);
        double best = Math.max(metrics.path("engines").path("tribuo").path("validation").path("auc").asDouble(),
                metrics.path("engines").path("h2o").path("validation").path("auc").asDouble());
        assertEquals(best, metrics.path("validation").path("auc").asDouble(), 1e-12,
                "the chosen model is the best of both engines");
        assertTrue(Files.readString(exp.resolve("report.html")).contains("<th>engine</th>"));
        JsonNode plan = Json.MAPPER.readTree(exp.resolve("plan.json").toFile());
        assertEquals(List.of("tribuo", "h2o"), List.of(plan.path("engines").get(0).asText(),
                plan.path("engines").get(1).asText()));

        CliRun p = CliRun.of("predict", "--model", summary.get("model").asText(), "--data", data.toString(), "--out",
                dir.resolve("p.csv").toString(), "--no-monitoring");
        assertEquals(Cli.OK, p.exit(), p.err());
        assertEquals(261, Files.readAllLines(dir.resolve("p.csv")).size());
    }
}
