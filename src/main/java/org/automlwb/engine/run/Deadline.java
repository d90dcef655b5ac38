package org.automlwb.engine.run;

import java.time.Duration;

/**
 * The run's wall clock: when it started, when it must end, and how much of the end is held back for the
 * ensemble and the final refit (the reserve grows as slow models appear on the leaderboard).
 */
public final class Deadline {
    private final long startNanos;
    private final long endNanos;
    private volatile long reserveNanos;

    public Deadline(long startNanos, Duration budget) {
        this.startNanos = startNanos;
        this.endNanos = budget == null ? Long.MAX_VALUE : startNanos + budget.toNanos();
    }

    public boolean bounded() { return endNanos != Long.MAX_VALUE; }

    public double elapsedSeconds() { return (System.nanoTime() - startNanos) / 1e9; }

    /** The moment no search work may run past: the end less the reserve. */
    public long searchEndNanos() {
        return bounded() ? endNanos - reserveNanos : Long.MAX_VALUE;
    }

    public long endNanos() { return endNanos; }

    /** The whole budget in nanoseconds (0 when unbounded). */
    public long budgetNanos() { return bounded() ? endNanos - startNanos : 0; }

    /** Seconds until the search must stop (infinite when unbounded). */
    public double searchSecondsLeft() {
        return bounded() ? (searchEndNanos() - System.nanoTime()) / 1e9 : Double.POSITIVE_INFINITY;
    }

    public double secondsLeft() {
        return bounded() ? (endNanos - System.nanoTime()) / 1e9 : Double.POSITIVE_INFINITY;
    }

    public boolean searchOver() { return System.nanoTime() >= searchEndNanos(); }

    /** Holds back this many seconds, capped at 40% of the budget so the search always gets most of it. */
    public void reserveSeconds(double seconds) {
        if (!bounded()) return;
        long cap = (long) ((endNanos - startNanos) * 0.4);
        reserveNanos = Math.min(cap, (long) (seconds * 1e9));
    }

    public double reservedSeconds() { return reserveNanos / 1e9; }
}
