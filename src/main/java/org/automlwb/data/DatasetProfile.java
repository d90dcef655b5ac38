package org.automlwb.data;

import java.util.List;

/**
 * The profile of a whole table.
 *
 * @param rows            number of rows
 * @param columns         one profile per column, in column order
 * @param suggestedTarget the column most likely to be the target (the last column that is not ID-like or
 *                        constant), or null
 */
public record DatasetProfile(long rows, List<ColumnProfile> columns, String suggestedTarget) {
    public DatasetProfile {
        columns = List.copyOf(columns);
    }
}
