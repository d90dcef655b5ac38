package org.automlwb.engine.search;

import java.util.Optional;
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

    /** Every finished trial, whatever its status, including those suggested by other searchers. */
    void onTrialComplete(TrialResult result);
}
