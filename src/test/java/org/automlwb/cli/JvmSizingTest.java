package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JvmSizingTest {
    private static final long MB = 1L << 20;
    private static final long GB = 1L << 30;

    @Test
    void aHeapFlagOfAnyKindCountsAsTheUsersChoice() {
        assertTrue(JvmSizing.choosesMaxHeap(List.of("-Xmx2g")));
        assertTrue(JvmSizing.choosesMaxHeap(List.of("-Dx=y", "-XX:MaxRAMPercentage=50")));
        assertTrue(JvmSizing.choosesMaxHeap(List.of("-XX:MaxHeapSize=1073741824")));
        assertFalse(JvmSizing.choosesMaxHeap(List.of("-Xms1g", "-XX:+UseG1GC")));
        assertFalse(JvmSizing.choosesMaxHeap(List.of()));
    }

    @Test
    void theUsersHeapStandsWhole() {
        assertEquals(List.of(), JvmSizing.optionsFor(List.of("-Xmx600m"), 4 * MB, 24 * GB, true));
    }

    @Test
    void smallDataGetsTheSerialCollectorWithTightFreeRatiosAndTheJvmDefaultCeiling() {
        List<String> o = JvmSizing.optionsFor(List.of(), 4 * MB, 24 * GB, false);
        assertEquals(List.of("-XX:+UseSerialGC", "-Xms128m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
                "-Xmx6144m", "-Dautomlwb.jvm.sized=true"), o);
        assertEquals(List.of("-XX:+UseSerialGC", "-Xms128m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20",
                "-XX:TrimNativeHeapInterval=1000", "-Xmx6144m", "-Dautomlwb.jvm.sized=true"),
                JvmSizing.optionsFor(List.of(), 4 * MB, 24 * GB, true));
    }

    @Test
    void theCeilingIsNeverBelowTheJvmDefaultForFilesSearchedWhole() {
        assertEquals(6 * GB, JvmSizing.maxHeap(0, 24 * GB));
        assertEquals(6 * GB, JvmSizing.maxHeap(30 * MB, 24 * GB)); // needs 1.4 GB
        assertEquals(GB, JvmSizing.maxHeap(0, 4 * GB));
    }

    @Test
    void aLargeFileIsSampledSoItsNeedIsItsCeilingUpToSixtyPercent() {
        // 256 MB + 32 MB x 40 + the rest x 4: a 217 MB file (2,000,000 rows x 20 columns) gets 2.2 GB, not 6.
        assertEquals(256 * MB + 32 * MB * 40 + 185 * MB * 4, JvmSizing.maxHeap(217 * MB, 24 * GB));
        assertEquals(JvmSizing.estimatedNeed(300 * MB), JvmSizing.maxHeap(300 * MB, 24 * GB));
        assertEquals((long) (24 * GB * 0.6), JvmSizing.maxHeap(4 * GB, 24 * GB));
    }

    @Test
    void dataThatNeedsAGreatHeapKeepsTheDefaultCollector() {
        List<String> o = JvmSizing.optionsFor(List.of(), 200 * MB, 24 * GB, false);
        assertFalse(o.contains("-XX:+UseSerialGC"));
        assertFalse(o.contains("-Xms128m"));
        assertTrue(o.contains("-Xmx2208m"), o.toString()); // 256 + 32 x 40 + 168 x 4 MB
    }

    @Test
    void theUsersCollectorAndRatiosAreKept() {
        List<String> g1 = JvmSizing.optionsFor(List.of("-XX:+UseG1GC", "-XX:MaxHeapFreeRatio=40"), 0, 8 * GB, false);
        assertEquals(List.of("-Xms128m", "-XX:MinHeapFreeRatio=10", "-Xmx2048m", "-Dautomlwb.jvm.sized=true"), g1);
        // The parallel collector's adaptive sizing ignores the free ratios: only the ceiling is added.
        assertEquals(List.of("-Xmx2048m", "-Dautomlwb.jvm.sized=true"),
                JvmSizing.optionsFor(List.of("-XX:+UseParallelGC"), 0, 8 * GB, false));
    }

    @Test
    void sizeOfCountsTheFilesThatExist(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.csv"), "x\n1\n");
        assertEquals(4, JvmSizing.sizeOf(a, null, dir.resolve("missing.csv")));
    }

    @Test
    void theChildIsStartedWithOptionsThisJavaAccepts() throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JvmSizing.optionsFor(List.of(), 0, 8 * GB));
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }

    @Test
    void physicalMemoryIsKnownHere() {
        assertTrue(JvmSizing.physicalMemory() > 0);
    }
}
