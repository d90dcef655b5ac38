package org.automlwb.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import org.automlwb.common.BadInputException;
import tech.tablesaw.api.Table;

/** The file formats a prepared data set is written in. */
public enum DataFormat {
    /** Comma-separated text, UTF-8, a header line; numbers at full precision. */
    CSV("csv", "CSV"),
    /** Apache Parquet, Snappy-compressed pages, flat typed columns. */
    PARQUET("parquet", "Parquet");

    private final String extension;
    private final String label;

    DataFormat(String extension, String label) {
        this.extension = extension;
        this.label = label;
    }

    /**
     * The size of a file about to be read in this format, or one line saying why it cannot be read (a folder, no
     * such file, no permission) before a reader meets it.
     */
    long sizeToRead(Path file) throws BadInputException {
        try {
            if (Files.isDirectory(file)) {
                throw new BadInputException("this is a folder, not a " + label + " file", file, 0, null,
                        "choose a file");
            }
            return Files.size(file);
        } catch (NoSuchFileException e) {
            throw new BadInputException("no such file", file, 0, null, "check the path");
        } catch (IOException e) {
            throw new BadInputException("cannot read the file (" + e.getMessage() + ")", file, 0, null,
                    "check that the file exists and can be read");
        }
    }

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
