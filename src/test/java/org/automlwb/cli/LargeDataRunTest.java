package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file above the size a search works on whole: the search samples, says so in the log, the metrics and the
 * report, and the final model is trained on more rows than the search saw.
 */
class LargeDataRunTest {
    /** Just above the threshold (SearchSample.SAMPLED_ABOVE_ROWS): big enough to sample, small enough for a test. */
    private static final int ROWS = 160_000;

    @TempDir
    Path dir;

    @Test
    void aLargeFileIsSearchedOnASampleAndRefitOnMoreRows() throws Exception {
        Path data = dir.resolve("large.csv");
        write(data);
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", data.toString(), "--target", "y", "--budget", "12s", "--threads", "2",
                "--algorithms", "liblinear", "--out", models.toString(), "--no-deploy");
        assertEquals(0, r.exit(), r.err());
        Path experiment = Path.of(r.summary().path("path").asText());

        JsonNode rows = Json.MAPPER.readTree(experiment.resolve("evaluation_metrics.json").toFile()).path("rows");
        assertEquals(ROWS, rows.path("training").asInt());
        assertEquals(50_000, rows.path("searched").asInt(), 5);
        assertTrue(rows.path("final_model").asInt() >= rows.path("searched").asInt(), rows.toString());

        String log = Files.readString(experiment.resolve("run.log"));
        assertTrue(log.contains("on a sample of 50,0"), log);
        assertTrue(log.contains("refitting the chosen model on "), log);

        JsonNode config = Json.MAPPER.readTree(experiment.resolve("config.json").toFile());
        assertTrue(config.path("validation").path("description").asText().contains("searching a sample of"),
                config.path("validation").toString());

        String report = Files.readString(experiment.resolve("report.html"));
        assertTrue(report.contains("rows searched") && report.contains("final model trained on"), "report rows");

        // Validation predictions name rows of the whole file: the truth there is the file's own target.
        List<String> lines = Files.readAllLines(experiment.resolve("validation_predictions.csv"));
        List<String> file = Files.readAllLines(data);
        int checked = 0;
        for (String line : lines.subList(1, Math.min(lines.size(), 200))) {
            String[] f = line.split(",");
            int row = Integer.parseInt(f[0]);
            String[] source = file.get(1 + row).split(",");
            assertEquals(source[source.length - 1], f[1], "row " + row);
            checked++;
        }
        assertTrue(checked > 100);
        try (Stream<Path> s = Files.list(models.resolve("trained_models"))) {
            JsonNode meta = Json.MAPPER.readTree(s.findFirst().orElseThrow().resolve("model_metadata.json").toFile());
            assertTrue(meta.toString().contains(String.valueOf(rows.path("final_model").asInt())), meta.toString());
        }
    }

    private static void write(Path file) throws IOException {
        Random rng = new Random(3);
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("a,b,c,y\n");
            for (int i = 0; i < ROWS; i++) {
                double a = rng.nextGaussian();
                double b = rng.nextGaussian();
                double c = rng.nextGaussian();
                w.write(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%s%n", a, b, c,
                        a + 0.5 * b + 0.7 * rng.nextGaussian() > 0 ? "yes" : "no"));
            }
        }
    }
}
