package org.automlwb.engine.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.SearchSpace;
import org.automlwb.engine.space.SpaceSampler;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every searcher needs to know about the algorithms it may suggest: which apply to the data, what they
 * cost, which configurations were already suggested or tried, which trials are still running, and which
 * algorithms failed so often that they are dropped. Not thread-safe: each searcher guards its own pool.
 */
final class AlgorithmPool {
    private static final Logger LOG = LoggerFactory.getLogger(AlgorithmPool.class);

    /** Tries to find a configuration not seen before, before declaring an algorithm's space exhausted. */
    static final int UNIQUE_ATTEMPTS = 64;

    /** Per-algorithm bookkeeping. */
    static final class Stats {
        int ok;
        int failures;
        int completed;
        final Set<Integer> pending = new HashSet<>();
        boolean exhausted;
    }

    private final DataShape shape;
    private final int maxFailures;
    private final Map<String, Algorithm> byId = new LinkedHashMap<>();
    private final Map<String, SearchSpace> spaces = new HashMap<>();
    private final Map<String, Double> costs = new HashMap<>();
    private final Map<String, Stats> stats = new HashMap<>();
    private final Map<String, Set<Config>> seen = new HashMap<>();
    private final List<Algorithm> byCost;

    /**
     * @param maxFailures an algorithm with this many failed or timed-out trials and none that succeeded is
     *                    dropped
     */
    AlgorithmPool(List<Algorithm> algorithms, DataShape shape, int maxFailures) {
        this.shape = shape;
        this.maxFailures = maxFailures;
        for (Algorithm a : algorithms) {
            if (byId.containsKey(a.id())) throw new IllegalArgumentException("duplicate algorithm id " + a.id());
            if (!a.appliesTo(shape)) continue;
            byId.put(a.id(), a);
            spaces.put(a.id(), a.space(shape.task()));
            double c = a.relativeCost(shape);
            costs.put(a.id(), Double.isFinite(c) && c > 0 ? c : 1.0);
            stats.put(a.id(), new Stats());
            seen.put(a.id(), new HashSet<>());
        }
        // Stable sort: equal costs keep declaration order.
        List<Algorithm> sorted = new ArrayList<>(byId.values());
        sorted.sort(Comparator.comparingDouble(a -> costs.get(a.id())));
        byCost = List.copyOf(sorted);
    }

    DataShape shape() { return shape; }

    /** Applicable algorithms, cheapest first, ties in declaration order. */
    List<Algorithm> byCost() { return byCost; }

    Algorithm get(String id) { return byId.get(id); }

    SearchSpace space(Algorithm a) { return spaces.get(a.id()); }

    double cost(Algorithm a) { return costs.get(a.id()); }

    Stats stats(Algorithm a) { return stats.get(a.id()); }

    /** Not dropped for failures. */
    boolean alive(Algorithm a) {
        Stats s = stats.get(a.id());
        return !(s.ok == 0 && s.failures >= maxFailures);
    }

    /** Alive and with configurations left to suggest, cheapest first. */
    List<Algorithm> available() {
        List<Algorithm> out = new ArrayList<>();
        for (Algorithm a : byCost) if (alive(a) && !stats(a).exhausted) out.add(a);
        return out;
    }

    /**
     * {@link #available()} without the busy algorithms, unless that leaves none: then all of them (the caller's
     * suggestion will wait for its lane rather than end the search).
     */
    List<Algorithm> availableFirst(Set<String> busy) {
        List<Algorithm> all = available();
        if (busy.isEmpty()) return all;
        List<Algorithm> free = all.stream().filter(a -> !busy.contains(a.id())).toList();
        return free.isEmpty() ? all : free;
    }

    boolean seen(Algorithm a, Config c) { return seen.get(a.id()).contains(c); }

    /** Notes that a trial was handed out, so it is pending and its configuration is not suggested again. */
    void suggested(TrialSpec spec) {
        Algorithm a = byId.get(spec.algorithm());
        seen.get(a.id()).add(spec.config());
        stats(a).pending.add(spec.trialId());
    }

    /**
     * Updates the bookkeeping with a finished trial, whoever suggested it; returns the algorithm, or null
     * when the trial is not about one of the pool's algorithms (an ensemble, an inapplicable algorithm).
     */
    Algorithm record(TrialResult r) {
        TrialSpec spec = r.spec();
        Algorithm a = spec == null ? null : byId.get(spec.algorithm());
        if (a == null) return null;
        Stats s = stats(a);
        s.pending.remove(spec.trialId());
        if (spec.config() != null) seen.get(a.id()).add(spec.config());
        TrialStatus status = r.status() == null ? TrialStatus.FAILED : r.status();
        if (status == TrialStatus.CANCELLED) return a;
        boolean wasAlive = alive(a);
        s.completed++;
        if (status == TrialStatus.OK) s.ok++;
        else if (status == TrialStatus.FAILED || status == TrialStatus.TIMEOUT) s.failures++;
        if (wasAlive && !alive(a)) {
            LOG.info("dropping algorithm {} after {} failed trials and none that succeeded (last: {})",
                    a.id(), s.failures, r.error());
        }
        return a;
    }

    /** A uniformly sampled configuration never suggested or tried before, or null (and the space is exhausted). */
    Config uniqueRandom(Algorithm a, RandomGenerator rng) {
        SearchSpace space = space(a);
        for (int i = 0; i < UNIQUE_ATTEMPTS; i++) {
            Config c = SpaceSampler.sample(space, rng);
            if (!seen(a, c)) return c;
        }
        markExhausted(a);
        return null;
    }

    void markExhausted(Algorithm a) {
        if (!stats(a).exhausted) LOG.debug("no new configurations found for {}", a.id());
        stats(a).exhausted = true;
    }
}
