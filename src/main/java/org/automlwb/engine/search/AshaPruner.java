package org.automlwb.engine.search;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.automlwb.engine.trial.Pruner;

/**
 * Asynchronous successive halving (Li et al. 2020, ASHA) with reduction factor {@code eta}: a trial that
 * finishes a rung goes on iff its loss is among the best {@code floor(n / eta)} of the {@code n} losses
 * recorded at that rung, counting only itself and trials with a smaller id (so that a trial's fate does
 * not depend on faster trials that started after it, which reduces run-to-run nondeterminism).
 *
 * <p>Nothing is pruned while fewer than {@code eta} such losses exist, the best of them is never pruned,
 * ties are kept, and a NaN loss counts as the worst possible. Thread-safe.
 */
public final class AshaPruner implements Pruner {
    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_ETA = 3;

    private final int eta;
    /** rung -> trial id -> loss at that rung. */
    private final Map<Integer, NavigableMap<Integer, Double>> rungs = new HashMap<>();

    /** Reduction factor 3. */
    public AshaPruner() { this(DEFAULT_ETA); }

    /** @param eta reduction factor, at least 2 */
    public AshaPruner(int eta) {
        if (eta < 2) throw new IllegalArgumentException("eta must be >= 2: " + eta);
        this.eta = eta;
    }

    public int eta() { return eta; }

    @Override
    public synchronized boolean report(int trialId, int rung, double loss) {
        double own = Double.isNaN(loss) ? Double.POSITIVE_INFINITY : loss;
        NavigableMap<Integer, Double> entries = rungs.computeIfAbsent(rung, r -> new TreeMap<>());
        entries.put(trialId, own);
        Map<Integer, Double> earlier = entries.headMap(trialId, false);
        int n = earlier.size() + 1;
        if (n < eta) return true;
        int better = 0;
        for (double other : earlier.values()) if (other < own) better++;
        return better < n / eta;
    }

    @Override
    public synchronized AshaPruner snapshot() {
        AshaPruner copy = new AshaPruner(eta);
        rungs.forEach((rung, losses) -> copy.rungs.put(rung, new TreeMap<>(losses)));
        return copy;
    }

    /** How many losses are recorded at {@code rung}. */
    public synchronized int recorded(int rung) {
        NavigableMap<Integer, Double> entries = rungs.get(rung);
        return entries == null ? 0 : entries.size();
    }
}
