package org.automlwb.data;

import java.io.Closeable;
import java.io.IOException;
import tech.tablesaw.api.Table;

/** Writes tables of one shape (the same columns and types) to one file, a chunk at a time. */
public interface TableFileWriter extends Closeable {
    /** Appends these rows; their columns must be those the writer was opened for, in the same order. */
    void write(Table chunk) throws IOException;

    /** Finishes the file (Parquet writes its footer here); the file is complete only after this returns. */
    @Override
    void close() throws IOException;
}
