package org.automlwb.engine.algo.lightgbm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of fits must not leak native memory: every dataset, booster and buffer is freed. Measured through
 * /proc (Linux only) as resident memory minus what the JVM has committed for heap and metaspace, and as the
 * address space (lightgbm4j's own saveModelToString leaks 10 MB of address space per call).
 *
 * <p>The fits run in a JVM of their own with its whole heap touched from the start (-XX:+AlwaysPreTouch): in the
 * test JVM, other tests' threads and servers come and go, and the collector touching committed heap pages for the
 * first time raised the resident figure by 55–85 MB with no native allocation at all (the address space stayed
 * the same to the megabyte), failing the test now and then.
 */
class LightGbmLeakTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void twoThousandFitsDoNotGrowNativeMemory(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status");
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Fits.class.getName())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        // a bound against a hung child, not a timing assertion
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "the child JVM ends");
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the child JVM failed:\n" + stdout
                + Files.readString(err, StandardCharsets.UTF_8));
        System.out.print(stdout);
        String[] last = stdout.strip().lines().reduce((a, b) -> b).orElseThrow().split(" ");
        long nativeGrowth = Long.parseLong(last[0]);
        long addressGrowth = Long.parseLong(last[1]);
        assertTrue(nativeGrowth < (48L << 20), "native memory grew by " + (nativeGrowth >> 20) + " MB");
        assertTrue(addressGrowth < (512L << 20), "address space grew by " + (addressGrowth >> 20) + " MB");
    }

    /** The fits, in the child JVM: prints the measurements, then "NATIVE_GROWTH ADDRESS_SPACE_GROWTH" in bytes. */
    static final class Fits {
        private Fits() { }

        public static void main(String[] args) throws IOException {
            fitAndMeasure();
        }
    }

    private static void fitAndMeasure() throws IOException {
        Synthetic train = Synthetic.binary(100, 1);
        Synthetic valid = Synthetic.binary(50, 2);
        LightGbmTrainer trainer = new LightGbmTrainer(LightGbmObjective.BINARY, 2, train.names, new int[0],
                LightGbmParams.builder().rounds(10).numLeaves(7).minDataInLeaf(5).build(), 1, 1);
        // Memory returned to malloc is not always returned to the system, and the JIT and GC come and go: single
        // readings jump by 100 MB either way. The least reading of a window is steady; a leak would lift it.
        long[] early = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        long[] late = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (int i = 1; i <= 2000; i++) {
            LightGbmFit fit = trainer.fit(train.rows(), train.y, valid.rows(), valid.y);
            try (LightGbmModel model = fit.toModel()) {
                model.predictProbabilities(valid.rows());
            }
            if (i % 100 == 0 && i >= 300 && i <= 700) least(early, measure());
            if (i % 100 == 0 && i >= 1600) least(late, measure());
        }
        System.out.printf("2000 LightGBM fits: native (RSS - JVM committed) %d -> %d MB, RSS %d -> %d MB, "
                        + "address space %d -> %d MB (least of fits 300-700 -> least of fits 1600-2000)%n",
                early[0] >> 20, late[0] >> 20, early[1] >> 20, late[1] >> 20, early[2] >> 20, late[2] >> 20);
        System.out.println((late[0] - early[0]) + " " + (late[2] - early[2]));
    }

    private static void least(long[] into, long[] m) {
        for (int i = 0; i < into.length; i++) into[i] = Math.min(into[i], m[i]);
    }

    /** {native estimate, RSS, address space} in bytes. */
    private static long[] measure() throws IOException {
        System.gc();
        long rss = 0;
        long size = 0;
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) rss = kilobytes(line) << 10;
            if (line.startsWith("VmSize:")) size = kilobytes(line) << 10;
        }
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long committed = memory.getHeapMemoryUsage().getCommitted() + memory.getNonHeapMemoryUsage().getCommitted();
        return new long[] {rss - committed, rss, size};
    }

    private static long kilobytes(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
}
