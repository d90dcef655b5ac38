package org.automlwb.engine;

import org.automlwb.prep.TrainingRows;
import tech.tablesaw.api.Table;

/**
 * Turns raw rows into numeric features; fitted on training rows only. The engine's seam over the prep
 * package's {@code Recipe} ({@link RecipePipeline}), so that trials and final models can be tested with a
 * trivial pipeline.
 */
@FunctionalInterface
public interface FeaturePipeline {
    /** Fits every step on these rows only (the target column is in the table, and must not become a feature). */
    FittedFeatures fit(Table train, String target);

    /**
     * Fits on these rows and gives them transformed, the way a learner must see its own training rows: a step
     * that looks at the target (target encoding) gives training rows out-of-fold values here, which applying the
     * fitted pipeline to the same rows again would not. Row filters act.
     *
     * @param targets the targets of {@code train}'s rows, in the engine's class order
     */
    default Fit fitTransform(Table train, String target, Targets targets) {
        FittedFeatures fitted = fit(train, target);
        return new Fit(fitted, fitted.applyForTraining(train));
    }

    /** A fitted pipeline and the training rows it transformed. */
    record Fit(FittedFeatures features, TrainingRows rows) { }
}
