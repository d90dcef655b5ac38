package org.automlwb.prepared;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.CsvChunks;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.LoadedData;
import org.automlwb.data.ParquetLoader;
import tech.tablesaw.api.Table;

/**
 * The raw file, read in chunks with the same column types in every chunk. A CSV file is scanned once for its types
 * and rows and then streamed, so it may be larger than the heap; a Parquet file is loaded whole (its columns are
 * typed already) and handed out in slices.
 */
abstract class RawSource {
    /** Column name → type, in file order. */
    abstract Map<String, ColumnKind> kinds();

    /** Data rows. */
    abstract long rows();

    /** What the user should know about how the file was read, one sentence each. */
    abstract List<String> warnings();

    /** A fresh pass over the rows, {@code chunkRows} at a time. */
    abstract Chunks chunks(int chunkRows) throws BadInputException;

    /** One pass. */
    interface Chunks extends Closeable {
        /** The next chunk, or null after the last. */
        Table next() throws BadInputException;

        @Override
        void close();
    }

    static RawSource open(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
            throws BadInputException {
        if (ParquetLoader.isParquet(file)) return new Loaded(ParquetLoader.load(file, progress, cancel));
        return new Csv(file, options, CsvChunks.scan(file, options, progress, cancel));
    }

    /** A CSV file: scanned once, then streamed. */
    private static final class Csv extends RawSource {
        private final Path file;
        private final CsvOptions options;
        private final CsvChunks.Scan scan;

        Csv(Path file, CsvOptions options, CsvChunks.Scan scan) throws BadInputException {
            this.file = file;
            this.options = options;
            this.scan = scan;
            if (scan.rows() == 0) {
                throw new BadInputException("the file has a header but no rows of data", file, 0, null,
                        "choose a file with rows to prepare");
            }
        }

        @Override
        Map<String, ColumnKind> kinds() { return scan.kinds(); }

        @Override
        long rows() { return scan.rows(); }

        @Override
        List<String> warnings() {
            return scan.skipped().isEmpty() ? List.of() : List.of(scan.skipped().size() + " malformed rows were left out");
        }

        @Override
        Chunks chunks(int chunkRows) throws BadInputException {
            CsvChunks in = CsvLoader.chunks(file, options, scan.kinds(), chunkRows);
            return new Chunks() {
                @Override
                public Table next() throws BadInputException {
                    return in.hasNext() ? in.nextChunk() : null;
                }

                @Override
                public void close() {
                    try {
                        in.close();
                    } catch (IOException ignored) {
                        // Read-only: nothing is lost by a failed close.
                    }
                }
            };
        }
    }

    /** A file loaded whole (Parquet), handed out in slices. */
    private static final class Loaded extends RawSource {
        private final LoadedData data;

        Loaded(LoadedData data) { this.data = data; }

        @Override
        Map<String, ColumnKind> kinds() { return data.kinds(); }

        @Override
        long rows() { return data.table().rowCount(); }

        @Override
        List<String> warnings() { return data.warnings(); }

        @Override
        Chunks chunks(int chunkRows) {
            Table t = data.table();
            return new Chunks() {
                private int at;

                @Override
                public Table next() {
                    if (at >= t.rowCount()) return null;
                    int end = (int) Math.min((long) at + chunkRows, t.rowCount());
                    Table slice = t.inRange(at, end);
                    at = end;
                    return slice;
                }

                @Override
                public void close() { }
            };
        }
    }
}
