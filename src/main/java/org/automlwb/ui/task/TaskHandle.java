package org.automlwb.ui.task;

/** A submitted background job. */
public interface TaskHandle {
    /** Interrupts the job if it runs and suppresses its callbacks. */
    void cancel();

    /** Whether the job finished, failed or was cancelled. */
    boolean isDone();
}
