package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostTrainer.BoosterType;
import org.tribuo.common.xgboost.XGBoostTrainer.LoggingVerbosity;
import org.tribuo.common.xgboost.XGBoostTrainer.TreeMethod;
import org.tribuo.regression.xgboost.XGBoostRegressionTrainer;

/**
 * Gradient-boosted trees (XGBoost, histogram method). Classification uses {@code multi:softprob} (Tribuo's
 * only objective), so models report probabilities. Runs native threads: see {@link #threadsPerFit}. The
 * bundled native library has x86_64 builds only.
 */
public final class XgBoost implements TribuoAlgorithm {
    static final String TREES = "trees";
    static final String ETA = "eta";
    static final String MAX_DEPTH = "max_depth";
    static final String MIN_CHILD_WEIGHT = "min_child_weight";
    static final String SUBSAMPLE = "subsample";
    static final String COLSAMPLE = "colsample";
    static final String LAMBDA = "lambda";
    static final String ALPHA = "alpha";
    static final String GAMMA = "gamma";
    /** Beyond four threads one XGBoost fit on tabular data gains little; more trials in parallel gain more. */
    // One native thread per fit: on phoneme (3,458 rows) two threads were no faster than one (15.6 s vs 14.7 s
    // for three 5-fold trials), and an OpenMP team spin-waits while a parallel trial holds the other core (one
    // fold took 6.6 s instead of under 1 s on 478 rows). Parallel trials keep the cores busy instead.
    static final int MAX_THREADS_PER_FIT = 1;

    @Override public String id() { return "xgboost"; }

    @Override public String displayName() { return "XGBoost"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override
    public SearchSpace space(TaskType task) {
        return SearchSpace.of(
                new IntParam(TREES, 50, 1000, true,
                        "Boosting rounds. More rounds fit more closely; pair many rounds with a small eta."),
                new RealParam(ETA, 0.005, 0.3, true,
                        "Learning rate: how much each new tree corrects the previous ones. Smaller is steadier "
                                + "but needs more trees."),
                new IntParam(MAX_DEPTH, 2, 12, false,
                        "Deepest a tree may grow. Deeper trees model more interactions and overfit more easily."),
                new RealParam(MIN_CHILD_WEIGHT, 0.01, 50.0, true,
                        "Least total weight (about the rows, for regression) a leaf must hold. Larger values "
                                + "make more conservative trees."),
                new RealParam(SUBSAMPLE, 0.5, 1.0, false,
                        "Share of rows each tree is trained on. Below 1 adds randomness that fights overfitting."),
                new RealParam(COLSAMPLE, 0.3, 1.0, false,
                        "Share of features each tree may use. Below 1 adds randomness that fights overfitting."),
                new RealParam(LAMBDA, 1e-3, 10.0, true,
                        "L2 penalty on leaf values. Larger values shrink predictions and smooth the model."),
                new RealParam(ALPHA, 1e-3, 10.0, true,
                        "L1 penalty on leaf values. Larger values push small leaf values to zero."),
                new RealParam(GAMMA, 0.0, 5.0, false,
                        "Least loss reduction a split must bring. Larger values prune more splits."));
    }

    @Override public boolean leadsPortfolio() { return true; }

    /**
     * Cheapest first: a fast shallow model, the usual strong default, then a deeper, more randomised one.
     * Multiclass boosting builds one tree per class and round, so the first model takes fewer, larger steps
     * there (23 classes: 20 rounds instead of 150). For classification the second model may put little weight in
     * a leaf and is barely regularised: min_child_weight and the leaf value -G/(H+lambda) both see the hessian
     * sum p(1-p), which vanishes as predictions grow confident, so a weight or lambda of 1 stops the splits and
     * steps that sharpen probabilities (car: log loss 0.07 where 0.003 is reachable).
     */
    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        int rounds = task == TaskType.MULTICLASS ? Math.max(20, Math.min(150, 300 / Math.max(2, shape.classes())))
                : 150;
        double eta = Math.min(0.3, 0.1 * 150.0 / rounds);
        boolean sharp = task.isClassification();
        return List.of(
                config(rounds, eta, 4, 1.0, 0.8, 0.8, 1.0),
                config(300, 0.05, 6, sharp ? 0.1 : 1.0, 0.8, 0.8, sharp ? 0.01 : 1.0),
                config(500, 0.03, 8, 3.0, 0.8, 0.6, 1.0));
    }

    private static Config config(int trees, double eta, int depth, double minChild, double subsample,
                                 double colsample, double lambda) {
        return Config.of(TREES, trees, ETA, eta, MAX_DEPTH, depth, MIN_CHILD_WEIGHT, minChild, SUBSAMPLE, subsample,
                COLSAMPLE, colsample, LAMBDA, lambda, ALPHA, 1e-3, GAMMA, 0.0);
    }

    @Override
    public double relativeCost(DataShape shape) {
        // 150 trees of depth 4 on 3,000 x 10, one thread: 14x a LIBLINEAR logistic fit.
        return 15.0;
    }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public int threadsPerFit(Config config, int threadsAvailable) {
        return Math.max(1, Math.min(threadsAvailable, MAX_THREADS_PER_FIT));
    }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config c, long seed, int threads) {
        int trees = c.getInt(TREES, 300);
        double eta = c.getDouble(ETA, 0.05);
        double gamma = c.getDouble(GAMMA, 0.0);
        int depth = c.getInt(MAX_DEPTH, 6);
        double minChild = c.getDouble(MIN_CHILD_WEIGHT, 1.0);
        double subsample = c.getDouble(SUBSAMPLE, 0.8);
        double colsample = c.getDouble(COLSAMPLE, 0.8);
        double lambda = c.getDouble(LAMBDA, 1.0);
        double alpha = c.getDouble(ALPHA, 1e-3);
        int nThread = Math.max(1, threads);
        if (task.isClassification()) {
            return new XGBoostClassificationTrainer(BoosterType.GBTREE, TreeMethod.HIST, trees, eta, gamma, depth,
                    minChild, subsample, colsample, lambda, alpha, nThread, LoggingVerbosity.SILENT, seed);
        }
        return new XGBoostRegressionTrainer(BoosterType.GBTREE, TreeMethod.HIST,
                XGBoostRegressionTrainer.RegressionType.LINEAR, trees, eta, gamma, depth, minChild, subsample,
                colsample, lambda, alpha, nThread, LoggingVerbosity.SILENT, seed);
    }
}
