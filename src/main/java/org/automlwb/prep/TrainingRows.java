package org.automlwb.prep;

import tech.tablesaw.api.Table;

/**
 * Training rows after a fitted recipe with its row filters acting.
 *
 * @param features the transformed rows, as {@link FittedRecipe#apply} gives them, for the kept rows only (and the
 *                 target column, filtered alike, when the input has it)
 * @param rows     which input rows they are: row {@code i} of {@code features} is input row {@code rows[i]},
 *                 ascending
 */
public record TrainingRows(Table features, int[] rows) {
    /** Every row kept: nothing filtered them. */
    public static TrainingRows unfiltered(Table features) {
        return new TrainingRows(features, java.util.stream.IntStream.range(0, features.rowCount()).toArray());
    }
}
