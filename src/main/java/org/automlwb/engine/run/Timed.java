package org.automlwb.engine.run;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a piece of work that must be done by a point in time, on its own thread, and interrupts it when time is
 * up. The work stops at its next check of {@link Thread#interrupted()} (the ensemble and stack solvers check it
 * every iteration), so it does not keep a core busy after the caller has moved on.
 */
final class Timed {
    private Timed() { }

    /**
     * @param name   the thread's name
     * @param stopAt {@link System#nanoTime()} by which the work must be done
     * @param work   the work; what it publishes before it is stopped stays with the caller
     * @return whether the work finished in time (false also when there was no time to start it)
     * @throws RuntimeException what the work threw, other than being stopped
     */
    static boolean run(String name, long stopAt, Runnable work) {
        long wait = stopAt - System.nanoTime();
        if (wait <= 0) return false;
        FutureTask<Void> task = new FutureTask<>(work, null);
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
        try {
            task.get(wait, TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            task.cancel(true);
            return false;
        } catch (CancellationException e) {
            return false;
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException) return false;
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }
}
