package org.automlwb.engine.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;

/**
 * Suggests the strong default configurations ({@link Algorithm#portfolio}) of every applicable algorithm,
 * in rounds: the first configuration of every algorithm, cheapest algorithm first ({@link
 * Algorithm#relativeCost}, ties in declaration order; an algorithm that {@link Algorithm#leadsPortfolio leads}
 * goes right after the cheapest), then every second configuration, and so on. Then it has nothing more to
 * suggest. Origin {@value #ORIGIN}.
 *
 * <p>Duplicate configurations are skipped, and so are the remaining configurations of an algorithm dropped
 * after repeated failures. Thread-safe.
 */
public final class PortfolioSearcher implements Searcher {
    public static final String ORIGIN = "portfolio";

    private record Entry(Algorithm algorithm, Config config) { }

    private final AlgorithmPool pool;
    private final long seed;
    private final Deque<Entry> queue = new ArrayDeque<>();

    /**
     * @param algorithms the catalogue (those that do not apply to {@code shape} are left out)
     * @param shape      the data
     * @param seed       the run seed, from which each trial's seed is derived
     */
    public PortfolioSearcher(List<Algorithm> algorithms, DataShape shape, long seed) {
        this.pool = new AlgorithmPool(algorithms, shape, TpeSearcher.Options.defaults().maxFailures());
        this.seed = seed;
        List<List<Config>> portfolios = new ArrayList<>();
        int rounds = 0;
        for (Algorithm a : pool.byCost()) {
            List<Config> p = a.portfolio(shape.task(), shape);
            portfolios.add(p == null ? List.of() : p);
            rounds = Math.max(rounds, portfolios.get(portfolios.size() - 1).size());
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < portfolios.size(); i++) {
                if (r < portfolios.get(i).size()) queue.add(new Entry(pool.byCost().get(i), portfolios.get(i).get(r)));
            }
        }
        promoteLeaders();
    }

    /** Moves the first configuration of each algorithm that leads the portfolio to just after the cheapest one. */
    private void promoteLeaders() {
        List<Entry> order = new ArrayList<>(queue);
        List<Entry> leaders = new ArrayList<>();
        java.util.Set<String> seenAlgorithms = new java.util.HashSet<>();
        for (Entry e : order) {
            if (e.algorithm().leadsPortfolio() && seenAlgorithms.add(e.algorithm().id())) leaders.add(e);
        }
        if (leaders.isEmpty() || order.size() < 2) return;
        order.removeAll(leaders);
        order.addAll(Math.min(1, order.size()), leaders);
        queue.clear();
        queue.addAll(order);
    }

    /** How many configurations are still queued (some may yet be skipped). */
    public synchronized int remaining() { return queue.size(); }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId) {
        return suggest(nextId, Set.of());
    }

    /** The first queued configuration of an algorithm that is not busy, else the first queued one. */
    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId, Set<String> busy) {
        queue.removeIf(e -> !pool.alive(e.algorithm()) || pool.seen(e.algorithm(), e.config()));
        if (queue.isEmpty()) return Optional.empty();
        Entry e = queue.stream().filter(x -> !busy.contains(x.algorithm().id())).findFirst().orElse(queue.peek());
        queue.remove(e);
        TrialSpec spec = new TrialSpec(nextId, e.algorithm().id(), e.config(), Searchers.trialSeed(seed, nextId),
                ORIGIN);
        pool.suggested(spec);
        return Optional.of(spec);
    }

    @Override
    public synchronized void onTrialComplete(TrialResult result) {
        pool.record(result);
    }
}
