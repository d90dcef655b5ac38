package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.mnb.MultinomialNaiveBayesTrainer;

/**
 * Multinomial naive Bayes, for classification on data whose features are all non-negative (Tribuo's trainer
 * throws on a negative value). Models report probabilities.
 */
public final class NaiveBayes implements TribuoAlgorithm {
    static final String ALPHA = "alpha";

    @Override public String id() { return "naive_bayes"; }

    @Override public String displayName() { return "Naive Bayes (multinomial)"; }

    @Override public boolean supports(TaskType task) { return task.isClassification(); }

    @Override
    public boolean appliesTo(DataShape shape) {
        return supports(shape.task()) && shape.nonNegativeInputs();
    }

    @Override
    public SearchSpace space(TaskType task) {
        return SearchSpace.of(new RealParam(ALPHA, 0.01, 10.0, true,
                "Additive smoothing added to every feature count. Larger values pull the class estimates "
                        + "towards each other, which helps with rare features but blurs strong ones."));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        return List.of(Config.of(ALPHA, 1.0));
    }

    @Override public double relativeCost(DataShape shape) { return 0.2; }

    // Scaling would make values negative, which the trainer rejects.
    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        Tasks.requireSupported(this, task);
        return new MultinomialNaiveBayesTrainer(config.getDouble(ALPHA, 1.0));
    }
}
