package org.automlwb.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Preprocessed rows with their targets: what a learner trains on (a fold's training rows, all rows for the final
 * refit) or watches while it trains (a fold's validation rows, for early stopping). Shared read-only between
 * concurrent trials.
 *
 * <p>Learners that need the rows in another form (Tribuo's {@code MutableDataset}) keep it here with
 * {@link #derived}, so the conversion happens once per fold however many trials train on it.
 *
 */
public final class LabelledMatrix {
    private final FeatureMatrix x;
    private final Targets targets;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();

    private LabelledMatrix(FeatureMatrix x, Targets targets) {
        if (x.rows() != targets.size()) {
            throw new IllegalArgumentException(x.rows() + " rows of features, " + targets.size() + " targets");
        }
        this.x = x;
        this.targets = targets;
    }

    /**
     * @param x       the features
     * @param targets the target of each row of {@code x}, in the same order
     */
    public static LabelledMatrix of(FeatureMatrix x, Targets targets) {
        return new LabelledMatrix(x, targets);
    }

    public FeatureMatrix x() { return x; }

    public Targets targets() { return targets; }

    public int rows() { return x.rows(); }

    /**
     * A form of these rows computed once per key, by whichever thread asks first (the others wait); a computation
     * that throws leaves nothing behind.
     */
    @SuppressWarnings("unchecked")
    public <V> V derived(String key, Supplier<V> compute) {
        Object lock = cache.computeIfAbsent(key + "#lock", k -> new Object());
        synchronized (lock) {
            Object v = cache.get(key);
            if (v == null) {
                v = compute.get();
                cache.put(key, v);
            }
            return (V) v;
        }
    }

    /** Drops the derived forms (to free memory once no trial will train on these rows again). */
    public void clearDerived() { cache.clear(); }
}
