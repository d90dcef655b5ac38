package org.automlwb.cli;

import java.lang.management.ManagementFactory;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;

/**
 * Measures this process's CPU time (user + system) over the whole run and over the search stage alone, where
 * the goal is to keep every core busy.
 */
final class CpuMeter implements RunListener {
    private final long startCpu = cpuNanos();
    private final long startWall = System.nanoTime();
    private long searchStartCpu = -1;
    private long searchStartWall;
    private long searchEndCpu = -1;
    private long searchEndWall;

    static long cpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) return sun.getProcessCpuTime();
        return -1;
    }

    @Override
    public synchronized void onEvent(RunEvent e) {
        if (e instanceof RunEvent.RunStarted) {
            searchStartCpu = cpuNanos();
            searchStartWall = System.nanoTime();
        } else if ((e instanceof RunEvent.StageChanged s && !s.stage().equals("search") && searchEndCpu < 0
                && searchStartCpu >= 0) || (e instanceof RunEvent.RunFinished && searchEndCpu < 0)) {
            searchEndCpu = cpuNanos();
            searchEndWall = System.nanoTime();
        }
    }

    /** CPU seconds since this meter was made. */
    double cpuSeconds() { return (cpuNanos() - startCpu) / 1e9; }

    double wallSeconds() { return (System.nanoTime() - startWall) / 1e9; }

    /** Busy share of {@code cores} during the search: CPU seconds / (wall seconds x cores), or NaN. */
    synchronized double searchUse(int cores) {
        if (searchStartCpu < 0 || searchEndCpu < 0 || searchEndWall <= searchStartWall) return Double.NaN;
        return (searchEndCpu - searchStartCpu) / ((double) (searchEndWall - searchStartWall) * cores);
    }
}
