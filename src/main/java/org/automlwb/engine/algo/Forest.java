package org.automlwb.engine.algo;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.FullyWeightedVotingCombiner;
import org.tribuo.common.tree.DecisionTreeTrainer;
import org.tribuo.common.tree.ExtraTreesTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * Random forests and extra trees: bagged CART trees that each look at a random subset of features per split.
 * Extra trees also draw split points at random (Tribuo still trains every member on a bootstrap sample).
 *
 * <p>Classification averages the trees' leaf class frequencies ({@link FullyWeightedVotingCombiner}), which
 * gives smoother probabilities than counting votes. Tribuo trains the members one after another, and the
 * models are large, so tree counts stay modest and shrink as rows grow.
 */
public final class Forest implements TribuoAlgorithm {
    static final String TREES = "trees";
    static final String FEATURE_FRACTION = "feature_fraction";
    /** Random forests need a fraction strictly below 1 (Tribuo checks). */
    private static final float RANDOM_FOREST_MAX_FRACTION = 0.99f;

    private final boolean extraTrees;

    private Forest(boolean extraTrees) {
        this.extraTrees = extraTrees;
    }

    /** The random forest. */
    public static Forest randomForest() { return new Forest(false); }

    /** Extremely randomised trees. */
    public static Forest extraTrees() { return new Forest(true); }

    @Override public String id() { return extraTrees ? "extra_trees" : "random_forest"; }

    @Override public String displayName() { return extraTrees ? "Extra trees" : "Random forest"; }

    @Override public boolean supports(TaskType task) { return true; }

    /**
     * Tribuo trains forest members one after another with an exact CART: beyond about 2 million cells (rows x
     * features) even 12-25 trees ran past a 15 s trial cap (adult: 39k x 96, kddcup99: 116k x 62).
     */
    static final long MAX_CELLS = 2_000_000L;

    @Override
    public boolean appliesTo(DataShape shape) { return (long) shape.rows() * shape.features() <= MAX_CELLS; }

    @Override
    public SearchSpace space(TaskType task) {
        List<Param> params = new ArrayList<>();
        params.add(new IntParam(TREES, 10, 150, true,
                "Trees in the forest. More trees give steadier predictions but train slower and make bigger "
                        + "model files."));
        params.add(new RealParam(FEATURE_FRACTION, 0.1, extraTrees ? 1.0 : RANDOM_FOREST_MAX_FRACTION, false,
                "Share of the features each split may choose from. Smaller shares make the trees more different "
                        + "from each other, which usually helps the average."));
        params.addAll(TreeParams.common(task, TreeParams.maxDepth(4, 40), TreeParams.minChildWeight(1.0, 32.0)));
        return new SearchSpace(params);
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        // Leaves of at least 5 rows (more on big data) keep files and fit times in check: Tribuo stores every
        // node, and 100 fully grown extra trees on 3,000 rows x 10 features made a 27 MB model.
        double minChild = Math.max(5.0, Math.min(32.0, shape.rows() / 2_000.0));
        Config config = Config.of(TREES, trees(shape.rows()), FEATURE_FRACTION, defaultFraction(shape.features()),
                TreeParams.MAX_DEPTH, 20, TreeParams.MIN_CHILD_WEIGHT, minChild);
        return List.of(task.isClassification() ? config.with(TreeParams.CRITERION, "gini") : config);
    }

    /** Tree count for the portfolio: forests train members one by one, so fewer trees on more rows. */
    static int trees(int rows) {
        if (rows <= 5_000) return 80;
        if (rows <= 20_000) return 50;
        if (rows <= 100_000) return 25;
        return 12;
    }

    /** The usual defaults: sqrt(features) per split for classification-like forests, at least a third. */
    private double defaultFraction(int features) {
        int n = Math.max(1, features);
        double fraction = Math.max(Math.sqrt(n) / n, 1.0 / 3.0);
        return Math.min(fraction, extraTrees ? 1.0 : RANDOM_FOREST_MAX_FRACTION);
    }

    @Override
    public double relativeCost(DataShape shape) {
        // Measured on 3,000 x 10 (binary): 80 trees took 38x (random forest) and 44x (extra trees: random splits
        // grow deeper trees) a LIBLINEAR logistic fit.
        return trees(shape.rows()) * (extraTrees ? 0.6 : 0.5);
    }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        int trees = config.getInt(TREES, 50);
        double fraction = config.getDouble(FEATURE_FRACTION, 0.5);
        float max = extraTrees ? 1.0f : RANDOM_FOREST_MAX_FRACTION;
        if (task.isClassification()) {
            return new FeatureCountTrainer<Label>(features -> {
                float f = FeatureCountTrainer.splitFraction(fraction, features, max);
                return ensemble(TreeParams.classifier(config, f, extraTrees, seed), new FullyWeightedVotingCombiner(),
                        trees, seed);
            });
        }
        return new FeatureCountTrainer<Regressor>(features -> {
            float f = FeatureCountTrainer.splitFraction(fraction, features, max);
            return ensemble(TreeParams.regressor(config, f, extraTrees, seed), new AveragingCombiner(), trees, seed);
        });
    }

    private <T extends Output<T>> Trainer<T> ensemble(DecisionTreeTrainer<T> tree,
                                                      org.tribuo.ensemble.EnsembleCombiner<T> combiner,
                                                      int trees, long seed) {
        return extraTrees ? new ExtraTreesTrainer<>(tree, combiner, trees, seed)
                : new RandomForestTrainer<>(tree, combiner, trees, seed);
    }
}
