package org.automlwb.data;

import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;

/** Reads CSV files into Tablesaw tables: sniffs the dialect, infers types over every row, reports bad rows. */
public final class CsvLoader {
    private CsvLoader() { }

    /** Loads with default options, no progress and no cancel. */
    public static LoadedData load(Path file) throws BadInputException {
        return load(file, CsvOptions.defaults(), ProgressListener.none(), CancelToken.none());
    }

    /**
     * Loads a CSV file.
     *
     * @param progress receives bytes read of total bytes
     * @throws BadInputException for anything wrong with the file (with file, line and column)
     * @throws org.automlwb.common.CancelledException when {@code cancel} fires
     */
    public static LoadedData load(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
            throws BadInputException {
        throw new UnsupportedOperationException("TODO: data package");
    }
}
