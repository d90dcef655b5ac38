package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} and {@code export --deploy} when the deployment step cannot write (here: {@code model_monitoring}
 * is a file where a folder must go, which fails like a full disk after the serving copy is in place): exit 2, yet
 * the summary names the experiment and the exported model, one line says what failed, and nothing of the
 * deployment is left.
 */
class DeployFailureTest {
    @TempDir
    Path dir;

    private Path data() throws IOException {
        Path f = dir.resolve("deploy.csv");
        Random rng = new Random(4);
        StringBuilder sb = new StringBuilder("a,b,y\n");
        for (int i = 0; i < 120; i++) {
            double a = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", a, rng.nextGaussian(), a > 0 ? "up" : "down"));
        }
        return Files.writeString(f, sb);
    }

    @Test
    void aFailedDeploymentKeepsTheSummaryOfWhatSucceeded() throws IOException {
        Path models = dir.resolve("out/models");
        Path deployment = Files.createDirectories(dir.resolve("out/deployment"));
        Files.writeString(deployment.resolve("model_monitoring"), "in the way");
        CliRun r = CliRun.of("run", "--data", data().toString(), "--target", "y", "--max-trials", "2", "--threads",
                "1", "--algorithms", "baseline,liblinear", "--out", models.toString());
        assertEquals(2, r.exit(), r.err());
        JsonNode s = r.summary();
        assertTrue(Files.isDirectory(Path.of(s.get("path").asText())), s.toString());
        assertTrue(Files.exists(Path.of(s.get("model").asText()).resolve("model_metadata.json")), s.toString());
        assertFalse(s.has("serving"), s.toString());
        String[] err = r.err().strip().split("\n");
        String last = err[err.length - 1];
        assertTrue(last.startsWith("error: ") && last.contains("rolled back") && last.contains("--deploy"), last);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(deployment.resolve("model_serving")), "the serving copy is taken back");

        // The export command says the same: the model it exported, then the failure.
        CliRun e = CliRun.of("export", "--experiment", s.get("path").asText(), "--name", "again", "--deploy");
        assertEquals(2, e.exit(), e.err());
        assertEquals("again", e.summary().get("model").asText());
        assertEquals(1, e.err().strip().lines().count(), e.err());
        assertFalse(Files.exists(deployment.resolve("model_serving")));
    }
}
