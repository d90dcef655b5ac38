package org.automlwb.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.FilterReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.experiment.RunLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The commands' logging as logback.xml sets it up: one line per message on stderr, never a stack trace, the
 * libraries' own messages kept off it; the details in the log file and, during a run, in its run.log.
 */
class ConsoleLogTest {
    @TempDir
    Path dir;

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> console() {
        return (ConsoleAppender<ILoggingEvent>) context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
    }

    private static LoggingEvent event(String logger, Level level, String message, Throwable t) {
        Logger l = context().getLogger(logger);
        return new LoggingEvent(ConsoleLogTest.class.getName(), l, level, message, t, null);
    }

    private static String rendered(ILoggingEvent e) {
        return new String(console().getEncoder().encode(e), StandardCharsets.UTF_8);
    }

    @Test
    void aWarningWithAStackTraceIsOneLineOnTheConsole() {
        Exception cause = new IllegalStateException("the disk is full\nsecond line of the message");
        String line = rendered(event("org.automlwb.experiment.Experiments", Level.WARN,
                "the run finished but its report could not be written", new RuntimeException(cause)));
        assertEquals(1, line.strip().lines().count(), line);
        assertTrue(line.contains("report could not be written"), line);
        assertFalse(line.contains("\tat ") || line.contains("Caused by"), line);
    }

    @Test
    void libraryMessagesAndDetailsOnlyMessagesStayOffTheConsole() {
        var filters = console().getCopyOfAttachedFiltersList();
        assertEquals(1, filters.size());
        var filter = filters.get(0);
        assertEquals(FilterReply.DENY, filter.decide(event("org.tribuo.classification.xgboost."
                + "XGBoostClassificationTrainer", Level.ERROR, "XGBoost threw an error", new RuntimeException())));
        assertEquals(FilterReply.NEUTRAL, filter.decide(event("org.automlwb.engine.run.AutoMLRun", Level.WARN,
                "ensembles and calibration skipped", null)));
        LoggingEvent detailsOnly = event("org.automlwb.cli.Cli", Level.ERROR, "internal error", new Error());
        detailsOnly.addMarker(ConsoleLogFilter.DETAILS_ONLY);
        assertEquals(FilterReply.DENY, filter.decide(detailsOnly));
    }

    @Test
    void theDetailsGoToTheLogFile() {
        Path file = LogCapture.logFile();
        assertTrue(file != null && file.toString().endsWith("cli.log"), String.valueOf(file));
    }

    @Test
    void aRunLogHoldsTheDetailsOfWarningsLoggedWhileItIsOpen() throws Exception {
        Path file = dir.resolve("run.log");
        org.slf4j.Logger log = LoggerFactory.getLogger("org.tribuo.common.xgboost.XGBoostTrainer");
        try (RunLog runLog = new RunLog(file)) {
            // From another thread, as a trial's fit thread would.
            Thread t = new Thread(() -> log.error("XGBoost threw an error",
                    new IllegalStateException("Input data contains `inf` or `nan`")));
            t.start();
            t.join();
            LoggerFactory.getLogger("org.automlwb.x").info("an info line is not a detail");
        }
        log.error("after the run: not in its log");
        String text = Files.readString(file);
        assertTrue(text.contains("ERROR org.tribuo.common.xgboost.XGBoostTrainer - XGBoost threw an error"), text);
        assertTrue(text.contains("IllegalStateException: Input data contains `inf` or `nan`"), text);
        assertTrue(text.contains("\tat "), "the stack trace: " + text);
        assertFalse(text.contains("an info line") || text.contains("after the run"), text);
    }
}
