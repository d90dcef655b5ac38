package org.automlwb.common;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Ending a child process together with every process it started (a JVM's own children, a shell's). */
public final class ProcessTree {
    private ProcessTree() { }

    /**
     * Kills the process and every process under it at once, then waits a bounded time for it to end. The
     * descendants are listed before the process is killed, since an orphan is no longer found under it.
     *
     * @param wait how long to wait for the process to end
     * @return whether it ended within {@code wait}; false too when the wait was interrupted (the thread's interrupt
     *         flag is set again)
     */
    public static boolean kill(Process process, Duration wait) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
