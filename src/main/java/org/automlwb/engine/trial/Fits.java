package org.automlwb.engine.trial;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.automlwb.common.CancelToken;

/**
 * Runs fits on daemon threads and waits for them with a time limit and a cancel token.
 *
 * <p>Tribuo trainers cannot be interrupted, so a fit past its time or cancelled is abandoned: it runs to its
 * end on its own thread and its result is dropped. Daemon threads keep such a fit from holding the JVM open.
 */
final class Fits {
    /** How often a waiting caller looks at its cancel token. */
    private static final long POLL_MILLIS = 100;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "automl-fit-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Abandoned fits still running: they hold a core until they end, whatever became of their trial. */
    private static final AtomicInteger ABANDONED_RUNNING = new AtomicInteger();
    private static final int RUNNING = 0;
    private static final int ABANDONED = 1;
    private static final int DONE = 2;

    private Fits() { }

    /** How many abandoned fits are still computing. */
    static int abandonedRunning() { return ABANDONED_RUNNING.get(); }

    /**
     * Runs {@code work} and waits for it until {@code limitNanos} ({@link System#nanoTime()} scale).
     *
     * @param limitWhy how to name the limit in a timeout message, e.g. "the per-trial cap of 60 s"
     * @throws FitAbortedException TIMEOUT past the limit, CANCELLED when the token is cancelled, FAILED when
     *                             the work throws anything, errors included
     */
    static <V> V await(Callable<V> work, CancelToken cancel, long limitNanos, String limitWhy)
            throws FitAbortedException {
        return await(stop -> work.call(), cancel, limitNanos, limitWhy);
    }

    /** Work that can be told to stop part-way: {@code stop} turns true once its result is no longer wanted. */
    @FunctionalInterface
    interface StoppableWork<V> {
        V call(BooleanSupplier stop) throws Exception;
    }

    /**
     * As {@link #await(Callable, CancelToken, long, String)}, for work that polls a stop signal: it turns true when
     * the caller gives up (time limit, cancel), so a learner that can stop between iterations frees its core at
     * once instead of running on abandoned.
     */
    static <V> V await(StoppableWork<V> work, CancelToken cancel, long limitNanos, String limitWhy)
            throws FitAbortedException {
        checkBefore(cancel, limitNanos, limitWhy);
        // RUNNING -> DONE when the fit ends first; RUNNING -> ABANDONED -> DONE when the caller gives up first.
        AtomicInteger state = new AtomicInteger(RUNNING);
        BooleanSupplier stop = () -> state.get() == ABANDONED || cancel.isCancelled();
        Future<V> future = POOL.submit(() -> {
            try {
                return work.call(stop);
            } finally {
                if (state.getAndSet(DONE) == ABANDONED) ABANDONED_RUNNING.decrementAndGet();
            }
        });
        while (true) {
            if (cancel.isCancelled()) {
                abandon(state);
                throw new FitAbortedException(TrialStatus.CANCELLED, "cancelled", null);
            }
            long left = limitNanos - System.nanoTime();
            if (left <= 0) {
                abandon(state);
                throw timeout(limitWhy);
            }
            try {
                return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // poll again: look at the token and the clock
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new FitAbortedException(TrialStatus.FAILED, reason(cause), cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandon(state);
                throw new FitAbortedException(TrialStatus.CANCELLED, "interrupted", e);
            }
        }
    }

    /** Leaves a fit to finish on its own, counting it as running until it does. */
    private static void abandon(AtomicInteger state) {
        if (state.compareAndSet(RUNNING, ABANDONED)) ABANDONED_RUNNING.incrementAndGet();
    }

    /** Throws when the work should not even start. */
    static void checkBefore(CancelToken cancel, long limitNanos, String limitWhy) throws FitAbortedException {
        if (cancel.isCancelled()) throw new FitAbortedException(TrialStatus.CANCELLED, "cancelled", null);
        if (limitNanos - System.nanoTime() <= 0) throw timeout(limitWhy);
    }

    private static FitAbortedException timeout(String limitWhy) {
        return new FitAbortedException(TrialStatus.TIMEOUT, "ran past " + limitWhy, null);
    }

    /** One line saying what went wrong: the exception's kind and its first message line. */
    static String reason(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            String what = blank(t.getMessage()) ? "" : " (" + t.getMessage() + ")";
            return "out of memory" + what + ": try fewer threads, a smaller model or more heap (-Xmx)";
        }
        Throwable withMessage = t;
        while (blank(withMessage.getMessage()) && withMessage.getCause() != null) withMessage = withMessage.getCause();
        String message = withMessage.getMessage();
        String line = blank(message) ? "" : ": " + message.strip().lines().findFirst().orElse("");
        String text = withMessage.getClass().getSimpleName() + line;
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** "12.3 s" */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
