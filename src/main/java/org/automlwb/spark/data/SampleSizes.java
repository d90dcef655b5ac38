package org.automlwb.spark.data;

import java.util.Locale;
import org.automlwb.common.BadInputException;
import org.automlwb.common.HeapNeed;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.DatasetProfile;

/**
 * How many rows the search and the refit take from a large source. The search runs in the executors, so its
 * sample is sized to one executor's memory; the rows drawn into the driver are sized to the driver's free heap,
 * which the refit and the search's own copy then share ({@code engine/run}'s SearchSample and RefitRows take over
 * from there, as for a large file).
 *
 * <p>Per row and column, the search holds about {@value #SEARCH_BYTES_PER_CELL} bytes: HeapNeed measured 40 bytes
 * of heap per byte of CSV for a run that searches its data whole (folds per encoding, Tribuo's copies, trial
 * threads), and a CSV cell is about 6 bytes. The driver holds the drawn table (a few bytes per cell) plus the
 * refit's features ({@value #REFIT_BYTES_PER_CELL} bytes per cell, Algorithm.fitBytesPerCell's generous default)
 * for every row it draws.
 *
 * @param totalRows      rows in the source
 * @param searchRows     the most rows the search may take
 * @param drawnRows      rows drawn into the driver's table (at least {@code searchRows})
 * @param cellsPerRow    features a row is expected to give after encoding
 * @param executorBytes  memory of one executor the estimate used (spark.executor.memory, or the driver's heap
 *                       for a local master)
 * @param driverBytes    free driver heap the estimate used
 * @param searchLimit    why the search takes at most {@code searchRows}, in words
 * @param drawnLimit     why the driver holds {@code drawnRows}, in words
 */
record SampleSizes(long totalRows, int searchRows, int drawnRows, int cellsPerRow, long executorBytes,
                   long driverBytes, String searchLimit, String drawnLimit) {
    static final int SEARCH_BYTES_PER_CELL = 240;
    static final int REFIT_BYTES_PER_CELL = 48;
    /** Per-row overhead: targets, indices, object headers. */
    static final int ROW_BYTES = 64;
    /** Spark keeps this much of an executor's heap for itself (its "reserved memory"). */
    static final long EXECUTOR_RESERVED = 300L << 20;
    /** Share of an executor's heap past the reserve the search is planned to use: trials' transients come on top. */
    static final double EXECUTOR_SHARE = 0.75;
    /** With a local master the executors are the driver: the search's share of its free heap. */
    static final double LOCAL_SEARCH_SHARE = 0.3;
    /** Share of the driver's free heap for the drawn rows and their refit. */
    static final double DRIVER_SHARE = 0.5;
    /** Fewer rows than this cannot be split into folds that rank configurations. */
    static final int MIN_SEARCH_ROWS = 1_000;
    /** One-hot columns a text column is expected to give at most (the automatic recipe groups rare values). */
    static final int TEXT_FEATURES = 16;

    /**
     * Decides the sizes.
     *
     * @param executorBytes spark.executor.memory in bytes, or 0 for a local master (the driver's heap is the
     *                      executors')
     * @param freeDriverBytes heap the driver can still allocate
     * @param maxDriverBytes  the driver's maximum heap, for the advice
     * @throws BadInputException naming spark.executor.memory when one executor cannot hold the smallest search
     *                           sample, or the driver's heap when it cannot
     */
    static SampleSizes decide(DatasetProfile profile, String target, long executorBytes, long freeDriverBytes,
                              long maxDriverBytes) throws BadInputException {
        long total = profile.rows();
        int cells = cells(profile, target);
        double tableBytes = tableBytesPerRow(profile);
        double searchPerRow = (double) cells * SEARCH_BYTES_PER_CELL + ROW_BYTES;
        double drawnPerRow = tableBytes + (double) cells * REFIT_BYTES_PER_CELL + ROW_BYTES;
        boolean local = executorBytes <= 0;
        double searchBudget = local ? freeDriverBytes * LOCAL_SEARCH_SHARE
                : Math.max(0, executorBytes - EXECUTOR_RESERVED) * EXECUTOR_SHARE;
        long minSearch = Math.min(total, MIN_SEARCH_ROWS);
        long bySearch = (long) (searchBudget / searchPerRow);
        if (bySearch < minSearch) {
            long needMb = (long) Math.ceil((minSearch * searchPerRow / EXECUTOR_SHARE + EXECUTOR_RESERVED) / (double) MB);
            if (local) {
                throw new BadInputException(String.format(Locale.ROOT, "the driver's heap (%,d MB free) cannot hold "
                        + "the search's smallest sample of %,d rows of %d features", freeDriverBytes / MB, minSearch,
                        cells), "start the program with more heap, e.g. -Xmx" + gb(needMb / LOCAL_SEARCH_SHARE) + "g");
            }
            throw new BadInputException(String.format(Locale.ROOT, "each executor has %,d MB (spark.executor.memory), "
                    + "too little for the search's smallest sample of %,d rows of %d features (about %,d MB)",
                    executorBytes / MB, minSearch, cells, needMb),
                    "raise spark.executor.memory, e.g. --conf spark.executor.memory=" + gb(needMb) + "g");
        }
        long byDriver = (long) (freeDriverBytes * DRIVER_SHARE / drawnPerRow);
        if (byDriver < minSearch) {
            throw new BadInputException(String.format(Locale.ROOT, "the driver's heap (%,d MB free of %,d MB) cannot "
                    + "hold the smallest sample of %,d rows of %d features", freeDriverBytes / MB,
                    maxDriverBytes / MB, minSearch, cells), "give the driver more heap, e.g. --driver-memory "
                    + gb((maxDriverBytes + minSearch * drawnPerRow / DRIVER_SHARE) / MB) + "g (spark.driver.memory)");
        }
        int drawn = (int) Math.min(Integer.MAX_VALUE - 8, Math.min(total, byDriver));
        int search = (int) Math.min(drawn, bySearch);
        String searchLimit = String.format(Locale.ROOT, local
                ? "with a local master the driver's heap is the executors': %,d MB free hold about %,d rows of %d features"
                : "spark.executor.memory %,d MB holds about %,d rows of %d features",
                (local ? freeDriverBytes : executorBytes) / MB, bySearch, cells);
        String drawnLimit = drawn >= total ? "every row fits the driver's heap"
                : String.format(Locale.ROOT, "the driver's heap, %,d MB free, holds about %,d rows of %d features",
                freeDriverBytes / MB, byDriver, cells);
        return new SampleSizes(total, search, drawn, cells, executorBytes, freeDriverBytes, searchLimit, drawnLimit);
    }

    private static final long MB = 1L << 20;

    private static long gb(double mb) {
        return Math.max(1, (long) Math.ceil(mb / 1024));
    }

    /** Features a row gives after encoding, about: one per number, boolean or date part, a few per text column. */
    static int cells(DatasetProfile profile, String target) {
        int cells = 0;
        for (ColumnProfile c : profile.columns()) {
            if (c.name().equals(target) || !c.flags().isEmpty()) continue;
            cells += switch (c.kind()) {
                case TEXT -> (int) Math.max(1, Math.min(TEXT_FEATURES, c.distinct()));
                case DATE, DATETIME -> 4;
                default -> 1;
            };
        }
        return Math.max(1, cells);
    }

    /** Bytes a row takes in the drawn Tablesaw table: primitives, and a dictionary code per text cell. */
    static double tableBytesPerRow(DatasetProfile profile) {
        double bytes = 0;
        for (ColumnProfile c : profile.columns()) {
            bytes += switch (c.kind()) {
                case BOOLEAN -> 1;
                case INTEGER, DATE, TEXT -> 4;
                case DECIMAL, DATETIME -> 8;
            };
        }
        return bytes;
    }

    /** Free heap now, after one collection if the first reading looks short (garbage counts as in use). */
    static long freeHeap() {
        return HeapNeed.free();
    }
}
