package org.automlwb.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;
import org.automlwb.ui.dialog.FxDialogService;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.task.FxTaskExecutor;

/**
 * The base of the screenshot tours (not tests): opens the real window with in-memory settings, then runs the
 * tour on a thread of its own so it can wait for the window between pictures.
 */
abstract class TourApplication extends Application {
    /** The arguments of the tour being run. */
    static String[] args;

    protected WorkbenchViewModel vm;
    protected Stage stage;

    /** Keeps the arguments and starts JavaFX with the tour (from a plain class: see STACK.md). */
    static void run(Class<? extends TourApplication> tour, String[] a) {
        args = a;
        Application.launch(tour);
    }

    /** Folders the welcome screen offers samples from; none unless a tour says otherwise. */
    protected List<Path> sampleFolders() { return List.of(); }

    @Override
    public void start(Stage primary) {
        stage = primary;
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), new FxDialogService(primary),
                InMemorySettingsStore.forTour(), DataSource.csv(), this::sampleFolders);
        vm = WorkbenchShell.show(primary, services, null).viewModel();
        Thread t = new Thread(this::tour, "tour");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Opens {@code file} in the window, waits until it is read and profiled, and names {@code target} and a new
     * models folder for the run (the tours' common start).
     */
    protected void openForRun(String file, String target) throws Exception {
        ScreenshotTour.Tour.fx(() -> vm.open(Path.of(file)));
        ScreenshotTour.Tour.waitFor(() -> vm.load().getState() == LoadState.READY
                && vm.load().getProfile() != null);
        Path models = Files.createTempDirectory("tour-models");
        ScreenshotTour.Tour.fx(() -> {
            vm.session().targetProperty().set(target);
            vm.session().modelsRootProperty().set(models);
        });
    }

    /** Drives the window and saves the pictures. */
    protected abstract void tour();
}
