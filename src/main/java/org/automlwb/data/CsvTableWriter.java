package org.automlwb.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * CSV: UTF-8 without BOM, comma-separated, a header line, {@code \n} line ends, empty cells for missing values.
 * Doubles are written in Java's shortest round-trip form, so they read back as the same doubles (pandas and Spark
 * read them too). Fields holding a comma, quote or line break are quoted.
 */
final class CsvTableWriter implements TableFileWriter {
    private final BufferedWriter out;
    private final List<String> names;

    CsvTableWriter(Path file, Table shape) throws IOException {
        this.names = shape.columnNames();
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < names.size(); c++) {
            if (c > 0) sb.append(',');
            sb.append(field(names.get(c)));
        }
        out.write(sb.append('\n').toString());
    }

    @Override
    public void write(Table chunk) throws IOException {
        if (!chunk.columnNames().equals(names)) {
            throw new IllegalArgumentException("chunk columns " + chunk.columnNames() + " are not " + names);
        }
        List<Column<?>> cols = chunk.columns();
        StringBuilder sb = new StringBuilder(256);
        for (int r = 0; r < chunk.rowCount(); r++) {
            sb.setLength(0);
            for (int c = 0; c < cols.size(); c++) {
                if (c > 0) sb.append(',');
                Column<?> col = cols.get(c);
                if (col.isMissing(r)) continue;
                Object v = col.get(r);
                // getString would format doubles for display (rounded); the value's own toString round-trips.
                sb.append(field(String.valueOf(v)));
            }
            out.write(sb.append('\n').toString());
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    static String field(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
