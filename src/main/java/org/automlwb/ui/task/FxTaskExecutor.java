package org.automlwb.ui.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TaskExecutor} over a small pool of daemon threads; each job is a {@link Task}, whose success and
 * failure handlers JavaFX already delivers on the UI thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private final ExecutorService pool;

    /** @param threads worker threads; two let a sort run while a profile is being computed */
    public FxTaskExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "workbench-worker-" + count.incrementAndGet());
            t.setDaemon(true); // never keep the JVM alive after the window closed
            return t;
        });
    }

    @Override
    public <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                                 Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                LOG.debug("start: {}", name);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        try {
            pool.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The window closed while a timer (e.g. the debounced recipe preview) was still pending: drop the work.
            LOG.debug("dropped '{}': the app is closing", name);
            task.cancel(false);
        }
        return new TaskHandle() {
            @Override public void cancel() { task.cancel(true); }
            @Override public boolean isDone() { return task.isDone(); }
        };
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
