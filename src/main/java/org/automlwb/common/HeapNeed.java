package org.automlwb.common;

/**
 * The heap a run on a CSV file of a given size needs, measured rather than guessed (docs/memory.md,
 * docs/data-loading.md). One estimate for the JVM the run starts in and for the advice a user gets when a file
 * does not fit, so that the heap the advice names is one a run really works in.
 *
 * <p>Small files: one-hot features held per fold and encoding, and Tribuo's copies, dominate: live sets after a
 * full collection were 190 MB for adult (4.2 MB of CSV) and about 300 MB for kddcup99 (17 MB), so 40 bytes of heap
 * per byte of file leaves room for transient copies. Large files are searched on a sample whose size follows
 * the budget, and refit on as many rows as the heap holds; beyond {@link #SEARCHED_FILE_BYTES} a file byte
 * costs its loaded table (about 1 byte: 2,000,000 rows x 20 columns, 217 MB, held 200 MB) and a share of the
 * refit, 4 bytes in all.
 */
public final class HeapNeed {
    private static final long MB = 1L << 20;
    /** Classes, Tribuo, XGBoost's Java side, buffers: what a run holds on any data. */
    public static final long BASE = 256 * MB;
    /** Heap per byte of a file the search works on whole. */
    public static final long PER_SEARCHED_BYTE = 40;
    /**
     * The most file the search works on whole, about: above it (a few hundred thousand rows) runs sample. kddcup99,
     * 17 MB and 116,000 rows, is searched whole.
     */
    public static final long SEARCHED_FILE_BYTES = 32 * MB;
    /** Heap per byte of file beyond {@link #SEARCHED_FILE_BYTES}: the table and the refit's share. */
    public static final long PER_LARGE_FILE_BYTE = 4;

    private HeapNeed() { }

    /** Heap a run on {@code fileBytes} of CSV is expected to need at its peak. */
    public static long ofRun(long fileBytes) {
        long bytes = Math.max(0, fileBytes);
        return BASE + Math.min(bytes, SEARCHED_FILE_BYTES) * PER_SEARCHED_BYTE
                + Math.max(0, bytes - SEARCHED_FILE_BYTES) * PER_LARGE_FILE_BYTE;
    }

    /** Heap that can still be allocated: the maximum heap minus what is in use (garbage counts as in use). */
    public static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Whether a run on this much CSV samples its search and sizes its refit to the heap. */
    public static boolean adapts(long fileBytes) {
        return fileBytes > SEARCHED_FILE_BYTES;
    }
}
