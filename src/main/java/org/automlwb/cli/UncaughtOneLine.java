package org.automlwb.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.automlwb.logging.ConsoleLogFilter;
import org.automlwb.logging.LogCapture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a command does with an exception that no code catches, in a thread of its own (fold prefetching, a timed
 * stage, a library's thread): one line on stderr and the details in the log, where the JVM's default would print
 * the whole stack trace on stderr (an {@code OutOfMemoryError} in a background thread: 20 lines and more).
 */
final class UncaughtOneLine implements Thread.UncaughtExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtOneLine.class);
    private final PrintStream err;

    UncaughtOneLine(PrintStream err) {
        this.err = err;
    }

    /** Makes this the handler of every thread of the process that has none of its own. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new UncaughtOneLine(System.err));
    }

    @Override
    public void uncaughtException(Thread t, Throwable e) {
        try {
            LOG.error(ConsoleLogFilter.DETAILS_ONLY, "uncaught in thread {}", t.getName(), e);
        } catch (Throwable loggingFailed) {
            // Out of memory, logging may fail too: the line below still says what happened.
        }
        Path log = LogCapture.logFile();
        err.println(("internal error in thread " + t.getName() + ": " + e).replaceAll("[\\r\\n]+", " ")
                + " (details in " + (log == null ? "the log" : log.toString()) + ")");
        err.flush();
    }
}
