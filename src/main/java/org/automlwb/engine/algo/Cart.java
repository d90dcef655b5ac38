package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;

/**
 * A single CART decision tree. Easy to read, rarely the most accurate. Classification trees are wrapped by
 * {@link ProbabilityWrappingTrainer} because Tribuo flags a lone tree as not probabilistic although its leaves
 * hold class frequencies.
 */
public final class Cart implements TribuoAlgorithm {
    @Override public String id() { return "cart"; }

    @Override public String displayName() { return "Decision tree (CART)"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override
    public SearchSpace space(TaskType task) {
        return new SearchSpace(TreeParams.common(task, TreeParams.maxDepth(2, 30),
                TreeParams.minChildWeight(1.0, 100.0)));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        // Leaves of ~1% of the rows (at least 5) keep the class frequencies in a leaf meaningful.
        double minChild = Math.max(5.0, Math.min(100.0, shape.rows() / 100.0));
        Config config = Config.of(TreeParams.MAX_DEPTH, 8, TreeParams.MIN_CHILD_WEIGHT, minChild);
        return List.of(task.isClassification() ? config.with(TreeParams.CRITERION, "gini") : config);
    }

    @Override public double relativeCost(DataShape shape) { return 3.0; }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        if (task.isClassification()) {
            return new ProbabilityWrappingTrainer(TreeParams.classifier(config, 1.0f, false, seed));
        }
        return TreeParams.regressor(config, 1.0f, false, seed);
    }
}
