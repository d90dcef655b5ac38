package org.automlwb.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.automlwb.ui.dialog.FxDialogService;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.settings.JsonSettingsStore;
import org.automlwb.ui.task.FxTaskExecutor;
import org.automlwb.ui.welcome.SampleFiles;

/**
 * The JavaFX application. Started by {@link DesktopLauncher}. {@code -Dautomlwb.open=FILE} opens a file at
 * start (used for screenshots and demos).
 */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), new FxDialogService(stage, getHostServices()::showDocument),
                JsonSettingsStore.inUserHome(), DataSource.csv(), SampleFiles::candidates);
        String open = System.getProperty("automlwb.open");
        WorkbenchShell.show(stage, services, open == null || open.isBlank() ? null : Path.of(open));
    }
}
