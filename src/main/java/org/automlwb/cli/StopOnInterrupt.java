package org.automlwb.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;

/**
 * Ctrl+C during {@code run}: stop searching, but still refit the best model so far and write the experiment
 * (the journal then lets {@code run --resume} continue). The JVM waits for that, up to a minute; a second Ctrl+C
 * cannot shorten it, but a kill -9 can, and the journal survives that too.
 */
final class StopOnInterrupt implements AutoCloseable {
    private static final long GRACE_SECONDS = 60;

    private final CancelToken token = new CancelToken();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private StopOnInterrupt(PrintWriter err) {
        hook = new Thread(() -> {
            if (finished.getCount() == 0) return;
            err.println();
            err.println("stopping: refitting the best model so far and writing the experiment ...");
            err.flush();
            token.cancel();
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-on-interrupt");
    }

    static StopOnInterrupt install(PrintWriter err) {
        StopOnInterrupt s = new StopOnInterrupt(err);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    CancelToken token() { return token; }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it sees the latch at zero and lets the JVM exit.
        }
    }
}
