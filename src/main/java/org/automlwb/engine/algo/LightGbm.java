package org.automlwb.engine.algo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.lightgbm.LightGbmNative;
import org.automlwb.engine.algo.lightgbm.LightGbmParams;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Histogram gradient boosting with LightGBM: categories split natively (the recipe gives it category codes, not
 * one-hot columns), and every fit stops early on the trial's validation rows, keeping the best round; the final
 * refit trains the rounds the trial's folds chose ({@value #ROUNDS}, learnt). One native thread per fit, like
 * XGBoost: parallel trials keep the cores busier than a thread team inside one fit (docs/algorithms.md).
 *
 * <p>Where LightGBM's native library does not load, the algorithm does not apply, and the run says so once.
 */
public final class LightGbm implements Algorithm {
    static final String LEARNING_RATE = "learning_rate";
    static final String NUM_LEAVES = "num_leaves";
    static final String MIN_DATA_IN_LEAF = "min_data_in_leaf";
    static final String MIN_SUM_HESSIAN = "min_sum_hessian";
    static final String FEATURE_FRACTION = "feature_fraction";
    static final String BAGGING_FRACTION = "bagging_fraction";
    static final String LAMBDA_L1 = "lambda_l1";
    static final String LAMBDA_L2 = "lambda_l2";
    static final String CAT_SMOOTH = "cat_smooth";
    static final String CAT_L2 = "cat_l2";
    static final String MAX_BIN = "max_bin";
    static final String EXTRA_TREES = "extra_trees";
    /** The most rounds a fit with early stopping may train (not searched: early stopping chooses). */
    static final String MAX_ROUNDS = "max_rounds";
    /** The rounds to train without early stopping: what a trial's folds chose, for the refit on all rows. */
    static final String ROUNDS = "rounds";

    private static final Logger LOG = LoggerFactory.getLogger(LightGbm.class);
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    @Override public String id() { return "lightgbm"; }

    @Override public String displayName() { return "LightGBM"; }

    @Override public boolean supports(TaskType task) { return true; }

    /** Applies wherever its native library loads; where it does not, says why once and steps aside. */
    @Override
    public boolean appliesTo(DataShape shape) {
        Optional<String> why = LightGbmNative.unavailableReason();
        if (why.isPresent() && TOLD.compareAndSet(false, true)) {
            LOG.warn("LightGBM is skipped: {}", why.get());
        }
        return why.isEmpty();
    }

    @Override
    public SearchSpace space(TaskType task) {
        return SearchSpace.of(
                new RealParam(LEARNING_RATE, 0.01, 0.3, true,
                        "How much each new tree corrects the ones before. Smaller is steadier but needs more rounds "
                                + "(early stopping finds how many)."),
                new IntParam(NUM_LEAVES, 4, 256, true,
                        "Most leaves per tree. More leaves model finer interactions and overfit more easily."),
                new IntParam(MIN_DATA_IN_LEAF, 2, 100, true,
                        "Fewest training rows a leaf must hold. Larger values give smoother, more cautious trees."),
                new RealParam(MIN_SUM_HESSIAN, 1e-5, 10.0, true,
                        "Least total weight a leaf must hold (for classification it shrinks as predictions grow "
                                + "confident, so small values let probabilities sharpen)."),
                new RealParam(FEATURE_FRACTION, 0.4, 1.0, false,
                        "Share of features each tree may use. Below 1 adds randomness that fights overfitting."),
                new RealParam(BAGGING_FRACTION, 0.5, 1.0, false,
                        "Share of rows each tree is trained on (1 = all rows). Below 1 adds randomness."),
                new RealParam(LAMBDA_L1, 1e-8, 10.0, true,
                        "L1 penalty on leaf values. Larger values push small leaf values to zero."),
                new RealParam(LAMBDA_L2, 1e-8, 10.0, true,
                        "L2 penalty on leaf values. Larger values shrink predictions and smooth the model."),
                new RealParam(CAT_SMOOTH, 1.0, 50.0, true,
                        "How much a category's rows are pulled towards the average before categories are split: "
                                + "larger values trust rare categories less."),
                new RealParam(CAT_L2, 0.1, 50.0, true, "Extra L2 penalty on splits between categories."),
                new ChoiceParam(MAX_BIN, List.of("255", "127", "63"),
                        "Most value bins per numeric feature. Fewer bins are faster and coarser.",
                        (Param.Condition) null),
                new ChoiceParam(EXTRA_TREES, List.of("false", "true"),
                        "Extremely randomised trees: one random threshold per feature instead of the best one. "
                                + "More randomness, less overfitting, often a useful ensemble member.",
                        (Param.Condition) null));
    }

    /**
     * Cheapest first, from measurements on the development data sets: LightGBM's defaults with little
     * regularisation (it lets probabilities sharpen: car's log loss fell from 0.02 to under 0.001); a slower,
     * bagged, lightly regularised model that wins on small noisy data; and a heavily regularised, randomised one
     * whose trees differ from the others', for ensembles.
     */
    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        int rows = shape.rows();
        int minData = Math.max(5, Math.min(20, rows / 100));
        boolean small = rows < 5_000;
        return List.of(
                config(0.1, 31, 20, 1.0, 1.0, 1e-8, "false", 10.0, 10.0),
                config(0.05, 31, minData, 0.8, 0.8, 0.1, "false", 10.0, 1.0),
                config(0.03, small ? 15 : 63, minData, 0.6, 0.7, 3.0, small ? "true" : "false", 20.0, 10.0));
    }

    private static Config config(double lr, int leaves, int minData, double features, double rows, double l2,
                                 String extra, double catSmooth, double catL2) {
        return Config.of(LEARNING_RATE, lr, NUM_LEAVES, leaves, MIN_DATA_IN_LEAF, minData, MIN_SUM_HESSIAN, 1e-3,
                FEATURE_FRACTION, features, BAGGING_FRACTION, rows, LAMBDA_L1, 1e-8, LAMBDA_L2, l2, CAT_SMOOTH,
                catSmooth, CAT_L2, catL2, MAX_BIN, "255", EXTRA_TREES, extra);
    }

    @Override
    public double relativeCost(DataShape shape) {
        // 100 rounds on adult (39k x 14) took 0.5 s on one thread, a few times a LIBLINEAR fit; early stopping
        // usually ends within a few hundred rounds.
        return 6.0;
    }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.CATEGORY_CODES; }

    @Override public boolean leadsPortfolio() { return true; }
    /** The recipe's table (8) and the float matrix (4), the flat copy handed to LightGBM (4) and its bins. */
    @Override public int fitBytesPerCell() { return 24; }

    @Override
    public Learner learner(TaskType task, Config config, long seed, int threads) {
        return new LightGbmLearner(task, params(config), config.values().containsKey(ROUNDS), threads, seed);
    }

    /** The configuration as LightGBM parameters; the rounds are the cap, or the learnt rounds for a refit. */
    static LightGbmParams params(Config c) {
        double lr = c.getDouble(LEARNING_RATE, 0.1);
        int cap = c.getInt(MAX_ROUNDS, (int) Math.max(300, Math.min(3000, Math.round(100 / lr))));
        double bagging = c.getDouble(BAGGING_FRACTION, 1.0);
        return LightGbmParams.builder()
                .rounds(c.getInt(ROUNDS, cap))
                .learningRate(lr)
                .numLeaves(c.getInt(NUM_LEAVES, 31))
                .minDataInLeaf(c.getInt(MIN_DATA_IN_LEAF, 20))
                .minSumHessianInLeaf(c.getDouble(MIN_SUM_HESSIAN, 1e-3))
                .featureFraction(c.getDouble(FEATURE_FRACTION, 1.0))
                .bagging(bagging, bagging < 1 ? 1 : 0)
                .lambdaL1(c.getDouble(LAMBDA_L1, 0))
                .lambdaL2(c.getDouble(LAMBDA_L2, 0))
                .maxBin(Integer.parseInt(c.getString(MAX_BIN, "255")))
                .catSmooth(c.getDouble(CAT_SMOOTH, 10))
                .catL2(c.getDouble(CAT_L2, 10))
                .extraTrees(Boolean.parseBoolean(c.getString(EXTRA_TREES, "false")))
                .build();
    }
}
