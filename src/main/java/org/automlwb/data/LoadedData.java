package org.automlwb.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A CSV file loaded into a Tablesaw table, with what was learnt while reading it.
 *
 * @param source  the file
 * @param table   the data; column types follow {@link ColumnKind}; missing cells are Tablesaw missing values
 * @param dialect the dialect used
 * @param kinds   column name → type, in column order
 * @param skipped rows left out (only under {@link MalformedRowPolicy#SKIP})
 */
public record LoadedData(Path source, Table table, CsvDialect dialect, Map<String, ColumnKind> kinds,
                         List<SkippedRow> skipped) {
    public LoadedData {
        skipped = List.copyOf(skipped);
    }
}
