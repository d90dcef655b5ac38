package org.automlwb.experiment;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.logging.LogCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run.log}: a readable line per event of the run, flushed as it goes, and, while it is open, every warning
 * and error logged in this process in full, stack trace included. The console shows such a message in one line;
 * its details belong with the run they happened in (a failed report write, a library failing on a trial).
 */
public final class RunLog implements RunListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunLog.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final BufferedWriter out;
    private final LogCapture details;
    private boolean broken;

    public RunLog(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        // The sink takes this log's lock only, never the logging system's: no deadlock with write's own warning.
        details = LogCapture.start("run.log " + file, this::details);
    }

    private synchronized void details(String text) {
        write(text);
    }

    @Override
    public synchronized void onEvent(RunEvent e) {
        write(String.format(Locale.ROOT, "%s [%7.2fs] %s", TIME.format(LocalTime.now()), e.elapsedSeconds(), text(e)));
    }

    /** What one event says in run.log, without time stamps (the desktop's log pane shows the same words). */
    public static String text(RunEvent e) {
        String text;
        if (e instanceof RunEvent.RunStarted s) {
            text = String.format(Locale.ROOT, "run started: task %s, metric %s, %d rows, %d features, %s",
                    s.task().key(), s.metric().key(), s.rows(), s.features(), s.validation());
        } else if (e instanceof RunEvent.StageChanged s) {
            text = "stage " + s.stage() + ": " + s.message();
        } else if (e instanceof RunEvent.TrialStarted t) {
            text = "trial " + t.spec().trialId() + " started: " + t.spec().algorithm() + " {" + t.spec().config()
                    + "} (" + t.spec().origin() + ")";
        } else if (e instanceof RunEvent.TrialFinished f) {
            TrialResult r = f.result();
            text = String.format(Locale.ROOT, "trial %d %s: %s score %.6g in %.2fs%s", r.spec().trialId(),
                    r.status(), r.spec().algorithm(), r.score(), r.fitSeconds(),
                    r.error() == null ? "" : " — " + r.error());
        } else if (e instanceof RunEvent.BestChanged b) {
            text = "new best: trial " + b.best().spec().trialId() + " " + b.best().spec().algorithm();
        } else if (e instanceof RunEvent.SearchEnded s) {
            text = "search ended (" + s.reason() + ") after " + s.trials() + " trials";
        } else if (e instanceof RunEvent.RunFinished f) {
            text = "run finished (" + f.summary().outcome() + "): " + f.summary().message();
        } else {
            text = e.toString();
        }
        return text;
    }

    /** The words before a trial's id in a started line ({@link #text}): "trial 12 started: ...". */
    private static final java.util.regex.Pattern STARTED = java.util.regex.Pattern.compile("\\] trial (\\d+) started: ");

    /**
     * The highest trial id a run.log says was started, or 0. Every trial is logged when it starts, before its
     * journal line is written, so this bounds the id of a journal line cut by a crash that the line itself no
     * longer shows.
     */
    public static int highestTrialStarted(Path file) throws IOException {
        if (!Files.exists(file)) return 0;
        int highest = 0;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            for (String line : (Iterable<String>) lines::iterator) {
                java.util.regex.Matcher m = STARTED.matcher(line);
                if (m.find() && m.group(1).length() < 10) highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        } catch (java.io.UncheckedIOException e) {
            // A run.log that is not UTF-8 (edited by hand) gives no bound; the journal's own still holds.
            LOG.warn("{}: cannot read the trial ids started ({})", file, e.getCause().getMessage());
        }
        return highest;
    }

    private void write(String line) {
        if (broken) return;
        try {
            out.write(line);
            out.newLine();
            out.flush();
        } catch (IOException ex) {
            broken = true;
            LOG.warn("run.log cannot be written any more", ex);
        }
    }

    @Override
    public synchronized void close() {
        details.close();
        try {
            out.close();
        } catch (IOException ex) {
            LOG.warn("closing run.log failed", ex);
        }
    }
}
