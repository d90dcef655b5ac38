package org.automlwb.ui.run;

/** Where a run in the Run view is: the stop state machine. */
public enum RunPhase {
    /** Nothing started (or a new run may start). */
    IDLE,
    /** Searching. */
    RUNNING,
    /** Stop pressed: the engine finishes its trials in flight and refits the best model. */
    STOPPING,
    /** Ended by itself (budget, trial cap, search exhausted). */
    FINISHED,
    /** Ended because the user stopped it; the best model found so far is kept. */
    STOPPED,
    /** Ended with an error. */
    FAILED;

    /** Whether Start may be pressed. */
    public boolean canStart() { return this != RUNNING && this != STOPPING; }

    /** Whether Stop may be pressed. */
    public boolean canStop() { return this == RUNNING; }

    /** Whether the engine is still working. */
    public boolean active() { return this == RUNNING || this == STOPPING; }
}
