package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.RealParam;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.Entropy;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.dtree.impurity.LabelImpurity;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/** The CART hyperparameters shared by the single tree and the forests, and the tree trainers they build. */
final class TreeParams {
    static final String MAX_DEPTH = "max_depth";
    static final String MIN_CHILD_WEIGHT = "min_child_weight";
    static final String CRITERION = "criterion";

    private TreeParams() { }

    static IntParam maxDepth(int low, int high) {
        return new IntParam(MAX_DEPTH, low, high, false,
                "Deepest a tree may grow. Deeper trees capture finer interactions but overfit more easily and "
                        + "make larger model files.");
    }

    static RealParam minChildWeight(double low, double high) {
        return new RealParam(MIN_CHILD_WEIGHT, low, high, true,
                "Fewest training rows a node must hold to be split further. Larger values give smaller, "
                        + "smoother trees.");
    }

    /** Classification only: the impurity measure. */
    static ChoiceParam criterion() {
        return new ChoiceParam(CRITERION, List.of("gini", "entropy"),
                "How the purity of a split is measured. The two usually give similar trees; entropy leans "
                        + "slightly towards balanced splits.");
    }

    /**
     * A classification tree trainer.
     *
     * @param featureFraction  fraction of features considered per split (1 = all)
     * @param randomSplits     whether split points are drawn at random (extra trees)
     */
    static CARTClassificationTrainer classifier(Config config, float featureFraction, boolean randomSplits,
                                                long seed) {
        LabelImpurity impurity = "entropy".equals(config.getString(CRITERION, "gini"))
                ? new Entropy() : new GiniIndex();
        return new CARTClassificationTrainer(config.getInt(MAX_DEPTH, Integer.MAX_VALUE),
                (float) config.getDouble(MIN_CHILD_WEIGHT, 5.0), 0.0f, featureFraction, randomSplits, impurity, seed);
    }

    /** A regression tree trainer (mean squared error). Parameters as for {@link #classifier}. */
    static CARTRegressionTrainer regressor(Config config, float featureFraction, boolean randomSplits, long seed) {
        return new CARTRegressionTrainer(config.getInt(MAX_DEPTH, Integer.MAX_VALUE),
                (float) config.getDouble(MIN_CHILD_WEIGHT, 5.0), 0.0f, featureFraction, randomSplits,
                new MeanSquaredError(), seed);
    }

    /** The tree space entries common to every task, plus the criterion for classification. */
    static List<org.automlwb.engine.space.Param> common(TaskType task, IntParam depth, RealParam minChild) {
        return task.isClassification() ? List.of(depth, minChild, criterion()) : List.of(depth, minChild);
    }
}
