package org.automlwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.automlwb.common.HeapNeed;
import org.automlwb.common.Launcher;

/**
 * The one line a command prints when the heap ran out, instead of the JVM's stack trace: how much heap there was
 * and a heap that works for the largest file the command was given ({@link HeapNeed}). Work done before is kept by
 * the command itself (a run's journal: {@code run --resume} continues it).
 */
final class OutOfMemory {
    private static final long MB = 1L << 20;

    private OutOfMemory() { }

    /** The message for a command started with {@code args}. */
    static String message(String[] args) {
        long heap = Runtime.getRuntime().maxMemory();
        long want = Math.max(heap * 2, HeapNeed.ofRun(largestFile(args)));
        long gb = Math.max(1, (long) Math.ceil(want / (double) (1L << 30)));
        return String.format(Locale.ROOT, "error: out of memory (the heap holds %,d MB): start the program with more"
                + " heap, e.g. %s ... (details in the log)", heap / MB, Launcher.withHeap(gb));
    }

    /** The size of the largest existing file among the arguments (the data), 0 when there is none. */
    static long largestFile(String[] args) {
        long largest = 0;
        for (String a : args) {
            String value = a.startsWith("--") && a.contains("=") ? a.substring(a.indexOf('=') + 1) : a;
            try {
                Path p = Path.of(value);
                if (Files.isRegularFile(p)) largest = Math.max(largest, Files.size(p));
            } catch (RuntimeException | java.io.IOException e) {
                // not a path: skip it
            }
        }
        return largest;
    }
}
