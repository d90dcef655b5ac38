package org.automlwb.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * This process's peak resident memory (Linux {@code VmHWM}), the figure the peer harness records for H2O and
 * scikit-learn with GNU time. Elsewhere it is unknown.
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() { }

    /** Peak resident set size in MiB since the process started (or since {@link #reset}), if the OS says. */
    static OptionalDouble peakMb() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).trim().split("\\s+")[0];
                    return OptionalDouble.of(Long.parseLong(kb) / 1024.0);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or no procfs: unknown
        }
        return OptionalDouble.empty();
    }

    /** Starts the peak afresh from the current resident size (Linux: writing 5 to clear_refs); false if it can't. */
    static boolean reset() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
