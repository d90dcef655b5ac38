package org.automlwb.engine;

import java.util.List;
import java.util.Set;
import org.automlwb.prep.TrainingRows;
import tech.tablesaw.api.Table;

/** A fitted {@link FeaturePipeline}: replays identically on new rows. */
public interface FittedFeatures {
    /**
     * Applies the fitted steps. The result holds one numeric column per name of {@link #featureNames()}
     * (missing values are tolerated here and read as 0) and, when the input has it, the target column.
     */
    Table apply(Table data);

    /**
     * Prepares training rows: like {@link #apply}, but with the pipeline's row filters acting (a recipe's "filter
     * training rows" steps), saying which input rows are kept. Without filters: every row.
     */
    default TrainingRows applyForTraining(Table data) {
        return TrainingRows.unfiltered(apply(data));
    }

    /** The feature columns {@link #apply} produces, in a fixed order; never empty. */
    List<String> featureNames();

    /** The features among {@link #featureNames()} that hold category codes (for native categorical splits). */
    default Set<String> categoricalFeatures() { return Set.of(); }

    /** The fitted pipeline as JSON, written next to the model as {@code preprocessing_pipeline.json}. */
    String toJson();
}
