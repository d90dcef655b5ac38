package org.automlwb.prep;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * An ordered list of preprocessing steps with their settings (unfitted). Immutable.
 * (Implemented by the prep work.)
 */
public final class Recipe {
    /** The default recipe for this data (see the prep package docs), without scaling. */
    public static Recipe automatic(Table data, String target) {
        throw new UnsupportedOperationException("TODO prep");
    }

    /** This recipe plus per-column standardisation of numeric features, for linear models, SVMs and KNN. */
    public Recipe withScaling() {
        throw new UnsupportedOperationException("TODO prep");
    }

    /** Fits every step on these rows only. */
    public FittedRecipe fit(Table train, String target) {
        throw new UnsupportedOperationException("TODO prep");
    }

    public String toJson() {
        throw new UnsupportedOperationException("TODO prep");
    }

    public static Recipe fromJson(String json) {
        throw new UnsupportedOperationException("TODO prep");
    }
}
