package org.automlwb.engine.run;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.automlwb.engine.trial.TrialResult;

/**
 * Trials on local threads. Cores are counted, not threads: a trial that runs XGBoost with two native threads
 * takes two cores, so trial threads and threads inside trials together never exceed what the run was given.
 */
public final class LocalTrialExecutor implements TrialExecutor {
    private final int cores;
    private final Semaphore free;
    private final ExecutorService pool;

    public LocalTrialExecutor(int cores) {
        this.cores = cores;
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
    public int freeCores() { return free.availablePermits(); }

    @Override
    public CompletableFuture<TrialResult> submit(int wanted, Callable<TrialResult> work) {
        int n = Math.max(1, Math.min(wanted, cores));
        CompletableFuture<TrialResult> future = new CompletableFuture<>();
        pool.execute(() -> {
            free.acquireUninterruptibly(n);
            try {
                future.complete(work.call());
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
