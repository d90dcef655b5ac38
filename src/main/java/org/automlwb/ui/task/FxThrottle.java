package org.automlwb.ui.task;

import javafx.animation.AnimationTimer;

/**
 * Runs an action on the UI thread at most every {@code intervalMillis} while started: the pull side of
 * {@link ProgressSampler}.
 */
public final class FxThrottle extends AnimationTimer {
    private final long intervalNanos;
    private final Runnable action;
    private long last;

    public FxThrottle(long intervalMillis, Runnable action) {
        this.intervalNanos = intervalMillis * 1_000_000L;
        this.action = action;
    }

    @Override
    public void handle(long now) {
        if (now - last >= intervalNanos) {
            last = now;
            action.run();
        }
    }

    /** Starts or stops; one final run on stop so the last value is shown. */
    public void setRunning(boolean running) {
        if (running) {
            last = 0;
            start();
        } else {
            stop();
            action.run();
        }
    }
}
