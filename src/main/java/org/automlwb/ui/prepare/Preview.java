package org.automlwb.ui.prepare;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * The recipe applied to a sample of the data.
 *
 * @param rows    the sample after the recipe (training view: row filters applied)
 * @param sampled how many rows the sample had before the recipe
 * @param changes the columns the recipe changed, added or removed
 */
public record Preview(Table rows, int sampled, List<ColumnChange> changes) {
    public Preview {
        changes = List.copyOf(changes);
    }
}
