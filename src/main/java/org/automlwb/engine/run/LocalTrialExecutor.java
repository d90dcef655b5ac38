package org.automlwb.engine.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.TrialTask;

/**
 * Trials on local threads. Cores are counted, not threads: a trial that runs XGBoost with two native threads
 * takes two cores, so trial threads and threads inside trials together never exceed what the run was given.
 */
public final class LocalTrialExecutor implements TrialExecutor {
    private final int cores;
    private final Function<TrialTask, TrialReport> work;
    private final Semaphore free;
    private final ExecutorService pool;

    /**
     * @param cores cores the trials may use in all
     * @param work  runs one task on the calling thread (e.g. {@link TrialWork#run} over the run's fold data)
     */
    public LocalTrialExecutor(int cores, Function<TrialTask, TrialReport> work) {
        this.cores = cores;
        this.work = work;
        this.free = new Semaphore(cores, true);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "trial-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public int cores() { return cores; }

    @Override
    public int coresBusyElsewhere() { return TrialRunner.abandonedFitsRunning(); }

    @Override
    public String describe() { return ExecutorKind.LOCAL.key(); }

    @Override
    public CompletableFuture<TrialReport> submit(TrialTask task) {
        int n = Math.max(1, Math.min(task.cores(), cores));
        CompletableFuture<TrialReport> future = new CompletableFuture<>();
        pool.execute(() -> {
            free.acquireUninterruptibly(n);
            try {
                future.complete(work.apply(task));
            } catch (Throwable t) {
                future.completeExceptionally(t);
            } finally {
                free.release(n);
            }
        });
        return future;
    }

    @Override
    public void close() { pool.shutdownNow(); }
}
