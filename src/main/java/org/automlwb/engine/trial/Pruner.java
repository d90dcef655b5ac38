package org.automlwb.engine.trial;

/**
 * Successive halving: after each rung (a cheaper, lower-fidelity evaluation), asks whether a trial is
 * promising enough to continue. Implementations are asynchronous (ASHA): they decide from the trials seen so
 * far and never wait for others. Thread-safe.
 */
public interface Pruner extends java.io.Serializable {
    /**
     * Records a trial's loss (lower is better) at a rung and says whether it should go on to the next rung.
     *
     * @param trialId the trial
     * @param rung    0-based rung just finished
     * @param loss    the main metric as a loss ({@link org.automlwb.engine.Metric#toLoss})
     * @return true to continue, false to stop the trial as {@link TrialStatus#PRUNED}
     */
    boolean report(int trialId, int rung, double loss);

    /**
     * A copy of what this pruner has recorded so far, to decide with somewhere else (a Spark executor): the
     * copy answers as this pruner would have at the moment it was taken. A stateless pruner is its own copy.
     */
    default Pruner snapshot() { return this; }

    /** A pruner that never stops anything. */
    static Pruner none() { return (id, rung, loss) -> true; }
}
