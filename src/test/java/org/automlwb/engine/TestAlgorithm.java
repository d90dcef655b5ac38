package org.automlwb.engine;

import java.util.List;
import java.util.function.Function;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.algo.TribuoAlgorithm;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;

/** A test algorithm around a fixed Tribuo trainer (built afresh per call, as the catalogue does). */
public record TestAlgorithm(String id, boolean needsScaling, Function<TaskType, Trainer<? extends Output<?>>> make)
        implements TribuoAlgorithm {
    @Override
    public FeatureEncoding encoding() { return needsScaling ? FeatureEncoding.ONE_HOT_SCALED : FeatureEncoding.ONE_HOT; }

    @Override
    public String displayName() { return id; }

    @Override
    public boolean supports(TaskType task) { return true; }

    @Override
    public SearchSpace space(TaskType task) { return SearchSpace.of(); }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) { return List.of(Config.empty()); }

    @Override
    public double relativeCost(DataShape shape) { return 1; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        return make.apply(task);
    }
}
