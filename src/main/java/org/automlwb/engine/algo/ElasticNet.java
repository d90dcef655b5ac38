package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.regression.slm.ElasticNetCDTrainer;

/** Elastic net linear regression (L1 + L2 penalties) by coordinate descent. Regression only. */
public final class ElasticNet implements TribuoAlgorithm {
    static final String ALPHA = "alpha";
    static final String L1_RATIO = "l1_ratio";
    private static final double TOLERANCE = 1e-4;
    private static final int MAX_ITERATIONS = 500;

    @Override public String id() { return "elastic_net"; }

    @Override public String displayName() { return "Elastic net"; }

    @Override public boolean supports(TaskType task) { return task == TaskType.REGRESSION; }

    @Override
    public SearchSpace space(TaskType task) {
        return SearchSpace.of(
                new RealParam(ALPHA, 1e-4, 10.0, true,
                        "Overall penalty strength. Larger values shrink weights harder and give simpler models."),
                new RealParam(L1_RATIO, 0.05, 1.0, false,
                        "Share of the penalty that is L1. Near 1 behaves like the lasso (sets weights to zero); "
                                + "near 0 behaves like ridge regression (shrinks all weights)."));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        return List.of(Config.of(ALPHA, 0.01, L1_RATIO, 0.5), Config.of(ALPHA, 0.1, L1_RATIO, 0.9));
    }

    @Override public double relativeCost(DataShape shape) { return 0.8; }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT_SCALED; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        Tasks.requireSupported(this, task);
        return new ElasticNetCDTrainer(config.getDouble(ALPHA, 0.01), config.getDouble(L1_RATIO, 0.5), TOLERANCE,
                MAX_ITERATIONS, false, seed);
    }
}
