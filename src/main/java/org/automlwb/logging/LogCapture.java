package org.automlwb.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a message's details go when the console shows it in one line: copies of every warning and error, stack
 * trace included, to a sink for as long as a capture is open (a run copies them into its run.log), and the name
 * of the commands' log file. The rest of the product logs through SLF4J only; this is the one place that plugs
 * into logback itself.
 */
public final class LogCapture implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final LoggerContext context;
    private final Appender<ILoggingEvent> appender;

    private LogCapture(LoggerContext context, Appender<ILoggingEvent> appender) {
        this.context = context;
        this.appender = appender;
    }

    /**
     * Starts copying warnings and errors logged anywhere in this process to {@code sink}, one string per message
     * (its first line {@code HH:mm:ss LEVEL logger - message}, then the stack trace, if any). The sink is called on
     * the logging thread, with no lock of the logging system held (so a sink that takes its own lock cannot
     * deadlock with a thread that logs while holding it).
     *
     * @param name names the capture among the logger's appenders
     * @return the capture, to close when done; one that captures nothing when logging is not logback's
     */
    public static LogCapture start(String name, Consumer<String> sink) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return new LogCapture(null, null);
        UnsynchronizedAppenderBase<ILoggingEvent> a = new UnsynchronizedAppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getLevel().isGreaterOrEqual(Level.WARN)) sink.accept(format(e));
            }
        };
        a.setContext(ctx);
        a.setName(name);
        a.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(a);
        return new LogCapture(ctx, a);
    }

    static String format(ILoggingEvent e) {
        StringBuilder sb = new StringBuilder();
        sb.append(TIME.format(LocalTime.now())).append(' ').append(e.getLevel()).append(' ')
                .append(e.getLoggerName()).append(" - ").append(e.getFormattedMessage());
        IThrowableProxy t = e.getThrowableProxy();
        if (t != null) sb.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(t).stripTrailing());
        return sb.toString();
    }

    /** Stops copying. */
    @Override
    public void close() {
        if (context == null) return;
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    /**
     * The file the commands' log goes to (the {@code FILE} appender of logback.xml), or null when logging is set up
     * otherwise: named in error lines so that "details in the log" says where.
     */
    public static Path logFile() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return null;
        Appender<ILoggingEvent> a = ctx.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        return a instanceof FileAppender<ILoggingEvent> f && f.getFile() != null ? Path.of(f.getFile()) : null;
    }
}
