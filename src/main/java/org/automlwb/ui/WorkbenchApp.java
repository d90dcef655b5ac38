package org.automlwb.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.automlwb.ui.dialog.FxDialogService;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.settings.JsonSettingsStore;
import org.automlwb.ui.task.FxTaskExecutor;
import org.automlwb.ui.welcome.SampleFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started by {@link DesktopLauncher}, with no parameter or with a CSV file to open (a
 * desktop's "Open with"); {@code -Dautomlwb.open=FILE} also opens a file at start (screenshots and demos).
 * {@code -Dautomlwb.exitAfterFirstFrame=true} closes the app once its first frame is up: the installer build runs it
 * that way to record which classes a start loads (installers/build.sh, the class-data-sharing archive).
 */
public final class WorkbenchApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    /** System property: quit as soon as the first frame is up (a scripted start, not a person's). */
    static final String EXIT_AFTER_FIRST_FRAME = "automlwb.exitAfterFirstFrame";

    @Override
    public void start(Stage stage) {
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), new FxDialogService(stage, getHostServices()::showDocument),
                JsonSettingsStore.inUserHome(), DataSource.csv(), SampleFiles::candidates);
        stage.setOnShown(e -> Platform.runLater(() -> {
            logStartupTime();
            // runLater again: the frame after "shown" is drawn by then, so a recorded start includes its drawing
            if (Boolean.getBoolean(EXIT_AFTER_FIRST_FRAME)) Platform.runLater(Platform::exit);
        }));
        WorkbenchShell.show(stage, services, initialFile(getParameters().getRaw()));
    }

    private static Path initialFile(List<String> parameters) {
        if (!parameters.isEmpty()) return Path.of(parameters.get(0));
        String open = System.getProperty("automlwb.open");
        return open == null || open.isBlank() ? null : Path.of(open);
    }

    /**
     * How long the window took to come up, from the JVM's own start time (the process start time the OS reports
     * is only exact to the second on Linux). Loaded after the window shows, so it costs the start-up nothing.
     */
    private static void logStartupTime() {
        long started = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Window ready {} ms after the JVM started", System.currentTimeMillis() - started);
    }
}
