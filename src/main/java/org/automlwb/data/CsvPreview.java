package org.automlwb.data;

import java.util.List;
import java.util.Map;

/**
 * A quick look at a CSV file before loading it: the sniffed dialect and the first rows, for an import dialog.
 *
 * @param dialect the dialect that loading with the same options would use
 * @param columns column names (from the header, or {@code column_1..n})
 * @param rows    the first rows as trimmed text, each padded or cut to the number of columns
 * @param kinds   column types guessed from these rows only (loading decides over every row)
 * @param partial true when the file has more rows than the preview shows
 */
public record CsvPreview(CsvDialect dialect, List<String> columns, List<List<String>> rows,
                         Map<String, ColumnKind> kinds, boolean partial) {
    public CsvPreview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
        kinds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kinds));
    }
}
