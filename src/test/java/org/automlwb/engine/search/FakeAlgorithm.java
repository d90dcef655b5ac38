package org.automlwb.engine.search;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.algo.Learner;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.SearchSpace;

/** An algorithm that only declares a space, a portfolio and a cost: all a searcher may see. */
record FakeAlgorithm(String id, SearchSpace space, List<Config> portfolio, double cost, boolean applies)
        implements Algorithm {
    static final DataShape SHAPE = new DataShape(TaskType.REGRESSION, 1000, 10, 0, false);

    FakeAlgorithm(String id, SearchSpace space, List<Config> portfolio, double cost) {
        this(id, space, portfolio, cost, true);
    }

    @Override public String displayName() { return id; }
    @Override public boolean supports(TaskType task) { return true; }
    @Override public boolean appliesTo(DataShape shape) { return applies; }
    @Override public SearchSpace space(TaskType task) { return space; }
    @Override public List<Config> portfolio(TaskType task, DataShape shape) { return portfolio; }
    @Override public double relativeCost(DataShape shape) { return cost; }
    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT; }

    @Override
    public Learner learner(TaskType task, Config config, long seed, int threads) {
        throw new UnsupportedOperationException("a fake algorithm trains nothing");
    }
}
