package org.automlwb.engine.run;

import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;

/** Small factories for trial results the orchestrator makes itself. */
final class Trials {
    private Trials() { }

    /** A FAILED result for a trial whose work escaped with an exception (the runner normally catches its own). */
    static TrialResult failed(TrialSpec spec, Throwable error, double seconds) {
        Throwable root = error;
        while (root != null && root.getCause() != null && root.getCause() != root) root = root.getCause();
        String why = root == null ? "unknown error" : TrialRunner.failureReason(root);
        return TrialResult.unscored(spec, TrialStatus.FAILED, seconds, why, 0);
    }
}
