package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where LightGBM's native library does not load, a run goes on without it and says why in one line. A real
 * child JVM, because whether the library loads is decided once per process.
 */
class NativeLibraryMissingTest {
    @Test
    void theRunGoesOnWithoutLightGbmAndSaysWhyInOneLine(@TempDir Path dir) throws Exception {
        Path train = dir.resolve("d.csv");
        StringBuilder sb = new StringBuilder("x,colour,y\n");
        Random rng = new Random(3);
        for (int i = 0; i < 200; i++) {
            double x = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.3f", x)).append(',').append(rng.nextBoolean() ? "red" : "blue")
                    .append(',').append(x + 0.3 * rng.nextGaussian() > 0 ? "yes" : "no").append('\n');
        }
        Files.writeString(train, sb);
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "org.automlwb.Main", "run", "--data", train.toString(),
                "--target", "y", "--algorithms", "lightgbm,liblinear", "--max-trials", "4", "--threads", "1",
                "--out", dir.resolve("models").toString(), "--no-deploy"));
        pb.environment().put("LIGHTGBM_NATIVE_LIB_PATH", dir.resolve("no-such-folder").toString());
        Path err = dir.resolve("err.txt");
        Path out = dir.resolve("out.txt");
        pb.redirectError(err.toFile()).redirectOutput(out.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the run ends");
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), stderr);
        List<String> lines = stderr.lines().filter(l -> l.contains("LightGBM")).toList();
        assertEquals(1, lines.size(), "stderr:\n" + stderr);
        assertTrue(lines.get(0).contains("LightGBM is skipped: "), lines.get(0));
        assertFalse(stderr.contains("\tat "), "no stack trace: " + stderr);
        assertTrue(Files.readString(out).contains("\"leader\":\"liblinear\""), Files.readString(out));
    }
}
