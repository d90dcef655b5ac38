package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.regression.slm.LARSLassoTrainer;

/** Lasso regression fitted by least-angle regression, stopping after a number of features. Regression only. */
public final class LarsLasso implements TribuoAlgorithm {
    static final String MAX_FEATURES = "max_features";
    /** Upper end of the space; a value above the data's feature count simply selects them all. */
    private static final int MAX_FEATURES_CAP = 256;

    @Override public String id() { return "lars_lasso"; }

    @Override public String displayName() { return "Lasso (LARS)"; }

    @Override public boolean supports(TaskType task) { return task == TaskType.REGRESSION; }

    @Override
    public SearchSpace space(TaskType task) {
        return SearchSpace.of(new IntParam(MAX_FEATURES, 1, MAX_FEATURES_CAP, true,
                "Most features the model may use; the path adds them one at a time, most useful first. Fewer "
                        + "features give a simpler, more regularised model."));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        return List.of(Config.of(MAX_FEATURES, Math.max(1, Math.min(shape.features(), MAX_FEATURES_CAP))));
    }

    @Override public double relativeCost(DataShape shape) { return 1.0; }

    // LARSLassoTrainer standardises features and centres the target itself.
    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        Tasks.requireSupported(this, task);
        return new LARSLassoTrainer(config.getInt(MAX_FEATURES, MAX_FEATURES_CAP));
    }
}
