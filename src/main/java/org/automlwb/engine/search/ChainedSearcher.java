package org.automlwb.engine.search;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;

/**
 * Runs searchers one after another: suggestions come from the first stage until it has nothing more to
 * suggest, then from the next, and so on; a stage that ran dry is never asked again. Every completed trial
 * is reported to every stage, so later stages learn from the trials of earlier ones (TPE after the
 * portfolio). Thread-safe.
 */
public final class ChainedSearcher implements Searcher {
    private final List<Searcher> stages;
    private int current;

    /** @param stages the searchers, in the order they take over (at least one) */
    public ChainedSearcher(List<Searcher> stages) {
        if (stages.isEmpty()) throw new IllegalArgumentException("a chain needs at least one searcher");
        this.stages = List.copyOf(stages);
    }

    public static ChainedSearcher of(Searcher... stages) { return new ChainedSearcher(List.of(stages)); }

    /** The searchers of the chain, in order. */
    public List<Searcher> stages() { return stages; }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId) {
        return suggest(nextId, Set.of());
    }

    @Override
    public synchronized Optional<TrialSpec> suggest(int nextId, Set<String> busy) {
        while (current < stages.size()) {
            Optional<TrialSpec> spec = stages.get(current).suggest(nextId, busy);
            if (spec.isPresent()) return spec;
            current++;
        }
        return Optional.empty();
    }

    @Override
    public synchronized void onTrialComplete(TrialResult result) {
        for (Searcher s : stages) s.onTrialComplete(result);
    }
}
