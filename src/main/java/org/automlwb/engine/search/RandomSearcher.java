package org.automlwb.engine.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;

/**
 * The baseline: an algorithm drawn uniformly from the applicable ones, then a configuration drawn uniformly
 * (log-uniformly for log parameters) from its space. Never repeats a configuration; drops algorithms whose
 * trials keep failing; runs dry only when every algorithm is dropped or its space exhausted. Origin
 * {@value #ORIGIN}. Thread-safe; suggestion {@code n} depends only on the seed, {@code n} and the results
 * reported before it.
 */
public final class RandomSearcher implements Searcher {
    public static final String ORIGIN = "random";
    private static final long SALT = 0x7A11D0L;

    private final AlgorithmPool pool;
    private final long seed;

    /**
     * @param algorithms the catalogue (those that do not apply to {@code shape} are left out)
     * @param shape      the data
     * @param seed       the run seed
     */
    public RandomSearcher(List<Algorithm> algorithms, DataShape shape, long seed) {
        this.pool = new AlgorithmPool(algorithms, shape, TpeSearcher.Options.defaults().maxFailures());
        this.seed = seed;
    }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId) {
        return suggest(nextId, Set.of());
    }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId, Set<String> busy) {
        SplittableRandom rng = Seeds.forSuggestion(seed, SALT, nextId);
        List<Algorithm> candidates;
        while (!(candidates = pool.availableFirst(busy)).isEmpty()) {
            Algorithm a = candidates.get(rng.nextInt(candidates.size()));
            Config c = pool.uniqueRandom(a, rng);
            if (c == null) continue;
            TrialSpec spec = new TrialSpec(nextId, a.id(), c, Searchers.trialSeed(seed, nextId), ORIGIN);
            pool.suggested(spec);
            return Optional.of(spec);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void onTrialComplete(TrialResult result) {
        pool.record(result);
    }
}
