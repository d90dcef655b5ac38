package org.automlwb.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.automlwb.ui.task.TaskExecutor;
import org.automlwb.ui.task.TaskHandle;

/** A fake executor for view-model tests: jobs wait in a queue until the test runs them on its own thread. */
public final class QueuedTaskExecutor implements TaskExecutor {
    private final Deque<Job<?>> queue = new ArrayDeque<>();
    private boolean shutdown;

    @Override
    public <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        Job<T> job = new Job<>(name, work, onSuccess, onFailure);
        queue.add(job);
        return job;
    }

    @Override
    public void shutdown() { shutdown = true; }

    public boolean isShutdown() { return shutdown; }

    /** How many jobs wait. */
    public int pending() { return queue.size(); }

    /** The name of the next job, or null. */
    public String nextName() { return queue.isEmpty() ? null : queue.peek().name; }

    /** Runs the oldest job and its callback. */
    public void runNext() {
        Job<?> job = queue.poll();
        if (job == null) throw new IllegalStateException("no job queued");
        job.run();
    }

    /**
     * Runs the oldest job's work but holds back its callback, as if the worker were still busy.
     *
     * @return delivers the callback when run
     */
    public Runnable runNextWorkOnly() {
        Job<?> job = queue.poll();
        if (job == null) throw new IllegalStateException("no job queued");
        return job.compute();
    }

    /** Runs jobs until none wait (including jobs queued by callbacks). */
    public void runAll() {
        while (!queue.isEmpty()) runNext();
    }

    private static final class Job<T> implements TaskHandle {
        final String name;
        final Callable<T> work;
        final Consumer<? super T> onSuccess;
        final Consumer<? super Throwable> onFailure;
        boolean cancelled;
        boolean done;

        Job(String name, Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
            this.name = name;
            this.work = work;
            this.onSuccess = onSuccess;
            this.onFailure = onFailure;
        }

        void run() {
            compute().run();
        }

        Runnable compute() {
            done = true;
            if (cancelled) return () -> { };
            try {
                T value = work.call();
                return () -> onSuccess.accept(value);
            } catch (Throwable e) {
                return () -> onFailure.accept(e);
            }
        }

        @Override public void cancel() { cancelled = true; }
        @Override public boolean isDone() { return done || cancelled; }
    }
}
