package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.regression.baseline.DummyRegressionTrainer;

/**
 * The model every other must beat: class priors for classification, the training mean for regression.
 *
 * <p>Classification does not use Tribuo's {@code DummyClassifierTrainer}: in 4.3.2 its models report
 * {@code generatesProbabilities() == false} and predictions carry no scores at all, so neither AUC nor log loss
 * can be computed. A CART tree limited to depth 0 never splits; its single leaf holds the training class
 * distribution, and {@link ProbabilityWrappingTrainer} exposes that as probabilities.
 */
public final class ConstantBaseline implements TribuoAlgorithm {
    @Override public String id() { return "baseline"; }

    @Override public String displayName() { return "Constant baseline"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override public SearchSpace space(TaskType task) { return SearchSpace.of(); }

    @Override public List<Config> portfolio(TaskType task, DataShape shape) { return List.of(Config.empty()); }

    @Override public double relativeCost(DataShape shape) { return 0.05; }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        if (!task.isClassification()) return DummyRegressionTrainer.createMeanTrainer();
        return new ProbabilityWrappingTrainer(
                new CARTClassificationTrainer(0, 1.0f, 0.0f, 1.0f, false, new GiniIndex(), seed));
    }
}
