package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that exits 0 prints no stack trace on stderr, even when XGBoost fails on every trial (a search space
 * whose subsample range lies outside XGBoost's bounds; huge values, which once made it fail, are now clipped when
 * read): the failures are one-line results, their details are in run.log. A child JVM started like the jar,
 * because the java.util.logging bridge is set up by Main.
 */
class QuietStderrTest {
    @Test
    void failingXgboostTrialsLeaveNoStackTraceOnStderr(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("data.csv");
        StringBuilder sb = new StringBuilder("a,b,y\n");
        Random rng = new Random(9);
        for (int i = 0; i < 150; i++) {
            double a = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,", a, rng.nextGaussian()))
                    .append(a + 0.4 * rng.nextGaussian() > 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(train, sb);
        Path space = dir.resolve("space.json");
        Files.writeString(space, "{\"algorithms\": {\"xgboost\": {\"enabled\": true, \"params\": {\"subsample\": "
                + "{\"type\": \"real\", \"low\": 1.5, \"high\": 2.0}}}}}");
        Path models = dir.resolve("models");
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dautomlwb.log.dir=" + dir.resolve("logs"), "-cp", System.getProperty("java.class.path"),
                "org.automlwb.Main", "run", "--data", train.toString(), "--target", "y", "--algorithms",
                "xgboost,liblinear", "--max-trials", "3", "--threads", "1", "--space", space.toString(),
                "--out", models.toString(),
                "--no-deploy"));
        Path err = dir.resolve("err.txt");
        Path out = dir.resolve("out.txt");
        pb.redirectError(err.toFile()).redirectOutput(out.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the run ends");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        assertFalse(stderr.contains("\tat ") || stderr.contains("[bt]") || stderr.contains("Stack trace"),
                "no stack trace on stderr:\n" + stderr);
        assertTrue(Files.readString(out).contains("\"leader\":\"liblinear\""), Files.readString(out));
        Path runLog;
        try (Stream<Path> s = Files.list(models.resolve("experiments"))) {
            runLog = s.findFirst().orElseThrow().resolve("run.log");
        }
        String log = Files.readString(runLog);
        assertTrue(log.contains("FAILED: xgboost"), "the failed trial, in one line:\n" + log);
        assertTrue(log.contains("XGBoostError") && log.contains("\tat "), "and its details:\n" + log);
    }
}
