package org.automlwb.engine.algo.lightgbm;

/**
 * A fit was stopped between two boosting rounds because its stop check said so (a cancel or a deadline) or its
 * thread was interrupted. No model is produced; native memory is already freed when this is thrown.
 */
public final class LightGbmStoppedException extends RuntimeException {
    private final int roundsDone;

    public LightGbmStoppedException(String message, int roundsDone) {
        super(message);
        this.roundsDone = roundsDone;
    }

    /** Boosting rounds completed before the stop. */
    public int roundsDone() { return roundsDone; }
}
