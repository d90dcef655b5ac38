package org.automlwb.engine;

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
}
