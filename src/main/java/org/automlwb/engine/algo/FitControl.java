package org.automlwb.engine.algo;

import java.util.function.BooleanSupplier;

/**
 * What a learner that trains in iterations may ask between them.
 *
 * @param stop   true when the fit's result is no longer wanted (its time limit passed, or the run was stopped):
 *               throw, and free the core at once
 * @param timeUp true when the fit's share of time is nearly used: end early but return the model so far (the
 *               best boosting round yet), which beats no model
 */
public record FitControl(BooleanSupplier stop, BooleanSupplier timeUp) {
    /** Never stops, never runs out of time (tests, and fits outside a run). */
    public static FitControl none() {
        return new FitControl(() -> false, () -> false);
    }

    /**
     * A control whose time is up at {@code softDeadlineNanos} ({@link System#nanoTime()} scale).
     *
     * @param stop the hard stop signal
     */
    public static FitControl until(BooleanSupplier stop, long softDeadlineNanos) {
        return new FitControl(stop, () -> System.nanoTime() - softDeadlineNanos >= 0);
    }
}
