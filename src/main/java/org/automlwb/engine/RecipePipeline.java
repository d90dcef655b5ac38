package org.automlwb.engine;

import java.util.List;
import org.automlwb.prep.FitResult;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.TrainingRows;
import tech.tablesaw.api.Table;

/** A prep {@link Recipe} as the engine's {@link FeaturePipeline}. */
public record RecipePipeline(Recipe recipe) implements FeaturePipeline {
    @Override
    public FittedFeatures fit(Table train, String target) {
        return new Fitted(recipe.fit(train, target));
    }

    @Override
    public Fit fitTransform(Table train, String target, Targets targets) {
        FitResult r = recipe.fitTransform(train, target);
        return new Fit(new Fitted(r.recipe()), r.training());
    }

    /** Wraps an already fitted recipe (e.g. one read back from {@code preprocessing_pipeline.json}). */
    public static FittedFeatures fitted(FittedRecipe fitted) {
        return new Fitted(fitted);
    }

    /** A fitted recipe as {@link FittedFeatures}. */
    public record Fitted(FittedRecipe recipe) implements FittedFeatures {
        @Override
        public Table apply(Table data) {
            return recipe.apply(data);
        }

        @Override
        public TrainingRows applyForTraining(Table data) {
            return recipe.applyForTraining(data);
        }

        @Override
        public List<String> featureNames() {
            return recipe.featureNames();
        }

        @Override
        public String toJson() {
            return recipe.toJson();
        }
    }
}
