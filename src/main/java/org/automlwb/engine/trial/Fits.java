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

    private Fits() { }

    /**
     * Runs {@code work} and waits for it until {@code limitNanos} ({@link System#nanoTime()} scale).
     *
     * @param limitWhy how to name the limit in a timeout message, e.g. "the per-trial cap of 60 s"
     * @throws FitAbortedException TIMEOUT past the limit, CANCELLED when the token is cancelled, FAILED when
     *                             the work throws anything, errors included
     */
    static <V> V await(Callable<V> work, CancelToken cancel, long limitNanos, String limitWhy)
            throws FitAbortedException {
        checkBefore(cancel, limitNanos, limitWhy);
        Future<V> future = POOL.submit(work);
        while (true) {
            if (cancel.isCancelled()) {
                future.cancel(false);
                throw new FitAbortedException(TrialStatus.CANCELLED, "cancelled", null);
            }
            long left = limitNanos - System.nanoTime();
            if (left <= 0) {
                future.cancel(false);
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
                future.cancel(false);
                throw new FitAbortedException(TrialStatus.CANCELLED, "interrupted", e);
            }
        }
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
