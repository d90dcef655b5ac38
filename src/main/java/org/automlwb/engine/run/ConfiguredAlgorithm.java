package org.automlwb.engine.run;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.algo.Learner;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceFile;

/**
 * An algorithm seen through the user's search-space edits: its space has the edited ranges, and its portfolio
 * configurations are pulled inside them, so "keep trees between 50 and 100" holds for every trial.
 */
final class ConfiguredAlgorithm implements Algorithm {
    private final Algorithm inner;
    private final SpaceFile file;

    ConfiguredAlgorithm(Algorithm inner, SpaceFile file) {
        this.inner = inner;
        this.file = file;
    }

    @Override public String id() { return inner.id(); }
    @Override public String displayName() { return inner.displayName(); }
    @Override public boolean supports(TaskType task) { return inner.supports(task); }
    @Override public boolean appliesTo(DataShape shape) { return inner.appliesTo(shape); }
    @Override public double relativeCost(DataShape shape) { return inner.relativeCost(shape); }
    @Override public FeatureEncoding encoding() { return inner.encoding(); }
    @Override public int threadsPerFit(Config config, int available) { return inner.threadsPerFit(config, available); }
    @Override public boolean trainsOneAtATime() { return inner.trainsOneAtATime(); }
    @Override public boolean needsTargetScaling() { return inner.needsTargetScaling(); }
    @Override public boolean leadsPortfolio() { return inner.leadsPortfolio(); }
    @Override public int fitBytesPerCell() { return inner.fitBytesPerCell(); }

    @Override
    public SearchSpace space(TaskType task) { return file.apply(inner.id(), inner.space(task)); }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        SearchSpace space = space(task);
        return inner.portfolio(task, shape).stream().map(c -> inside(c, space)).distinct().toList();
    }

    @Override
    public Learner learner(TaskType task, Config config, long seed, int threads) {
        return inner.learner(task, config, seed, threads);
    }

    private static Config inside(Config c, SearchSpace space) {
        Config out = c;
        for (Param p : space.params()) {
            Object v = c.values().get(p.name());
            if (v == null) continue;
            if (p instanceof IntParam i) {
                out = out.with(p.name(), Math.max(i.low(), Math.min(i.high(), ((Number) v).intValue())));
            } else if (p instanceof RealParam r) {
                out = out.with(p.name(), Math.max(r.low(), Math.min(r.high(), ((Number) v).doubleValue())));
            } else if (p instanceof ChoiceParam ch && !ch.choices().contains(v.toString())) {
                out = out.with(p.name(), ch.choices().get(0));
            }
        }
        return out;
    }
}
