package org.automlwb.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.automlwb.common.HeapNeed;

/**
 * The JVM options a run's process starts with when the user chose no heap size: a collector that gives memory
 * back, so that the process holds about what the run keeps alive instead of what G1 chose to commit, and a
 * ceiling that no data set the machine can hold runs into.
 *
 * <p>Why: with the JVM's defaults (G1, a ceiling of a quarter of the machine's memory) an adult run peaked at
 * 1.3-1.6 GB resident while its live set after a full collection stayed under 200 MB: G1 grows the young
 * generation to meet its pause and throughput goals, and gives memory back only after a full or remark cycle.
 * The serial collector with tight free ratios keeps the committed heap at 1.1-1.25 x the live set after each
 * full collection, with a few percent of CPU spent collecting (docs/memory.md has the measurements).
 *
 * <p>The ceiling is never lower than the JVM's own default (a quarter of physical memory), so nothing that runs
 * today runs out of memory because of it; a data set whose estimated need is larger gets more, up to
 * {@link #MAX_SHARE} of physical memory. The loader's own check ({@code MemoryCheck}) still refuses, with
 * advice, a file that will not fit in that ceiling, before reading it.
 *
 * <p>Headless and free of logging and picocli on purpose: the relaunching parent uses it and should stay small.
 */
public final class JvmSizing {
    /** Set (to {@code true}) on a JVM whose options this class chose, or that the installed launcher sized. */
    public static final String SIZED_PROPERTY = "automlwb.jvm.sized";

    static final long MB = 1L << 20;
    /** The most of physical memory a ceiling takes, however large the data. */
    static final double MAX_SHARE = 0.6;
    /** Above this estimated need the serial collector's single-threaded full collections get slow: keep G1. */
    static final long SERIAL_UP_TO = 2048 * MB;
    /**
     * Initial heap, which the serial collector never shrinks below: small enough for small data sets, large enough
     * that a 40 MB live set does not mean a full collection every half second (california-housing: 114 full
     * collections in 60 s with 32 MB, 8 with 128 MB, for 20 MB more resident memory).
     */
    static final String INITIAL_HEAP = "-Xms128m";
    /**
     * Give freed malloc memory back to the OS every second (glibc's malloc_trim). XGBoost's native buffers of
     * finished fits otherwise stay resident: adult peaked 80-120 MB lower with it when two XGBoost models were
     * refitted side by side. A product flag since 17.0.9; only passed where this JVM knows it, on Linux.
     */
    static final String NATIVE_TRIM = "-XX:TrimNativeHeapInterval=1000";
    /** After a full collection, grow when less than 10% is free, shrink when more than 20% is. */
    static final List<String> FREE_RATIOS = List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20");

    private JvmSizing() { }

    /** Whether these JVM options fix the maximum heap (-Xmx, MaxHeapSize, MaxRAM, MaxRAMPercentage, ...). */
    public static boolean choosesMaxHeap(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            if (o.startsWith("-Xmx") || o.startsWith("-XX:MaxHeapSize=") || o.startsWith("-XX:MaxRAM=")
                    || o.startsWith("-XX:MaxRAMPercentage=") || o.startsWith("-XX:MaxRAMFraction=")) {
                return true;
            }
        }
        return false;
    }

    /** Whether these JVM options pick a garbage collector. */
    static boolean choosesCollector(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            if (o.startsWith("-XX:+Use") && o.endsWith("GC")) return true;
        }
        return false;
    }

    private static boolean has(List<String> jvmOptions, String prefix) {
        return jvmOptions.stream().anyMatch(o -> o.startsWith(prefix));
    }

    /**
     * The JVM options of this process as the JVM saw them, including those from {@code JAVA_TOOL_OPTIONS} and
     * {@code JDK_JAVA_OPTIONS} (listed again, in case the JVM did not count them among its input arguments).
     */
    public static List<String> currentOptions() {
        List<String> all = new ArrayList<>(ManagementFactory.getRuntimeMXBean().getInputArguments());
        for (String env : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) all.addAll(List.of(v.trim().split("\\s+")));
        }
        return all;
    }

    /** Whether this JVM was started with options this class (or the installed launcher) chose. */
    public static boolean alreadySized() {
        return Boolean.getBoolean(SIZED_PROPERTY);
    }

    /** Physical memory of the machine (or of the container), in bytes; 4 GB when the JVM cannot tell. */
    public static long physicalMemory() {
        try {
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                long total = os.getTotalMemorySize();
                if (total > 0) return total;
            }
        } catch (RuntimeException | LinkageError e) {
            // not HotSpot: fall through
        }
        return 4096 * MB;
    }

    /**
     * Whether this JVM (and so a child started from the same java) knows {@link #NATIVE_TRIM} and trims on this OS:
     * HotSpot 17.0.9 or later on Linux.
     */
    static boolean canTrimNativeHeap() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return false;
        try {
            ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption("TrimNativeHeapInterval");
            return true;
        } catch (RuntimeException | LinkageError unknown) { // IllegalArgumentException: no such option
            return false;
        }
    }

    /** Heap the run on {@code dataBytes} of CSV is expected to need at its peak. */
    static long estimatedNeed(long dataBytes) {
        return HeapNeed.ofRun(dataBytes);
    }

    /**
     * The heap ceiling for a run on {@code dataBytes} of CSV: the JVM's default (a quarter of physical memory),
     * or the estimated need when that is larger, but never more than {@link #MAX_SHARE} of physical memory. A
     * large file's run samples its search and sizes its refit to the heap there is, so its need is its ceiling:
     * with a quarter of the machine, the collector let a 2,000,000-row run grow to 8.6 GB resident.
     */
    static long maxHeap(long dataBytes, long physicalBytes) {
        long jvmDefault = physicalBytes / 4;
        long cap = Math.max(jvmDefault, (long) (physicalBytes * MAX_SHARE));
        long need = estimatedNeed(dataBytes);
        long floor = HeapNeed.adapts(dataBytes) ? need : Math.max(jvmDefault, need);
        return Math.max(64 * MB, Math.min(cap, floor));
    }

    /**
     * The options to add to a JVM that runs AutoML on {@code dataBytes} of CSV, given the options it already
     * has: only those of a kind the user did not set. Empty when the user fixed the maximum heap (the user's
     * choice stands whole).
     *
     * @param userOptions   the JVM options the user gave (see {@link #currentOptions})
     * @param dataBytes     the size of the training (and test) CSV files, 0 when unknown
     * @param physicalBytes the machine's memory
     */
    public static List<String> optionsFor(List<String> userOptions, long dataBytes, long physicalBytes) {
        return optionsFor(userOptions, dataBytes, physicalBytes, canTrimNativeHeap());
    }

    /** As {@link #optionsFor(List, long, long)}, saying whether the JVM to start knows {@link #NATIVE_TRIM}. */
    static List<String> optionsFor(List<String> userOptions, long dataBytes, long physicalBytes, boolean trim) {
        if (choosesMaxHeap(userOptions)) return List.of();
        List<String> out = new ArrayList<>();
        long need = estimatedNeed(dataBytes);
        boolean serial = !choosesCollector(userOptions) && need <= SERIAL_UP_TO;
        if (serial) out.add("-XX:+UseSerialGC");
        if (serial || has(userOptions, "-XX:+UseSerialGC") || has(userOptions, "-XX:+UseG1GC")) {
            // The serial collector resizes by these after each full collection; G1 after full and remark cycles.
            if (!has(userOptions, "-Xms") && !has(userOptions, "-XX:InitialHeapSize=")) out.add(INITIAL_HEAP);
            for (String r : FREE_RATIOS) {
                if (!has(userOptions, r.substring(0, r.indexOf('=') + 1))) out.add(r);
            }
        }
        if (trim && !has(userOptions, "-XX:TrimNativeHeapInterval=")) out.add(NATIVE_TRIM);
        out.add("-Xmx" + Math.max(64, maxHeap(dataBytes, physicalBytes) / MB) + "m");
        out.add("-D" + SIZED_PROPERTY + "=true");
        return out;
    }

    /** The total size of the files that exist among these paths (null entries and missing files count 0). */
    static long sizeOf(Path... files) {
        long total = 0;
        for (Path f : files) {
            if (f == null) continue;
            try {
                if (Files.isRegularFile(f)) total += Files.size(f);
            } catch (java.io.IOException | SecurityException e) {
                // unknown: counts 0, the ceiling falls back to the JVM's default
            }
        }
        return total;
    }
}
