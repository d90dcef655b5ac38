package org.automlwb.cli;

import java.io.PrintWriter;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.experiment.RunEventJson;

/**
 * {@code run --events}: every run event as one JSON line on stdout, flushed at once, so that a program that started
 * the run as a child process (the desktop app, through spark-submit) can follow it live. The summary line stays
 * the last line.
 */
final class EventLinePrinter implements RunListener {
    private final PrintWriter out;

    EventLinePrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void onEvent(RunEvent e) {
        out.println(RunEventJson.line(e));
        out.flush(); // a follower reading a pipe sees each trial as it finishes, not when a buffer fills
    }
}
