package org.automlwb.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.automlwb.engine.Metric;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialStatus;

/**
 * The live progress line of {@code run}: rewritten in place on a terminal, printed once a second at most
 * otherwise, so logs of scripted runs stay short.
 */
final class ProgressPrinter implements RunListener {
    private final PrintWriter err;
    private final boolean terminal;
    private Metric metric;
    private int finished;
    private int failed;
    private int running;
    private String best = "-";
    private String stage = "search";
    private long lastPrint;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onEvent(RunEvent e) {
        if (e instanceof RunEvent.RunStarted s) {
            metric = s.metric();
            err.printf(Locale.ROOT, "task %s, metric %s, %d rows, %d features, %s, %d algorithms%n",
                    s.task().key(), s.metric().key(), s.rows(), s.features(), s.validation(), s.algorithms());
        } else if (e instanceof RunEvent.TrialStarted) {
            running++;
        } else if (e instanceof RunEvent.TrialFinished f) {
            running--;
            finished++;
            if (f.result().status() == TrialStatus.FAILED || f.result().status() == TrialStatus.TIMEOUT) failed++;
        } else if (e instanceof RunEvent.BestChanged b) {
            best = describe(b.best());
        } else if (e instanceof RunEvent.StageChanged s) {
            stage = s.stage();
            print(e.elapsedSeconds(), true);
            return;
        } else if (e instanceof RunEvent.RunFinished f) {
            print(e.elapsedSeconds(), true);
            if (terminal) err.println();
            err.println(f.summary().message());
            err.flush();
            return;
        }
        print(e.elapsedSeconds(), false);
    }

    private String describe(TrialResult r) {
        return String.format(Locale.ROOT, "%s %.5g (%s #%d)", metric == null ? "" : metric.key(), r.score(),
                r.spec().algorithm(), r.spec().trialId());
    }

    private void print(double elapsed, boolean force) {
        long now = System.nanoTime();
        if (!force && !terminal && now - lastPrint < 1_000_000_000L) return;
        if (!force && terminal && now - lastPrint < 100_000_000L) return;
        lastPrint = now;
        String line = String.format(Locale.ROOT, "[%6.1fs] %-8s trials %d (%d failed), running %d, best %s",
                elapsed, stage, finished, failed, running, best);
        if (terminal) err.print("\r" + line + "   ");
        else err.println(line);
        err.flush();
    }
}
