package org.automlwb.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/** The file formats a prepared data set is written in. */
public enum DataFormat {
    /** Comma-separated text, UTF-8, a header line; numbers at full precision. */
    CSV("csv"),
    /** Apache Parquet, Snappy-compressed pages, flat typed columns. */
    PARQUET("parquet");

    private final String extension;

    DataFormat(String extension) { this.extension = extension; }

    /** The file extension, without the dot. */
    public String extension() { return extension; }

    /** The format of a file, by its extension: Parquet for {@code .parquet}, {@code .parq}, {@code .pq}, else CSV. */
    public static DataFormat of(Path file) {
        return ParquetLoader.isParquet(file) ? PARQUET : CSV;
    }

    /** The format named {@code csv} or {@code parquet} (any case). */
    public static DataFormat parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /**
     * Opens a writer of this format on {@code file} (created or replaced) for tables with the columns of
     * {@code shape}. The caller writes to a temporary file and moves it into place (nothing half-written).
     */
    public TableFileWriter open(Path file, Table shape) throws IOException {
        return this == CSV ? new CsvTableWriter(file, shape) : new ParquetTableWriter(file, shape);
    }
}
