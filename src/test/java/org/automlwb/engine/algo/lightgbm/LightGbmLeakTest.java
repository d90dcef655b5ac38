package org.automlwb.engine.algo.lightgbm;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Thousands of fits must not leak native memory: every dataset, booster and buffer is freed. Measured through
 * /proc (Linux only) as resident memory minus what the JVM has committed for heap and metaspace, and as the
 * address space (lightgbm4j's own saveModelToString leaks 10 MB of address space per call).
 */
class LightGbmLeakTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void twoThousandFitsDoNotGrowNativeMemory() throws IOException {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status");
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
        assertTrue(late[0] - early[0] < (48L << 20), "native memory grew by " + ((late[0] - early[0]) >> 20) + " MB");
        assertTrue(late[2] - early[2] < (512L << 20), "address space grew by " + ((late[2] - early[2]) >> 20) + " MB");
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
