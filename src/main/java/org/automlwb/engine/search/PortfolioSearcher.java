package org.automlwb.engine.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;

/**
 * Suggests the cheapest default configuration, then those of a {@link LearnedPortfolio} (whose algorithm
 * applies and whose values lie inside the run's search space), then the other strong defaults ({@link Algorithm#portfolio}) of every applicable
 * algorithm, in rounds: the first configuration of every algorithm, cheapest algorithm first ({@link
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
        this(algorithms, shape, seed, LearnedPortfolio.none());
    }

    /**
     * @param algorithms the catalogue (those that do not apply to {@code shape} are left out)
     * @param shape      the data
     * @param seed       the run seed, from which each trial's seed is derived
     * @param learned    configurations tried before the defaults
     */
    public PortfolioSearcher(List<Algorithm> algorithms, DataShape shape, long seed, LearnedPortfolio learned) {
        this.pool = new AlgorithmPool(algorithms, shape, TpeSearcher.Options.defaults().maxFailures());
        this.seed = seed;
        if (learned.defaultsAfter()) queueDefaults(shape);
        if (learned.leads(shape)) queueLearnedFirst(learned.entries(shape.task()));
        else queueLearnedLast(learned.entries(shape.task()));
    }

    /** The hand-written defaults in rounds, cheapest algorithm first, leaders promoted. */
    private void queueDefaults(DataShape shape) {
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

    /** Puts the learned entries, in their order, after the defaults (large data: see {@link LearnedPortfolio}). */
    private void queueLearnedLast(List<PortfolioEntry> learned) {
        List<Entry> last = applicable(learned);
        last.forEach(queue::remove);
        queue.addAll(last);
    }

    /** The learned entries whose algorithm applies and whose values lie inside the run's space. */
    private List<Entry> applicable(List<PortfolioEntry> learned) {
        List<Entry> out = new ArrayList<>();
        for (PortfolioEntry e : learned) {
            Algorithm a = pool.get(e.algorithm());
            if (a != null && inside(pool.space(a), e.config())) out.add(new Entry(a, e.config()));
        }
        return out;
    }

    /**
     * Puts the learned entries, in their order, right after the cheapest default: that one (the constant
     * baseline, in the product) finishes in a moment on any data, so a run always has a model however slow the
     * learned entries are on its data.
     */
    private void queueLearnedFirst(List<PortfolioEntry> learned) {
        List<Entry> first = applicable(learned);
        first.forEach(queue::remove);
        Entry cheapest = queue.pollFirst();
        for (int i = first.size() - 1; i >= 0; i--) queue.addFirst(first.get(i));
        if (cheapest != null) queue.addFirst(cheapest);
    }

    /**
     * Whether every value the configuration sets lies within the space's bounds or choices: a user who narrowed
     * a range or switched a value off does not get it back from the portfolio. Values the space does not name
     * (fixed settings of the algorithm) pass.
     */
    private static boolean inside(SearchSpace space, Config c) {
        for (Param p : space.params()) {
            Object v = c.values().get(p.name());
            if (v == null) continue;
            boolean ok;
            if (p instanceof IntParam ip) {
                ok = v instanceof Number n && n.intValue() >= ip.low() && n.intValue() <= ip.high();
            } else if (p instanceof RealParam rp) {
                ok = v instanceof Number n && n.doubleValue() >= rp.low() && n.doubleValue() <= rp.high();
            } else ok = ((ChoiceParam) p).choices().contains(v.toString());
            if (!ok) return false;
        }
        return true;
    }

    /** Moves the first configuration of each algorithm that leads the portfolio to just after the cheapest one. */
    private void promoteLeaders() {
        List<Entry> order = new ArrayList<>(queue);
        List<Entry> leaders = new ArrayList<>();
        Set<String> seenAlgorithms = new HashSet<>();
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
