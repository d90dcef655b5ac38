package org.automlwb.engine.trial;

import java.io.Serializable;

/**
 * One trial as plain data: what to train, for which run, until when, on how many cores. It holds no closure, no
 * clock of this JVM and no shared state, so it can be sent to another machine (a Spark executor) and run there
 * against the run's {@code RunContext}, which travels once per run rather than once per trial.
 *
 * @param runId              the run the trial belongs to: a worker keeps the run's fold data under this id
 * @param spec               what to train
 * @param deadlineEpochMillis when the trial must end, on the wall clock ({@link System#currentTimeMillis()}), since
 *                           {@link System#nanoTime()} means nothing in another JVM
 * @param cores              cores the trial may use (native threads inside its fits)
 */
public record TrialTask(String runId, TrialSpec spec, long deadlineEpochMillis, int cores) implements Serializable {
    public TrialTask {
        if (runId == null || runId.isBlank()) throw new IllegalArgumentException("a trial task needs a run id");
        if (cores < 1) throw new IllegalArgumentException("cores must be at least 1: " + cores);
    }

    /**
     * A task whose deadline is given on this JVM's {@link System#nanoTime()} scale, as the search loop keeps it.
     * A deadline more than a day away (an unbounded run) becomes a day from now.
     */
    public static TrialTask of(String runId, TrialSpec spec, long deadlineNanos, int cores) {
        long now = System.nanoTime();
        long day = 86_400_000L;
        long leftMillis = Math.min(day, Math.max(0, (deadlineNanos - now) / 1_000_000L));
        return new TrialTask(runId, spec, System.currentTimeMillis() + leftMillis, cores);
    }

    /** The deadline on this JVM's {@link System#nanoTime()} scale. */
    public long deadlineNanos() {
        return System.nanoTime() + (deadlineEpochMillis - System.currentTimeMillis()) * 1_000_000L;
    }
}
