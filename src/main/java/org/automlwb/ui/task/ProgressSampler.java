package org.automlwb.ui.task;

import org.automlwb.common.ProgressListener;

/**
 * Keeps only the latest progress reported by a worker, for the UI to sample at its own pace. This is how
 * progress reaches the screen without one {@code Platform.runLater} per report.
 */
public final class ProgressSampler implements ProgressListener {
    // Three separate volatiles: a torn read shows a value from one report and a total from the next, harmless.
    private volatile long done;
    private volatile long total = -1;
    private volatile String stage = "";

    @Override
    public void progress(long done, long total, String stage) {
        this.done = done;
        this.total = total;
        this.stage = stage == null ? "" : stage;
    }

    public long done() { return done; }

    public long total() { return total; }

    public String stage() { return stage; }

    /** Fraction done in [0, 1], or -1 while the total is unknown. */
    public double fraction() {
        long t = total;
        if (t <= 0) return -1;
        return Math.min(1.0, Math.max(0.0, (double) done / t));
    }
}
