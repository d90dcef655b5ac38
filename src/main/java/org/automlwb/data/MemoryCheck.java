package org.automlwb.data;

import java.nio.file.Path;
import java.util.Locale;
import org.automlwb.common.BadInputException;
import org.automlwb.common.HeapNeed;
import org.automlwb.common.Launcher;

/**
 * Refuses a file that will not fit in the heap before reading it, with advice, instead of failing later with an
 * OutOfMemoryError. The estimate is deliberately generous: a loaded table retained 0.62 x the file size in the
 * benchmark of docs/data-loading.md (more with many distinct strings), and the second pass needs transient
 * arrays on top.
 */
final class MemoryCheck {
    /** Heap needed per byte of CSV, with head room for the second pass. */
    static final double HEAP_PER_FILE_BYTE = 2.0;
    private static final long BASE = 16L << 20;
    private static final long MB = 1L << 20;

    private MemoryCheck() { }

    /** Heap bytes that loading a file of {@code fileBytes} is expected to need. */
    static long estimate(long fileBytes) {
        return BASE + (long) (fileBytes * HEAP_PER_FILE_BYTE);
    }

    /** Checks the running JVM; collects garbage once before refusing, since "in use" includes garbage. */
    static void ensureRoom(Path file, long fileBytes) throws BadInputException {
        long free = HeapNeed.free();
        if (estimate(fileBytes) > free) {
            System.gc();
            free = HeapNeed.free();
        }
        check(file, fileBytes, free, Runtime.getRuntime().maxMemory());
    }

    /**
     * @throws BadInputException when loading {@code fileBytes} needs more than {@code free}, saying how much heap to
     *                           ask for
     */
    static void check(Path file, long fileBytes, long free, long maxHeap) throws BadInputException {
        long need = estimate(fileBytes);
        if (need <= free) return;
        // A heap the whole run works in, not only the loading: a user who follows the advice should not meet it again.
        long want = Math.max(maxHeap + (long) ((need - free) * 1.25), HeapNeed.ofRun(fileBytes));
        long wantGb = Math.max(1, (long) Math.ceil(want / (double) (1L << 30)));
        throw new BadInputException(String.format(Locale.ROOT,
                "the file is too large for the memory available: loading it needs about %,d MB, %,d MB are free",
                need / MB, Math.max(0, free) / MB), file, 0, null,
                "start the program with more heap, e.g. " + Launcher.withHeap(wantGb) + " ...");
    }
}
