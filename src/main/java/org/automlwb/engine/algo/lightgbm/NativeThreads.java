package org.automlwb.engine.algo.lightgbm;

import java.util.ArrayDeque;

/**
 * Keeps LightGBM's thread count the same for every native call that is running at once, JVM-wide.
 *
 * <p>Since LightGBM 4.2 the {@code num_threads} of any call that takes parameters (dataset and booster creation,
 * prediction) is written to one process-wide variable ({@code LGBM_DEFAULT_NUM_THREADS}), which every later
 * parallel region reads. Buffers are sized per thread when a booster or predictor is set up and indexed by
 * {@code omp_get_thread_num()} later, so a fit with 1 thread running beside a fit with 2 threads can write out of
 * bounds (LightGBM itself warns "Detected that num_threads changed during training ... may cause unexpected
 * errors", and its docs say not to change it while jobs run simultaneously). This gate lets any number of calls
 * run together as long as they use the same count; a call with another count waits until they have finished.
 * Waiters are served in arrival order, so a stream of 1-thread fits cannot starve a 2-thread refit.
 *
 * <p>A thread that already holds a permit (a fit that predicts its validation rows) re-enters at once with the
 * current count, so nesting can't deadlock.
 */
final class NativeThreads {
    private static final Object LOCK = new Object();
    private static final ArrayDeque<Object> QUEUE = new ArrayDeque<>();
    private static final ThreadLocal<int[]> HELD = ThreadLocal.withInitial(() -> new int[1]);
    private static int current;
    private static int active;

    private NativeThreads() {}

    /** A permission to call LightGBM with {@link #threads()} threads; close it when the native calls are done. */
    static final class Permit implements AutoCloseable {
        private final int threads;
        private boolean closed;

        private Permit(int threads) { this.threads = threads; }

        int threads() { return threads; }

        @Override
        public void close() {
            if (closed) return;
            closed = true;
            int[] held = HELD.get();
            held[0]--;
            if (held[0] > 0) return;
            synchronized (LOCK) {
                active--;
                if (active == 0) LOCK.notifyAll();
            }
        }
    }

    /** Waits until LightGBM may run with exactly {@code threads} threads. */
    static Permit enter(int threads) throws InterruptedException {
        return enter(threads, false);
    }

    /**
     * For calls whose result does not depend on the thread count (prediction): joins the count of the calls
     * running now, or uses {@code preferred} when none runs.
     */
    static Permit enterAny(int preferred) throws InterruptedException {
        return enter(preferred, true);
    }

    private static Permit enter(int threads, boolean any) throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        int[] held = HELD.get();
        if (held[0] > 0) {
            held[0]++;
            synchronized (LOCK) { return new Permit(current); }
        }
        Object ticket = new Object();
        synchronized (LOCK) {
            QUEUE.addLast(ticket);
            try {
                while (QUEUE.peekFirst() != ticket || (active > 0 && !any && current != threads)) {
                    LOCK.wait();
                }
            } catch (InterruptedException e) {
                QUEUE.remove(ticket);
                LOCK.notifyAll();
                throw e;
            }
            QUEUE.removeFirst();
            if (active == 0) current = threads;
            active++;
            held[0] = 1;
            LOCK.notifyAll();
            return new Permit(current);
        }
    }

    /** The count in force and how many callers hold it; for tests. */
    static int[] state() {
        synchronized (LOCK) { return new int[] {current, active, QUEUE.size()}; }
    }
}
