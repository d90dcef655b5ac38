package org.automlwb.engine;

import org.automlwb.engine.algo.Algorithm;
import org.automlwb.prep.Recipe;

/**
 * The two preprocessing variants of a run: plain, and with numeric features standardised for the algorithms
 * that need it ({@link Algorithm#needsScaling()}).
 */
public record FeaturePipelines(FeaturePipeline plain, FeaturePipeline scaled) {
    /** The run's recipe, and the same recipe with scaling added. */
    public static FeaturePipelines fromRecipe(Recipe recipe) {
        return new FeaturePipelines(new RecipePipeline(recipe), new RecipePipeline(recipe.withScaling()));
    }

    /** One pipeline for both variants (tests, or algorithms that all scale alike). */
    public static FeaturePipelines same(FeaturePipeline pipeline) {
        return new FeaturePipelines(pipeline, pipeline);
    }

    public FeaturePipeline forAlgorithm(Algorithm algorithm) {
        return forScaling(algorithm.needsScaling());
    }

    public FeaturePipeline forScaling(boolean scaled) {
        return scaled ? this.scaled : plain;
    }
}
