package org.automlwb.engine.trial;

import java.io.Serializable;
import java.util.List;

/**
 * What comes back from a trial run anywhere: its result (with out-of-fold predictions, for the ensemble), where
 * it ran, and the losses it reported at each rung. The pruner and the journal stay with the search, so an
 * executor that ran the trial against a copy of the pruner hands the losses back to be recorded in the real one.
 *
 * @param result     the trial's result
 * @param executor   where it ran: {@code local} for this JVM's threads, or the Spark executor's id and host
 * @param rungLosses the losses reported to the pruner, in order
 */
public record TrialReport(TrialResult result, String executor, List<RungLoss> rungLosses) implements Serializable {
    /** Executor name of trials run on this JVM's threads. */
    public static final String LOCAL = "local";

    public TrialReport {
        rungLosses = List.copyOf(rungLosses);
    }

    /** A report of a trial that ended without reporting any rung (failed before its first fit, cancelled...). */
    public static TrialReport of(TrialResult result, String executor) {
        return new TrialReport(result, executor, List.of());
    }

    /**
     * One loss reported to a pruner.
     *
     * @param rung 0-based rung
     * @param loss the main metric as a loss
     */
    public record RungLoss(int rung, double loss) implements Serializable { }
}
