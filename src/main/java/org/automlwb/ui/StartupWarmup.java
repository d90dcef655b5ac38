package org.automlwb.ui;

import org.automlwb.common.Json;
import org.automlwb.ui.settings.JsonSettingsStore;
import org.automlwb.ui.settings.Settings;
import org.slf4j.LoggerFactory;

/**
 * Work the first frame waits for but the JavaFX toolkit does not: started on a second thread while the toolkit
 * comes up on its own, so that the two overlap on a machine with two cores instead of following one another.
 *
 * <p>A JFR recording of the start showed a third of the samples before the first frame in logback reading its
 * XML configuration (on the launcher thread, before the toolkit started), and Jackson's first use (the settings
 * file, the sample list) in the middle of building the window. Both are class loading and one-time set-up: done
 * here first, the window finds them ready. Nothing here is needed for correctness: if this thread is slow, the
 * first caller does the same work itself (SLF4J hands out stand-in loggers while its set-up is under way and
 * replays what they logged).
 */
public final class StartupWarmup {
    private StartupWarmup() { }

    /**
     * Starts the warm-up on a daemon thread and returns at once.
     *
     * @param routeJavaUtilLogging sends java.util.logging through SLF4J (it sets up SLF4J, so it belongs here)
     */
    static void startInBackground(Runnable routeJavaUtilLogging) {
        Thread t = new Thread(() -> warm(routeJavaUtilLogging), "startup-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void warm(Runnable routeJavaUtilLogging) {
        try {
            LoggerFactory.getLogger(StartupWarmup.class).debug("warming up while the toolkit starts");
            routeJavaUtilLogging.run();
            // the settings file as the window reads it, and written back to nowhere: Jackson's reading and writing
            JsonSettingsStore.inUserHome().load();
            Json.MAPPER.writeValueAsString(Settings.defaults());
            Json.MAPPER.readTree("{\"warm\": [1, 2.5, \"x\", true, null]}");
        } catch (java.io.IOException | RuntimeException | LinkageError e) {
            // only lost time: whoever needs these first sets them up
            LoggerFactory.getLogger(StartupWarmup.class).debug("warm-up stopped: {}", e.toString());
        }
    }
}
