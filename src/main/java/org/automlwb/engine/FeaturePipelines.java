package org.automlwb.engine;

import java.util.EnumMap;
import java.util.Map;
import org.automlwb.prep.Recipe;

/**
 * The preprocessing variants of a run, one per {@link FeatureEncoding}: the recipe as it is, with numeric features
 * standardised, and with categories as codes.
 */
public final class FeaturePipelines {
    private final Map<FeatureEncoding, FeaturePipeline> pipelines;

    private FeaturePipelines(Map<FeatureEncoding, FeaturePipeline> pipelines) {
        this.pipelines = new EnumMap<>(pipelines);
    }

    /** The run's recipe in each encoding. */
    public static FeaturePipelines fromRecipe(Recipe recipe) {
        Map<FeatureEncoding, FeaturePipeline> m = new EnumMap<>(FeatureEncoding.class);
        m.put(FeatureEncoding.ONE_HOT, new RecipePipeline(recipe));
        m.put(FeatureEncoding.ONE_HOT_SCALED, new RecipePipeline(recipe.withScaling()));
        m.put(FeatureEncoding.CATEGORY_CODES, new RecipePipeline(recipe.withCategoryCodes()));
        return new FeaturePipelines(m);
    }

    /** One pipeline for one-hot and category codes, another for scaled features (tests). */
    public static FeaturePipelines of(FeaturePipeline oneHot, FeaturePipeline scaled) {
        Map<FeatureEncoding, FeaturePipeline> m = new EnumMap<>(FeatureEncoding.class);
        m.put(FeatureEncoding.ONE_HOT, oneHot);
        m.put(FeatureEncoding.ONE_HOT_SCALED, scaled);
        m.put(FeatureEncoding.CATEGORY_CODES, oneHot);
        return new FeaturePipelines(m);
    }

    /** One pipeline for every encoding (tests, or data without categories). */
    public static FeaturePipelines same(FeaturePipeline pipeline) {
        Map<FeatureEncoding, FeaturePipeline> m = new EnumMap<>(FeatureEncoding.class);
        for (FeatureEncoding e : FeatureEncoding.values()) m.put(e, pipeline);
        return new FeaturePipelines(m);
    }

    /** The pipeline of an encoding. */
    public FeaturePipeline of(FeatureEncoding encoding) {
        return pipelines.get(encoding);
    }
}
