package org.automlwb.engine.search;

import java.util.Optional;
import java.util.Set;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;

/**
 * Decides what to try next. Apart from the estimators (which declare spaces) and the runner (which executes
 * trials): a searcher only sees specs and results. Called from several threads: implementations are
 * thread-safe.
 */
public interface Searcher {
    /**
     * The next trial to run, or empty when this searcher has nothing more to suggest (the run then ends early,
     * or falls to the next searcher). Trial ids are assigned by the caller through {@code nextId}.
     */
    Optional<TrialSpec> suggest(int nextId);

    /**
     * As {@link #suggest(int)}, when some algorithms cannot start now because their one lane is taken (LibSVM
     * trains one fit at a time in the whole JVM): a searcher should then prefer another algorithm, so the free core
     * works instead of waiting, and suggest a busy one only when nothing else is left. Searchers that cannot choose
     * ignore the hint.
     *
     * @param busy ids of the algorithms that cannot start now
     */
    default Optional<TrialSpec> suggest(int nextId, Set<String> busy) {
        return suggest(nextId);
    }

    /** Every finished trial, whatever its status, including those suggested by other searchers. */
    void onTrialComplete(TrialResult result);
}
