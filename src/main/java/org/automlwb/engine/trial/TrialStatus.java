package org.automlwb.engine.trial;

/** How a trial ended. */
public enum TrialStatus {
    /** Trained and scored on every fold. */
    OK,
    /** Stopped early by successive halving because it scored worse than its peers at a lower fidelity. */
    PRUNED,
    /** Threw, ran out of memory or produced unusable predictions; {@code error} says why. */
    FAILED,
    /** Exceeded the per-trial time cap. */
    TIMEOUT,
    /** The run was stopped while the trial ran. */
    CANCELLED
}
