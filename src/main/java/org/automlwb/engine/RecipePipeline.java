package org.automlwb.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlwb.prep.CategoricalFeature;
import org.automlwb.prep.FitResult;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.TrainingRows;
import org.automlwb.prep.TrainingTarget;
import tech.tablesaw.api.Table;

/** A prep {@link Recipe} as the engine's {@link FeaturePipeline}. */
public record RecipePipeline(Recipe recipe) implements FeaturePipeline {
    @Override
    public FittedFeatures fit(Table train, String target) {
        return new Fitted(recipe.fit(train, target));
    }

    @Override
    public Fit fitTransform(Table train, String target, Targets targets) {
        FitResult r = recipe.fitTransform(train, target, labels(targets));
        return new Fit(new Fitted(r.recipe()), r.training());
    }

    /** The engine's targets for the recipe's steps that learn from them, in the engine's class order. */
    static TrainingTarget labels(Targets t) {
        return t.isClassification() ? TrainingTarget.classification(t.classIndex(), t.classNames())
                : TrainingTarget.regression(t.values());
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
        public Set<String> categoricalFeatures() {
            Set<String> out = new HashSet<>();
            for (CategoricalFeature c : recipe.categoricalFeatures()) out.add(c.name());
            return out;
        }

        @Override
        public String toJson() {
            return recipe.toJson();
        }
    }
}
