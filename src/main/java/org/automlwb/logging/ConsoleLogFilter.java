package org.automlwb.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.List;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * Keeps the console of a command to the product's own messages. Libraries log their failures at length (Tribuo's
 * XGBoost trainer logs every failed fit as an ERROR with the native back trace), but the engine already turns
 * each of those into a one-line result of its own (a failed trial, with the reason, in the progress line and in
 * run.log), so on stderr they would only repeat it as noise. They still reach the log files, in full.
 */
public final class ConsoleLogFilter extends Filter<ILoggingEvent> {
    /**
     * Marks a message that the code has already said on stderr in its own words (the command's one error line):
     * logged for its details only, not repeated on the console.
     */
    public static final Marker DETAILS_ONLY = MarkerFactory.getMarker("DETAILS_ONLY");

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLoggerName().startsWith("org.automlwb.")) return FilterReply.DENY;
        List<Marker> markers = event.getMarkerList();
        return markers != null && markers.contains(DETAILS_ONLY) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
