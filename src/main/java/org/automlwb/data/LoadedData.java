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
 * @param numberFixes column name → what {@link NumberLimits}' rule changed, for the numeric columns where it
 *                    changed something
 * @param warnings what the user should know about how the file was read (e.g. lines in two encodings), one
 *                 sentence each, to show wherever the load is reported
 */
public record LoadedData(Path source, Table table, CsvDialect dialect, Map<String, ColumnKind> kinds,
                         List<SkippedRow> skipped, Map<String, NumberFixes> numberFixes, List<String> warnings) {
    public LoadedData {
        skipped = List.copyOf(skipped);
        numberFixes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numberFixes));
        warnings = List.copyOf(warnings);
    }

    /** A load where no number was changed and nothing needs saying. */
    public LoadedData(Path source, Table table, CsvDialect dialect, Map<String, ColumnKind> kinds,
                      List<SkippedRow> skipped) {
        this(source, table, dialect, kinds, skipped, Map.of(), List.of());
    }

    /** What the number rule changed in {@code column}; {@link NumberFixes#NONE} when nothing. */
    public NumberFixes numberFixes(String column) {
        return numberFixes.getOrDefault(column, NumberFixes.NONE);
    }
}
