package org.automlwb.prep;

import java.util.List;
import tech.tablesaw.api.Table;

/** A recipe whose steps hold fitted values; replays identically on new rows. (Implemented by the prep work.) */
public final class FittedRecipe {
    /**
     * Applies the fitted steps. The result holds one DoubleColumn per feature (no missing values, in
     * {@link #featureNames()} order) and, when the input has it, the target column unchanged.
     */
    public Table apply(Table data) {
        throw new UnsupportedOperationException("TODO prep");
    }

    public List<String> featureNames() {
        throw new UnsupportedOperationException("TODO prep");
    }

    public String toJson() {
        throw new UnsupportedOperationException("TODO prep");
    }

    public static FittedRecipe fromJson(String json) {
        throw new UnsupportedOperationException("TODO prep");
    }
}
