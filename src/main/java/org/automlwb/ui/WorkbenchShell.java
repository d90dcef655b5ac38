package org.automlwb.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.automlwb.ui.settings.WindowBounds;

/**
 * Puts the workbench into a stage: theme, window bounds from last time, title, closing. Separate from
 * {@link WorkbenchApp} so the TestFX test builds the same window with injected services.
 */
public final class WorkbenchShell {
    private final Stage stage;
    private final WorkbenchViewModel vm;

    private WorkbenchShell(Stage stage, WorkbenchViewModel vm) {
        this.stage = stage;
        this.vm = vm;
    }

    /** Builds the window in {@code stage} and shows it; opens {@code initialFile} when not null. */
    public static WorkbenchShell show(Stage stage, WorkbenchServices services, Path initialFile) {
        WorkbenchViewModel vm = new WorkbenchViewModel(services);
        WorkbenchShell shell = new WorkbenchShell(stage, vm);
        applyTheme(vm.themeProperty().get());

        WorkbenchWindow window = new WorkbenchWindow(vm, shell::quit);
        WindowBounds b = vm.savedWindowBounds();
        Scene scene = new Scene(window, b.width(), b.height(), vm.themeProperty().get().background());
        vm.themeProperty().addListener((obs, o, t) -> {
            applyTheme(t);
            scene.setFill(t.background());
        });
        stage.setScene(scene);
        stage.setMinWidth(820);
        stage.setMinHeight(520);
        stage.titleProperty().bind(vm.titleProperty());
        stage.getIcons().setAll(AppIcons.load());
        restore(stage, b);
        stage.setOnCloseRequest(e -> { if (!vm.confirmClose()) e.consume(); });
        stage.setOnHidden(e -> vm.close(currentBounds(stage)));
        stage.show();
        if (initialFile != null) vm.open(initialFile);
        return shell;
    }

    public WorkbenchViewModel viewModel() { return vm; }

    /** File > Quit: closes the window, which saves the settings. */
    public void quit() {
        if (vm.confirmClose()) stage.close();
    }

    private static void applyTheme(Theme theme) {
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
    }

    private static void restore(Stage stage, WindowBounds b) {
        stage.setWidth(b.width());
        stage.setHeight(b.height());
        if (!Double.isNaN(b.x()) && !Double.isNaN(b.y())) {
            // Only where a screen still is: a monitor unplugged since last time must not hide the window.
            List<Screen> screens = Screen.getScreensForRectangle(new Rectangle2D(b.x(), b.y(), b.width(), b.height()));
            if (!screens.isEmpty()) {
                stage.setX(b.x());
                stage.setY(b.y());
            }
        }
        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        if (stage.getWidth() > visible.getWidth()) stage.setWidth(visible.getWidth());
        if (stage.getHeight() > visible.getHeight()) stage.setHeight(visible.getHeight());
        stage.setMaximized(b.maximized());
    }

    private static WindowBounds currentBounds(Stage stage) {
        return new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
    }
}
